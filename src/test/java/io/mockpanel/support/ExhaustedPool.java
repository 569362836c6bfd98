package io.mockpanel.support;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Makes the application's database unreachable for its own code, inside one test JVM and without
 * stopping a database that other tests share: every connection of the pool is borrowed, so the
 * next request for one fails after Hikari's connection timeout with the exception a database that
 * is down gives. Closing it returns the connections.
 */
public final class ExhaustedPool implements AutoCloseable {

    private final List<Connection> borrowed = new ArrayList<>();

    private ExhaustedPool(HikariDataSource pool) throws SQLException {
        try {
            for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
                borrowed.add(pool.getConnection());
            }
        } catch (SQLException e) {
            close();
            throw e;
        }
    }

    public static ExhaustedPool of(DataSource dataSource) {
        try {
            return new ExhaustedPool(dataSource.unwrap(HikariDataSource.class));
        } catch (SQLException e) {
            throw new IllegalStateException("could not borrow the whole pool", e);
        }
    }

    @Override
    public void close() {
        for (Connection connection : borrowed) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // back to the pool either way
            }
        }
    }
}
