package io.mockpanel.loadgen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a load run counts: push latencies (lead's command sent → the candidate's frame holding the
 * prompt), errors with a few examples, and the work done. Latencies are kept for the current
 * measuring window only ({@link #startWindow}), so a ramp reports each level on its own. Note and
 * score-draft saves count those the server acknowledged and those it did not.
 */
public final class LoadMetrics {

    private static final int EXAMPLES = 20;

    final AtomicLong errors = new AtomicLong();
    final AtomicLong pushFrames = new AtomicLong();
    final AtomicLong pushesClosed = new AtomicLong();
    final AtomicLong pushesSent = new AtomicLong();
    final AtomicLong pushesAcknowledged = new AtomicLong();
    final AtomicLong pushesSeen = new AtomicLong();
    final AtomicLong outOfOrder = new AtomicLong();
    final AtomicLong noteSaves = new AtomicLong();
    final AtomicLong noteSavesRefused = new AtomicLong();
    final AtomicLong scoreSaves = new AtomicLong();
    final AtomicLong scoreSavesRefused = new AtomicLong();
    final AtomicLong reopened = new AtomicLong();
    private final ConcurrentLinkedQueue<String> examples = new ConcurrentLinkedQueue<>();
    private long windowStart = Long.MIN_VALUE;
    private long[] latencies = new long[1024];
    private int count;
    private long[] crossNode = new long[1024];
    private int crossCount;
    private long[] reopenMillis = new long[64];
    private int reopens;

    void error(String what) {
        if (errors.incrementAndGet() <= EXAMPLES) {
            examples.add(what);
        }
    }

    void pushFrame() {
        pushFrames.incrementAndGet();
    }

    void pushClosed() {
        pushesClosed.incrementAndGet();
    }

    /** From now on, latencies of commands sent from now on are kept; earlier ones are dropped. */
    synchronized void startWindow() {
        windowStart = System.nanoTime();
        count = 0;
        crossCount = 0;
    }

    /**
     * One push's latency; {@code sentNanos} decides the window it belongs to. {@code crossNode}:
     * the lead's and the candidate's browsers were served by different nodes.
     */
    synchronized void latency(long sentNanos, long seenNanos, boolean crossNode) {
        if (sentNanos < windowStart) {
            return;
        }
        if (count == latencies.length) {
            latencies = Arrays.copyOf(latencies, count * 2);
        }
        latencies[count++] = seenNanos - sentNanos;
        if (crossNode) {
            if (crossCount == this.crossNode.length) {
                this.crossNode = Arrays.copyOf(this.crossNode, crossCount * 2);
            }
            this.crossNode[crossCount++] = seenNanos - sentNanos;
        }
    }

    /** How long a broken tab took to come back (closed → page open again). */
    synchronized void reopened(long millis) {
        if (reopens == reopenMillis.length) {
            reopenMillis = Arrays.copyOf(reopenMillis, reopens * 2);
        }
        reopenMillis[reopens++] = millis;
    }

    /** Times tabs took to come back, in milliseconds (count, p50, p95, p99, max). */
    synchronized Latency reopenTimes() {
        return summary(Arrays.stream(reopenMillis, 0, reopens).map(ms -> ms * 1_000_000).toArray());
    }

    /** The window's latencies of pushes whose lead and candidate were on different nodes. */
    synchronized Latency crossNodeLatencies() {
        return summary(Arrays.copyOf(crossNode, crossCount));
    }

    /** The window's latencies in milliseconds: count, p50, p95, p99, max. */
    synchronized Latency latencies() {
        return summary(Arrays.copyOf(latencies, count));
    }

    private static Latency summary(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latency(sorted.length, at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99),
                sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6);
    }

    private static double at(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    List<String> errorExamples() {
        return new ArrayList<>(examples);
    }

    public record Latency(int count, double p50, double p95, double p99, double max) {

        @Override
        public String toString() {
            return "n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms".formatted(count, p50, p95, p99, max);
        }
    }
}
