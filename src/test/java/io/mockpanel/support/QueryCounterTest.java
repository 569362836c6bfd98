package io.mockpanel.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The statement counter sees the application's statements, per thread or everywhere. */
@IntegrationTest
class QueryCounterTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void counts_the_statements_of_this_thread_only() throws Exception {
        try (var mine = QueryCounter.onThisThread(); var all = QueryCounter.everywhere()) {
            jdbc.sql("select 1").query(Integer.class).single();
            jdbc.sql("select 2").query(Integer.class).single();
            CompletableFuture.runAsync(() -> jdbc.sql("select 3").query(Integer.class).single()).get();

            assertThat(mine.count()).isEqualTo(2);
            assertThat(mine.statements()).containsExactly("select 1", "select 2");
            assertThat(all.statements()).contains("select 1", "select 2", "select 3");
        }
    }

    @Test
    void a_closed_recording_stops_counting_and_reset_starts_again() {
        var recording = QueryCounter.onThisThread();
        jdbc.sql("select 1").query(Integer.class).single();
        recording.reset();
        jdbc.sql("select 2").query(Integer.class).single();
        recording.close();
        jdbc.sql("select 3").query(Integer.class).single();

        assertThat(recording.statements()).containsExactly("select 2");
        assertThat(QueryCounter.count(() -> jdbc.sql("select 4").query(Integer.class).single())).isEqualTo(1);
    }

    @Test
    void the_pool_behind_the_counter_is_still_reachable() throws Exception {
        assertThat(dataSource.unwrap(HikariDataSource.class)).isNotNull();
    }
}
