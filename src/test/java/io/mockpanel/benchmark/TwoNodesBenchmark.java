package io.mockpanel.benchmark;

import io.mockpanel.loadgen.AcknowledgedScore;
import io.mockpanel.loadgen.LoadFixture;
import io.mockpanel.loadgen.LoadReport;
import io.mockpanel.loadgen.LoadRun;
import io.mockpanel.loadgen.PanelPlan;
import io.mockpanel.support.AppNode;
import io.mockpanel.support.IntegrationTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two app nodes (the production jar, {@code -Dbenchmark.jar}) on this test's database behind
 * HAProxy ({@code deploy/haproxy/local-two-nodes.cfg}, sticky by cookie; Debian's package:
 * {@code apt-get install haproxy}). {@code -Dbenchmark.panels} live panels (100) run through the
 * proxy: new browsers are spread round-robin, so about half of the candidates land on the other
 * node than their lead, and their pushes cross nodes through PostgreSQL. Prints push latency
 * (all, and cross-node) and the event rate; then {@code kill -9} of one node under load: its
 * people's tabs break, the proxy sends their reloads to the other node, and afterwards every push,
 * note save and draft score the server acknowledged is counted in the database (lost =
 * acknowledged but missing, or for a score changed). Run: {@code ./mvnw -Pbenchmark verify -Dtest=TwoNodesBenchmark -Dbenchmark.jar=...}.
 */
@Tag("benchmark")
@IntegrationTest
class TwoNodesBenchmark {

    private static final int PANELS = Integer.getInteger("benchmark.panels", 100);
    private static final Duration WINDOW = Duration.ofSeconds(Integer.getInteger("benchmark.level-seconds", 60));

    @Autowired
    LoadFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcConnectionDetails database;

    @Test
    void two_nodes_behind_haproxy_and_kill_9_of_one_under_load() throws Exception {
        int proxyPort = freePort();
        try (AppNode node1 = BenchmarkNode.on(database, "1g").start(); AppNode node2 = BenchmarkNode.on(database, "1g").start()) {
            Process proxy = startProxy(proxyPort, node1.port(), node2.port());
            try {
                URI base = URI.create("http://localhost:" + proxyPort + "/");
                awaitReady(base);
                List<PanelPlan> plans = fixture
                        .livePanels((int) (System.currentTimeMillis() / 1000 % 100_000) * 10 + 5_000_000, PANELS, 8);
                try (LoadRun run = new LoadRun(base, Duration.ofSeconds(10))) {
                    run.add(plans, Duration.ofMinutes(5));
                    run.startPushing();
                    Thread.sleep(15_000);
                    run.newWindow();
                    Instant from = Instant.now();
                    Thread.sleep(WINDOW.toMillis());
                    LoadReport steady = run.report();
                    double events = eventsBetween(from, Instant.now()) / (double) WINDOW.toSeconds();
                    System.out.printf("FIGURE two nodes, %d panels: %s | %.0f events/s written%n", PANELS,
                            steady.line(), events);

                    run.newWindow();
                    Instant killed = Instant.now();
                    node2.kill();
                    System.out.println("FIGURE kill -9 of node2 at " + killed);
                    Thread.sleep(60_000);
                    run.stopPushing();
                    Thread.sleep(15_000);
                    LoadReport after = run.report();
                    System.out.println("FIGURE after kill -9: " + after.line());
                    System.out.printf("FIGURE lost: %d acknowledged pushes not in the log, %d acknowledged note saves "
                                    + "not stored, %d acknowledged draft scores not stored or changed, %d acknowledged "
                                    + "pushes never shown to their candidate%n",
                            lostPushes(run.acknowledgedPushes()), lostNotes(run.acknowledgedNotes()),
                            lostScores(run.acknowledgedScores()), after.pushesUnseen());
                    run.unseenDetails().forEach(detail -> System.out.println("FIGURE unseen: " + detail));
                    Files.createDirectories(Path.of("target", "benchmarks"));
                    Files.writeString(Path.of("target", "benchmarks", "two-nodes.txt"),
                            "steady: " + steady.line() + "\nevents/s: " + events + "\nafter kill -9: " + after.line()
                                    + "\n");
                }
            } finally {
                proxy.destroy();
            }
        }
    }

    private static Process startProxy(int proxyPort, int node1, int node2) throws IOException {
        Path config = Path.of("deploy", "haproxy", "local-two-nodes.cfg").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder("haproxy", "-db", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(Path.of("target", "haproxy.log").toFile());
        builder.environment().put("MOCKPANEL_PROXY_PORT", Integer.toString(proxyPort));
        builder.environment().put("MOCKPANEL_NODE1_PORT", Integer.toString(node1));
        builder.environment().put("MOCKPANEL_NODE2_PORT", Integer.toString(node2));
        return builder.start();
    }

    /** Until the proxy has seen both nodes ready (its health checks: 2 passes, 2 s apart). */
    private static void awaitReady(URI base) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        java.util.Set<String> nodes = new java.util.HashSet<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (nodes.size() < 2 && System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(base.resolve("actuator/health/readiness"))
                        .build(), HttpResponse.BodyHandlers.discarding());
                answer.headers().firstValue("X-Mockpanel-Node").filter(n -> answer.statusCode() == 200)
                        .ifPresent(nodes::add);
            } catch (IOException notYet) {
                // the proxy is starting
            }
            Thread.sleep(200);
        }
        if (nodes.size() < 2) {
            throw new IllegalStateException("the proxy did not reach both nodes: " + nodes);
        }
    }

    private long eventsBetween(Instant from, Instant to) {
        return jdbc.sql("select count(*) from session_event where created_at >= ? and created_at < ?")
                .param(Timestamp.from(from)).param(Timestamp.from(to)).query(Long.class).single();
    }

    /** Per session, acknowledged pushes beyond the pushes in its log. */
    private long lostPushes(Map<Long, Integer> acknowledged) {
        long lost = 0;
        for (var session : acknowledged.entrySet()) {
            long logged = jdbc.sql("select count(*) from session_event where session_id = ? and type = 'PROMPT_PUSHED'")
                    .param(session.getKey()).query(Long.class).single();
            lost += Math.max(0, session.getValue() - logged);
        }
        return lost;
    }

    /** Note saves acknowledged whose text (or a later, longer one) is not in the note. */
    private long lostNotes(Map<String, String> acknowledged) {
        long lost = 0;
        for (var entry : acknowledged.entrySet()) {
            long noteId = Long.parseLong(entry.getKey().substring(entry.getKey().indexOf('/') + 1));
            String stored = jdbc.sql("select text from session_note where id = ?").param(noteId).query(String.class)
                    .optional().orElse("");
            if (!stored.startsWith(entry.getValue())) {
                lost++;
            }
        }
        return lost;
    }

    /**
     * Draft scores acknowledged whose area row is gone or holds another score or reason (a later
     * draft of the same panelist, saved but unanswered when the node died, is not a loss).
     */
    private long lostScores(List<AcknowledgedScore> acknowledged) {
        return acknowledged.stream().filter(score -> !jdbc.sql(AcknowledgedScore.STORED)
                .params(score.sessionId(), score.scenario(), score.author(), score.area())
                .query((rs, row) -> score.keptBy(rs.getObject("score", Integer.class), rs.getString("justification")))
                .optional().orElse(false)).count();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
