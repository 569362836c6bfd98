package io.mockpanel.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Nearest-rank percentiles of a set of latencies, printed as one line. */
final class Percentiles {

    private final List<Double> values = new ArrayList<>();

    synchronized void add(double millis) {
        values.add(millis);
    }

    synchronized double at(double percentile) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    synchronized int count() {
        return values.size();
    }

    String summary(String what) {
        return String.format(Locale.ROOT, "%s: n=%d p50=%.2f ms p95=%.2f ms p99=%.2f ms max=%.2f ms", what, count(),
                at(50), at(95), at(99), at(100));
    }
}
