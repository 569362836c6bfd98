package io.mockpanel.benchmark;

import io.mockpanel.loadgen.LoadFixture;
import io.mockpanel.loadgen.LoadReport;
import io.mockpanel.loadgen.LoadRun;
import io.mockpanel.loadgen.PanelPlan;
import io.mockpanel.support.AppNode;
import io.mockpanel.support.IntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Finds the knee of one node: live panels ramp 25 → 50 → 100 → 200 → 300 (set with
 * {@code -Dbenchmark.levels=25,50}) on an app node in its own JVM (full JIT, 2 GB heap) on this
 * test's database; the load generator (this JVM) drives per panel a candidate's room, a lead
 * pushing every 10 s, two panelists writing notes and an observing coach, all through Vaadin's
 * protocol. At each level: push latency (lead's click sent → the candidate's frame holding the
 * prompt) p50/p95/p99, errors, the node's and the machine's CPU, heap after a full GC per
 * candidate room and per console (the rooms of a level are opened first and weighed, then its
 * consoles), database transactions per second, threads and database connections. Stops after the
 * first level where p99 passes 1 s or anything fails. Writes {@code target/benchmarks/live-panels.csv}
 * and {@code .svg}. Run: {@code ./mvnw -Pbenchmark verify -Dtest=LivePanelsBenchmark}.
 */
@Tag("benchmark")
@IntegrationTest
class LivePanelsBenchmark {

    private static final List<Integer> LEVELS = Arrays.stream(System.getProperty("benchmark.levels", "25,50,100,200,300")
            .split(",")).map(String::trim).map(Integer::parseInt).toList();
    private static final Duration LEVEL = Duration.ofSeconds(Integer.getInteger("benchmark.level-seconds", 60));
    private static final Duration SETTLE = Duration.ofSeconds(15);
    private static final Duration PUSH_INTERVAL = Duration.ofSeconds(10);
    private static final int SCENARIOS_PER_AGENDA = 8;
    private static final double KNEE_P99_MS = 1_000;

    @Autowired
    LoadFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcConnectionDetails database;

    record Level(int panels, int tabs, LoadReport report, double roomKb, double consoleKb, double nodeCores,
            double machineCores, double transactionsPerSecond, long threads, long connections, long errors) {
    }

    @Test
    void ramp_live_panels_until_the_node_breaks() throws Exception {
        int numbering = (int) (System.currentTimeMillis() / 1000 % 100_000) * 10;
        List<Level> levels = new ArrayList<>();
        try (AppNode node = BenchmarkNode.on(database, "2g").start()) {
            NodeProbe probe = new NodeProbe(node.pid(), jdbc);
            URI base = URI.create(node.url(""));
            warmUp(base, numbering);
            numbering += 10;
            try (LoadRun run = new LoadRun(base, PUSH_INTERVAL)) {
                long errorsBefore = 0;
                for (int target : LEVELS) {
                    int adding = target - run.panels();
                    List<PanelPlan> plans = fixture.livePanels(numbering + run.panels(), adding, SCENARIOS_PER_AGENDA);
                    long heap0 = probe.heapAfterGc();
                    run.addCandidates(plans, Duration.ofMinutes(5));
                    long heap1 = probe.heapAfterGc();
                    run.addConsoles(Duration.ofMinutes(5));
                    long heap2 = probe.heapAfterGc();
                    run.startPushing();
                    Thread.sleep(SETTLE.toMillis());
                    run.newWindow();
                    long cpu0 = probe.cpuTicks();
                    long[] machine0 = NodeProbe.machineTicks();
                    long tx0 = probe.transactions();
                    long t0 = System.nanoTime();
                    Thread.sleep(LEVEL.toMillis());
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    long[] machine1 = NodeProbe.machineTicks();
                    LoadReport report = run.report();
                    Level level = new Level(run.panels(), run.tabs(), report, (heap1 - heap0) / 1024.0 / adding,
                            (heap2 - heap1) / 1024.0 / (4.0 * adding), (probe.cpuTicks() - cpu0) / 100.0 / seconds,
                            Runtime.getRuntime().availableProcessors() * (double) (machine1[0] - machine0[0])
                                    / (machine1[1] - machine0[1]),
                            (probe.transactions() - tx0) / seconds, probe.threads(), probe.databaseConnections(),
                            report.errors() - errorsBefore);
                    errorsBefore = report.errors();
                    Files.createDirectories(Path.of("target", "benchmarks"));
                    Files.writeString(Path.of("target", "benchmarks", "live-panels-histogram-" + target + ".txt"),
                            probe.classHistogram().lines().limit(60).collect(java.util.stream.Collectors.joining("\n")));
                    levels.add(level);
                    print(level);
                    write(levels);
                    if (level.report().latency().p99() > KNEE_P99_MS || level.errors() > 0
                            || report.tabsIn() < report.tabs()) {
                        System.out.println("FIGURE knee: the node broke at " + target + " panels; errors: "
                                + report.errorExamples());
                        break;
                    }
                }
                run.stopPushing();
            }
            // all tabs closed: what stays behind on the node
            Thread.sleep(5_000);
            System.out.printf("FIGURE after the run: heap after GC %.1f MB, %d threads, %d database connections%n",
                    probe.heapAfterGc() / 1e6, probe.threads(), probe.databaseConnections());
        }
        write(levels);
    }

