package io.mockpanel.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockpanel.support.IntegrationTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * Start-up time of the production jar ({@code -Dbenchmark.jar}) from a cold JVM to the first
 * sign-in page ({@code GET /login} answers 200), on this test's database with an up-to-date
 * schema, as a restarted node sees it. Three ways to start it, {@code -Dbenchmark.runs} (5) times
 * each, min / median / max: the jar as built ({@code java -jar}), the jar extracted
 * ({@code -Djarmode=tools extract}), and the extracted jar with the class archive of a training
 * run — JDK 25's AOT cache ({@code -XX:AOTCache}), or on JDK 21–24 a CDS archive
 * ({@code -XX:SharedArchiveFile}). The training run is the Dockerfile's: start, open the sign-in
 * page, stop (decision 0044). Run: {@code ./mvnw -Pbenchmark verify -Dtest=StartupBenchmark
 * -Dbenchmark.jar=target/mockpanel-0.1.0-SNAPSHOT.jar}.
 */
@Tag("benchmark")
@IntegrationTest
class StartupBenchmark {

    private static final int RUNS = Integer.getInteger("benchmark.runs", 5);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Autowired
    JdbcConnectionDetails database;

    @Test
    void start_up_with_and_without_the_class_archive() throws Exception {
        Path jar = Path.of(System.getProperty("benchmark.jar", ""));
        assertThat(jar).as("-Dbenchmark.jar=<the production jar>").isRegularFile();
        Path work = Files.createTempDirectory("mockpanel-startup-");
        Path extracted = work.resolve("app");
        run(List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                extracted.toString()));
        Path application = extracted.resolve(jar.getFileName());
        boolean aotCache = Runtime.version().feature() >= 25;
        Path archive = extracted.resolve(aotCache ? "app.aot" : "app.jsa");
        String archiveOption = (aotCache ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive;

        long training = startAndStop(List.of(aotCache ? "-XX:AOTCacheOutput=" + archive
                : "-XX:ArchiveClassesAtExit=" + archive), application, true);
        assertThat(archive).as("the training run wrote the archive").isRegularFile();
        System.out.printf(Locale.ROOT, "FIGURE training run (%s, %d MB): %.1f s%n", aotCache ? "AOT cache" : "CDS",
                Files.size(archive) >> 20, training / 1000.0);

        Series plain = new Series("java -jar (as built)");
        Series exploded = new Series("extracted jar");
        Series cached = new Series("extracted jar + " + (aotCache ? "AOT cache" : "CDS archive"));
        for (int run = 0; run < RUNS; run++) {
            // Interleaved, so that a busy minute on the machine hits every way alike.
            plain.add(startAndStop(List.of(), jar, false));
            exploded.add(startAndStop(List.of(), application, false));
            cached.add(startAndStop(List.of(archiveOption), application, false));
        }
        System.out.printf("FIGURE start-up to the first sign-in page, JDK %s, %d cores, %d runs each:%n",
                Runtime.version().feature(), Runtime.getRuntime().availableProcessors(), RUNS);
        for (Series series : List.of(plain, exploded, cached)) {
            System.out.println("FIGURE   " + series.line());
        }
    }

    /**
     * Starts the application, waits for the sign-in page, stops it gracefully (SIGTERM: a training
     * run writes its archive on the way out) and returns the milliseconds to the sign-in page.
     */
    private long startAndStop(List<String> jvmOptions, Path application, boolean training) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(java(), "-XX:+UseG1GC"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", application.toString(), "--server.port=" + port,
                "--spring.datasource.url=" + database.getJdbcUrl(),
                "--spring.datasource.username=" + database.getUsername(),
                "--spring.datasource.password=" + (database.getPassword() == null ? "" : database.getPassword()),
                "--mockpanel.public-url=http://localhost:" + port + "/"));
        Path log = Files.createTempFile("mockpanel-startup-", ".log");
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            URI login = URI.create("http://localhost:" + port + "/login");
            while (!answers(login)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the application stopped:\n" + Files.readString(log));
                }
                if (System.nanoTime() - started > TimeUnit.MINUTES.toNanos(3)) {
                    throw new IllegalStateException("no sign-in page within 3 minutes:\n" + Files.readString(log));
                }
                Thread.sleep(20);
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            if (jvmOptions.stream().anyMatch(option -> option.matches("-XX:(AOTCache|SharedArchiveFile)=.*"))) {
                awaitInLog(log, "Started from the ");
            }
            if (training) {
                // What a first visitor loads too: the page's resources and a candidate's join page.
                answers(URI.create("http://localhost:" + port + "/join/not-a-token"));
                answers(login);
            }
            return millis;
        } finally {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            Files.deleteIfExists(log);
        }
    }

    /** The node says which archive it uses (ClassArchive): a run that silently went without is no figure. */
    private static void awaitInLog(Path log, String text) throws Exception {
        for (int wait = 0; wait < 200 && !Files.readString(log).contains(text); wait++) {
            Thread.sleep(50);
        }
        assertThat(Files.readString(log)).as("the node's log").contains(text);
    }

    private static boolean answers(URI page) throws InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor()).as(String.join(" ", command)).isZero();
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** One way of starting, its runs in milliseconds. */
    private static final class Series {

        private final String name;
        private final List<Long> millis = new ArrayList<>();

        Series(String name) {
            this.name = name;
        }

        void add(long value) {
            millis.add(value);
        }

        String line() {
            List<Long> sorted = millis.stream().sorted().toList();
            return String.format(Locale.ROOT, "%-34s min %5.1f s  median %5.1f s  max %5.1f s  (%s)", name,
                    sorted.getFirst() / 1000.0, sorted.get(sorted.size() / 2) / 1000.0, sorted.getLast() / 1000.0,
                    String.join(", ", sorted.stream().map(value -> String.format(Locale.ROOT, "%.1f",
                            value / 1000.0)).toList()));
        }
    }
}
