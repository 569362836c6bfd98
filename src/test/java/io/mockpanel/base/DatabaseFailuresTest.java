package io.mockpanel.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.mockpanel.support.ExhaustedPool;
import io.mockpanel.support.IntegrationTest;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which failures mean "the database cannot be reached": first the exceptions the application
 * really throws when it gets no connection, then the ones that must keep their own handling.
 */
@IntegrationTest
class DatabaseFailuresTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void what_the_app_throws_when_it_gets_no_connection_counts_as_unreachable() {
        Throwable inTransaction;
        Throwable plainQuery;
        try (ExhaustedPool away = ExhaustedPool.of(dataSource)) {
            inTransaction = catchThrowable(() -> new TransactionTemplate(transactions)
                    .execute(status -> jdbc.sql("select 1").query(Integer.class).single()));
            plainQuery = catchThrowable(() -> jdbc.sql("select 1").query(Integer.class).single());
        }

        assertThat(inTransaction).isNotNull();
        assertThat(DatabaseFailures.isUnreachable(inTransaction)).as(inTransaction.toString()).isTrue();
        assertThat(plainQuery).isNotNull();
        assertThat(DatabaseFailures.isUnreachable(plainQuery)).as(plainQuery.toString()).isTrue();
    }

    @Test
    void a_server_shutting_down_counts_as_unreachable() {
        var shutdown = new SQLException("terminating connection due to administrator command", "57P01");

        assertThat(DatabaseFailures.isUnreachable(new RuntimeException("wrapped", shutdown))).isTrue();
        assertThat(DatabaseFailures.isUnreachable(new SQLException("connection refused", "08001"))).isTrue();
    }

    @Test
    void conflicts_bad_data_and_other_failures_keep_their_own_handling() {
        assertThat(DatabaseFailures.isUnreachable(new OptimisticLockingFailureException("changed meanwhile")))
                .isFalse();
        assertThat(DatabaseFailures.isUnreachable(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseFailures.isUnreachable(new IllegalStateException("a bug"))).isFalse();
    }
}
