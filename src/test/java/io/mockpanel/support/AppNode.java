package io.mockpanel.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import tools.jackson.databind.json.JsonMapper;

/**
 * One mockpanel node as a separate JVM, for tests of what happens between processes: a second
 * node, a {@code kill -9}, a restart. It runs the test's own classpath (so exactly the code under
 * test) with the {@code test} profile, on a port that stays the same across restarts, and writes
 * its output to a log file whose tail every failure quotes.
 *
 * <pre>{@code
 * try (AppNode node = AppNode.onDatabase(postgres.jdbcUrl(), "postgres", "")) {
 *     node.start();                 // waits until /actuator/health is UP
 *     node.kill();                  // kill -9
 *     node.start();                 // same port, same database
 * }
 * }</pre>
 */
public final class AppNode implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final List<String> databaseArguments;
    private final boolean embeddedDatabase;
    private final List<String> extraArguments = new ArrayList<>();
    private List<String> jvmOptions = List.of("-XX:TieredStopAtLevel=1", "-Xmx768m");
    /** A packaged application (the production jar) to run instead of the test classpath. */
    private Path jar;
    private final Path log;
    private int port;
    private Process process;
    private int starts;

    private AppNode(List<String> databaseArguments, boolean embeddedDatabase) {
        this.databaseArguments = databaseArguments;
        this.embeddedDatabase = embeddedDatabase;
        try {
            this.log = Files.createTempFile("mockpanel-node-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A node on a PostgreSQL server (the test's own, or a {@link RestartablePostgres}). */
    public static AppNode onDatabase(String jdbcUrl, String username, String password) {
        return new AppNode(List.of("--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=" + username,
                "--spring.datasource.password=" + password), false);
    }

    /** A node on the same database as this test's application. */
    public static AppNode onDatabase(JdbcConnectionDetails database) {
        return onDatabase(database.getJdbcUrl(), database.getUsername(),
                database.getPassword() == null ? "" : database.getPassword());
    }

    /**
     * A node on its own embedded development PostgreSQL kept in {@code dataDirectory}, as
     * {@code ./mvnw spring-boot:run} runs it (not the tests' throw-away one).
     */
    public static AppNode onEmbeddedDatabase(Path dataDirectory) {
        return new AppNode(List.of("--mockpanel.embedded-database.temporary=false",
                "--mockpanel.embedded-database.data-directory=" + dataDirectory.toAbsolutePath()), true);
    }

    /** A fixed HTTP port; without it a free port is picked at the first start and kept. */
    public AppNode port(int fixedPort) {
        this.port = fixedPort;
        return this;
    }

    /**
     * JVM options instead of the default ones (a quick start for fault tests: C1 only, 768 MB heap);
     * a benchmark wants the full JIT and its own heap size.
     */
    public AppNode jvm(String... options) {
        jvmOptions = List.of(options);
        return this;
    }

    /**
     * Runs this packaged application (e.g. the production jar, Vaadin in production mode) instead
     * of the test classpath with the {@code test} profile: what an operator runs, for benchmarks.
     */
    public AppNode jar(Path packagedApplication) {
        if (!Files.isRegularFile(packagedApplication)) {
            throw new IllegalArgumentException("no application jar at " + packagedApplication.toAbsolutePath());
        }
        jar = packagedApplication;
        return this;
    }

    /** The node's process id (for {@code jcmd} and /proc), while it runs. */
    public long pid() {
        if (process == null) {
            throw new IllegalStateException("the node is not started");
        }
        return process.pid();
    }

    /** More Spring arguments, e.g. {@code "--mockpanel.listener.probe-interval=1s"}. */
    public AppNode with(String... arguments) {
        extraArguments.addAll(List.of(arguments));
        return this;
    }

    /** Starts the JVM and waits until {@code /actuator/health} answers UP; the log tail on failure. */
    public AppNode start() {
        if (isAlive()) {
            throw new IllegalStateException("node on port " + port + " is already running");
        }
        if (port == 0) {
            port = freePort();
        }
        starts++;
        List<String> command = new ArrayList<>(List.of(javaCommand()));
        command.addAll(jvmOptions);
        if (jar != null) {
            command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.mockpanel.Application",
                    "--server.port=" + port, "--spring.profiles.active=test", "--vaadin.launch-browser=false"));
        }
        command.addAll(databaseArguments);
        command.addAll(extraArguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        if (embeddedDatabase) {
            // CI names its server in the environment; this node must use its own embedded database.
            builder.environment().keySet().removeIf(key -> key.startsWith("SPRING_DATASOURCE_"));
        }
        try {
            Files.writeString(log, "%n===== start %d of the node on port %d at %s =====%n"
                    .formatted(starts, port, Instant.now()), StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitHealthy(START_TIMEOUT);
        return this;
    }

    /** A graceful stop (SIGTERM: Spring shuts down); kill -9 only if it does not end in 30 s. */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code kill -9}: no shutdown hook runs, nothing is flushed or closed by the JVM. */
    public void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public int port() {
        return port;
    }

    /** An absolute URL on this node, e.g. {@code url("sessions/42")}. */
    public String url(String path) {
        return "http://localhost:" + port + "/" + (path.startsWith("/") ? path.substring(1) : path);
    }

    /** A plain GET without a session, e.g. {@code get("actuator/health/readiness")}. */
    public Response get(String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url(path)))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A status code and a body; {@link #status} reads the top-level "status" of a health answer. */
    public record Response(int code, String body) {

        public String status() {
            return JsonMapper.shared().readTree(body).path("status").asString();
        }

        /** The status of one health component, e.g. {@code componentStatus("sessionListener")}. */
        public String componentStatus(String component) {
            return JsonMapper.shared().readTree(body).path("components").path(component).path("status").asString();
        }
    }

    /** Waits until {@code /actuator/health} is UP; fails at once, with the log tail, if the JVM ends. */
    public void awaitHealthy(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!isAlive()) {
                throw new IllegalStateException("The node on port " + port + " stopped:\n" + logTail(60));
            }
            try {
                Response health = get("actuator/health");
                if (health.code() == 200 && "UP".equals(health.status())) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // still starting
            }
            sleep(300);
        }
        throw new IllegalStateException("The node on port " + port + " was not healthy within " + timeout + ":\n"
                + logTail(60));
    }

    /** The node's output file (all starts, each after a "===== start n" line). */
    public Path log() {
        return log;
    }

    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
