package io.mockpanel.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * A PostgreSQL owned by one test, which the test can stop and start again on the same port and
 * data directory: to the app that is exactly a database restart. Nothing else uses it, so
 * stopping it disturbs no other test.
 *
 * <pre>{@code
 * try (RestartablePostgres postgres = RestartablePostgres.start()) {
 *     postgres.stop();              // fast shutdown: every connection is cut
 *     postgres.startAgain();        // same port, same data
 *     postgres.jdbc().sql("select count(*) from session_event").query(Long.class).single();
 * }
 * }</pre>
 */
public final class RestartablePostgres implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    private RestartablePostgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** A new, empty PostgreSQL on a free port with its data in a new temporary directory. */
    public static RestartablePostgres start() {
        try {
            RestartablePostgres postgres = new RestartablePostgres(Files.createTempDirectory("mockpanel-test-pg-"),
                    AppNode.freePort());
            postgres.startAgain();
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts PostgreSQL (again) on the same port and data directory; everything stored is still there. */
    public void startAgain() {
        if (server != null) {
            throw new IllegalStateException("PostgreSQL on port " + port + " is running");
        }
        try {
            server = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops PostgreSQL (pg_ctl stop -m fast): open connections are cut, committed data stays. */
    public void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            server = null;
        }
    }

    public boolean isRunning() {
        return server != null;
    }

    public int port() {
        return port;
    }

    /** The URL of the {@code postgres} database (user {@code postgres}, no password). */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    public String username() {
        return "postgres";
    }

    public String password() {
        return "";
    }

    /** For the test's own reads and writes; opens a new connection per statement, so it survives restarts. */
    public JdbcClient jdbc() {
        return JdbcClient.create(new DriverManagerDataSource(jdbcUrl(), username(), password()));
    }

    /** Stops PostgreSQL and deletes its data. */
    @Override
    public void close() {
        stop();
        FileSystemUtils.deleteRecursively(dataDirectory.toFile());
    }
}
