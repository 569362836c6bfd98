package io.mockpanel.review;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A history service on another database (the big generated history), for the benchmark. */
public final class HistoryServices {

    private HistoryServices() {
    }

    /** Without Spring's proxy: call it inside a transaction, as the application does. */
    public static HistoryService on(DataSource dataSource) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        return new HistoryService(jdbc, new ReviewAccess(jdbc, new AuditLog(jdbc, Clock.systemUTC())));
    }
}
