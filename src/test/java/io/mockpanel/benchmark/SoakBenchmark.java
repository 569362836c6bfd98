package io.mockpanel.benchmark;

import io.mockpanel.loadgen.LoadFixture;
import io.mockpanel.loadgen.LoadRun;
import io.mockpanel.support.AppNode;
import io.mockpanel.support.IntegrationTest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Soak: {@code -Dbenchmark.panels} live panels (200) on one node (the production jar,
 * {@code -Dbenchmark.jar}) for {@code -Dbenchmark.soak-minutes} (30), sampling every minute the
 * node's heap after a full GC, its threads and database connections, and the push latency of the
 * minute. Then every tab closes as a browser closes it and the node is sampled again: heap,
 * threads and connections must come back down (no leaked registrations or UIs). Writes
 * {@code target/benchmarks/soak.csv} and {@code soak.svg}.
 * Run: {@code ./mvnw -Pbenchmark verify -Dtest=SoakBenchmark -Dbenchmark.jar=...}.
 */
@Tag("benchmark")
@IntegrationTest
class SoakBenchmark {

    private static final int PANELS = Integer.getInteger("benchmark.panels", 200);
    private static final int MINUTES = Integer.getInteger("benchmark.soak-minutes", 30);

    @Autowired
    LoadFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcConnectionDetails database;

    record Sample(double minute, double heapMb, long threads, long connections, long uis, long rooms, long consoles,
            double p50, double p99, long errors) {
    }

    @Test
    void panels_for_half_an_hour_then_everything_closed() throws Exception {
        List<Sample> samples = new ArrayList<>();
        try (AppNode node = BenchmarkNode.on(database, "2g").start()) {
            NodeProbe probe = new NodeProbe(node.pid(), jdbc);
            samples.add(sample(0, probe, null));
            long start = System.nanoTime();
            // 8 scenarios, a push every 12 s: about 30 minutes of agenda
            try (LoadRun run = new LoadRun(URI.create(node.url("")), Duration.ofSeconds(12))) {
                run.add(fixture
                        .livePanels((int) (System.currentTimeMillis() / 1000 % 100_000) * 10 + 7_000_000, PANELS, 8),
                        Duration.ofMinutes(5));
                run.startPushing();
                for (int minute = 1; minute <= MINUTES; minute++) {
                    run.newWindow();
                    Thread.sleep(60_000);
                    Sample s = sample((System.nanoTime() - start) / 60e9, probe, run);
                    samples.add(s);
                    System.out.printf(Locale.ROOT, "FIGURE soak minute %d: heap %.0f MB, %d threads, %d db connections, "
                            + "%d UIs (%d rooms, %d consoles), push p50 %.1f / p99 %.1f ms, errors %d%n", minute, s.heapMb(),
                            s.threads(), s.connections(), s.uis(), s.rooms(), s.consoles(), s.p50(), s.p99(), s.errors());
                }
                System.out.println("FIGURE soak end of load: " + run.report().line());
            }
            // every tab closed (unload beacon, websocket closed): what stays on the node
            for (int i = 1; i <= 3; i++) {
                Thread.sleep(20_000);
                Sample s = sample((System.nanoTime() - start) / 60e9, probe, null);
                samples.add(s);
                System.out.printf(Locale.ROOT, "FIGURE soak after closing (+%d s): heap %.0f MB, %d threads, %d db connections, "
                        + "%d UIs (%d rooms, %d consoles)%n", i * 20, s.heapMb(), s.threads(), s.connections(), s.uis(),
                        s.rooms(), s.consoles());
            }
        }
        write(samples);
    }

    private static Sample sample(double minute, NodeProbe probe, LoadRun run) {
        var latency = run == null ? null : run.report().latency();
        // one histogram (one full GC) gives the live heap and the open UIs of each kind
        String histogram = probe.classHistogram();
        return new Sample(minute, NodeProbe.total(histogram) / 1e6, probe.threads(), probe.databaseConnections(),
                NodeProbe.instances(histogram, "com.vaadin.flow.component.UI"),
                NodeProbe.instances(histogram, "io.mockpanel.panel.ui.CandidateRoomView"),
                NodeProbe.instances(histogram, "io.mockpanel.panel.ui.SessionView"),
                latency == null ? Double.NaN : latency.p50(), latency == null ? Double.NaN : latency.p99(),
                run == null ? 0 : run.report().errors());
    }

    private static void write(List<Sample> samples) throws Exception {
        Path dir = Path.of("target", "benchmarks");
        Files.createDirectories(dir);
        StringBuilder csv = new StringBuilder("minute,heap_mb,threads,db_connections,uis,rooms,consoles,p50_ms,p99_ms,errors\n");
        samples.forEach(s -> csv.append(String.format(Locale.ROOT, "%.1f,%.0f,%d,%d,%d,%d,%d,%.1f,%.1f,%d%n", s.minute(),
                s.heapMb(), s.threads(), s.connections(), s.uis(), s.rooms(), s.consoles(), s.p50(), s.p99(), s.errors())));
        Files.writeString(dir.resolve("soak.csv"), csv);
        List<Integer> xs = samples.stream().map(s -> (int) Math.round(s.minute())).toList();
        Files.writeString(dir.resolve("soak.svg"), BenchmarkChart.svg("Soak: " + PANELS + " live panels on one node, then all closed",
                "minutes", xs, "MB / threads / connections", List.of(
                        new BenchmarkChart.Series("heap after GC (MB)", "#1a73e8", samples.stream().map(Sample::heapMb).toList()),
                        new BenchmarkChart.Series("threads", "#f29900", samples.stream().map(s -> (double) s.threads()).toList()),
                        new BenchmarkChart.Series("open UIs / 10", "#a142f4",
                                samples.stream().map(s -> s.uis() / 10.0).toList()),
                        new BenchmarkChart.Series("db connections", "#188038",
                                samples.stream().map(s -> (double) s.connections()).toList()))));
    }
}
