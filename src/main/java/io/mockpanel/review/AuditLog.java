package io.mockpanel.review;

import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the audit log: who did what to whose data. Written in the caller's transaction, so an
 * action and its record commit together. Never give it note text, tokens or e-mail addresses.
 */
@Component
public class AuditLog {

    /** What was done; the names are what the audit view shows. */
    public enum Action {
        /** A coach or admin opened a session they did not sit on (review, export). */
        VIEWED_SESSION,
        EXPORTED_SESSION,
        MERGED_CANDIDATES,
        ANONYMISED_CANDIDATE,
        DELETED_CANDIDATE,
        ANONYMISED_SESSION,
        RELEASED_REPORT,
        REVOKED_REPORT_LINK
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records an action; subject names what it touched, e.g. "session 42" or "candidate 7". */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String actor, Action action, String subject, String detail) {
        jdbc.sql("insert into audit_log (at, actor, action, subject, detail) values (?, ?, ?, ?, ?)")
                .params(clock.instant().atOffset(ZoneOffset.UTC), actor, action.name(), subject, detail)
                .update();
    }
}