    /** A few panels for a minute, so that the first level is not the JIT's warm-up. */
    private void warmUp(URI base, int numbering) throws Exception {
        try (LoadRun run = new LoadRun(base, Duration.ofSeconds(2))) {
            run.add(fixture.livePanels(numbering, 5, SCENARIOS_PER_AGENDA), Duration.ofMinutes(2));
            run.startPushing();
            Thread.sleep(45_000);
            System.out.println("FIGURE warm-up: " + run.report().line());
        }
    }

    private static void print(Level l) {
        LoadReport r = l.report();
        System.out.printf("FIGURE %d panels (%d tabs): push p50 %.1f / p95 %.1f / p99 %.1f / max %.1f ms (n=%d), "
                        + "errors %d, node CPU %.2f cores, machine %.2f cores, heap/room %.0f KB, heap/console %.0f KB, "
                        + "db %.0f tx/s, %d threads, %d db connections, notes saved %d%n",
                l.panels(), l.tabs(), r.latency().p50(), r.latency().p95(), r.latency().p99(), r.latency().max(),
                r.latency().count(), l.errors(), l.nodeCores(), l.machineCores(), l.roomKb(), l.consoleKb(),
                l.transactionsPerSecond(), l.threads(), l.connections(), r.noteSaves());
        System.out.println("FIGURE   " + r.line());
    }

    private static void write(List<Level> levels) throws IOException {
        Path dir = Path.of("target", "benchmarks");
        Files.createDirectories(dir);
        StringBuilder csv = new StringBuilder("panels,tabs,p50_ms,p95_ms,p99_ms,max_ms,pushes,errors,node_cores,"
                + "machine_cores,heap_room_kb,heap_console_kb,db_tx_per_s,threads,db_connections\n");
        for (Level l : levels) {
            var lat = l.report().latency();
            csv.append(String.format(java.util.Locale.ROOT, "%d,%d,%.1f,%.1f,%.1f,%.1f,%d,%d,%.2f,%.2f,%.0f,%.0f,%.0f,%d,%d%n",
                    l.panels(), l.tabs(), lat.p50(), lat.p95(), lat.p99(), lat.max(), lat.count(), l.errors(),
                    l.nodeCores(), l.machineCores(), l.roomKb(), l.consoleKb(), l.transactionsPerSecond(), l.threads(),
                    l.connections()));
        }
        Files.writeString(dir.resolve("live-panels.csv"), csv);
        List<Integer> xs = levels.stream().map(Level::panels).toList();
        String latency = BenchmarkChart.svg("Push latency vs live panels (one node, 2 cores)", "live panels", xs, "ms",
                List.of(new BenchmarkChart.Series("p50", "#1a73e8", levels.stream().map(l -> l.report().latency().p50()).toList()),
                        new BenchmarkChart.Series("p95", "#f29900", levels.stream().map(l -> l.report().latency().p95()).toList()),
                        new BenchmarkChart.Series("p99", "#d93025", levels.stream().map(l -> l.report().latency().p99()).toList())));
        String heap = BenchmarkChart.svg("Heap after GC per UI vs live panels", "live panels", xs, "KB",
                List.of(new BenchmarkChart.Series("candidate room", "#188038", levels.stream().map(Level::roomKb).toList()),
                        new BenchmarkChart.Series("console", "#9334e6", levels.stream().map(Level::consoleKb).toList())));
        Files.writeString(dir.resolve("live-panels-latency.svg"), latency);
        Files.writeString(dir.resolve("live-panels-heap.svg"), heap);
        System.out.println("FIGURE written: " + dir.toAbsolutePath().resolve("live-panels.csv"));
    }
}
