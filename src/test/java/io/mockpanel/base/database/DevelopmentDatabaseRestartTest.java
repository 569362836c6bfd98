package io.mockpanel.base.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockpanel.support.AppNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * The development setup (`./mvnw spring-boot:run` on the kept embedded PostgreSQL), run as a
 * separate JVM on a data directory of its own: it survives a kill -9 and starts again at once on
 * the same data, and what it stores is durable.
 */
class DevelopmentDatabaseRestartTest {

    private static Path directory;
    private static Path dataDirectory;
    private static AppNode node;

    @BeforeAll
    static void startNode() throws IOException {
        directory = Files.createTempDirectory("mockpanel-dev-db-");
        dataDirectory = directory.resolve("postgres");
        node = AppNode.onEmbeddedDatabase(dataDirectory).start();
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.stop();
        }
        // A failed run must not leave a PostgreSQL behind either.
        OrphanedPostgres.find(dataDirectory).ifPresent(ProcessHandle::destroy);
        FileSystemUtils.deleteRecursively(directory.toFile());
    }

    @Test
    void after_kill_9_the_app_starts_again_on_the_same_data_and_the_data_is_there() {
        String marker = "written before kill -9 at " + System.nanoTime();
        JdbcClient before = database();
        before.sql("create table if not exists restart_probe (note text not null)").update();
        before.sql("insert into restart_probe (note) values (?)").param(marker).update();

        node.kill();
        Optional<ProcessHandle> orphan = OrphanedPostgres.find(dataDirectory);
        assertThat(orphan).as("the killed node's PostgreSQL is still running, holding the directory").isPresent();

        long restart = System.nanoTime();
        node.start();
        long restartMillis = (System.nanoTime() - restart) / 1_000_000;
        System.out.printf("FIGURE restart after kill -9 until healthy: %d ms (orphan pid %d stopped first)%n",
                restartMillis, orphan.get().pid());

        assertThat(orphan.get().isAlive()).as("the orphan was stopped, not left next to the new one").isFalse();
        assertThat(database().sql("select note from restart_probe").query(String.class).list()).contains(marker);
        assertThat(node.logTail(400)).contains("Stopped the embedded PostgreSQL (pid " + orphan.get().pid() + ")");
    }

    @Test
    void the_kept_development_database_writes_through_to_disk() {
        JdbcClient database = database();

        assertThat(database.sql("show fsync").query(String.class).single()).isEqualTo("on");
        assertThat(database.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
        assertThat(database.sql("show full_page_writes").query(String.class).single()).isEqualTo("on");
    }

    /** The node's PostgreSQL, found on the port its lock file names (the fourth line). */
    private static JdbcClient database() {
        try {
            List<String> lockFile = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            String url = "jdbc:postgresql://localhost:" + lockFile.get(3).trim() + "/postgres";
            return JdbcClient.create(new DriverManagerDataSource(url, "postgres", ""));
        } catch (IOException e) {
            throw new IllegalStateException("no running PostgreSQL in " + dataDirectory, e);
        }
    }
}
