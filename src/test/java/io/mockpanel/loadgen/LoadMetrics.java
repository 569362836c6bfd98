package io.mockpanel.loadgen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a load run counts: push latencies (lead's command sent → the candidate's frame holding the
 * prompt), errors with a few examples, and the work done. Latencies are kept for the current
 * measuring window only ({@link #startWindow}), so a ramp reports each level on its own.
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
    final AtomicLong reopened = new AtomicLong();
    private final ConcurrentLinkedQueue<String> examples = new ConcurrentLinkedQueue<>();
    private long windowStart = Long.MIN_VALUE;
    private long[] latencies = new long[1024];
    private int count;

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
    }

    /** One push's latency; {@code sentNanos} decides the window it belongs to. */
    synchronized void latency(long sentNanos, long seenNanos) {
        if (sentNanos < windowStart) {
            return;
        }
        if (count == latencies.length) {
            latencies = Arrays.copyOf(latencies, count * 2);
        }
        latencies[count++] = seenNanos - sentNanos;
    }

    /** The window's latencies in milliseconds: count, p50, p95, p99, max. */
    synchronized Latency latencies() {
        long[] sorted = Arrays.copyOf(latencies, count);
        Arrays.sort(sorted);
        return new Latency(count, at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99),
                count == 0 ? Double.NaN : sorted[count - 1] / 1e6);
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
