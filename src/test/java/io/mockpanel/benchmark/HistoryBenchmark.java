package io.mockpanel.benchmark;

import io.mockpanel.panel.SessionState;
import io.mockpanel.review.HistoryFilter;
import io.mockpanel.review.HistoryService;
import io.mockpanel.review.HistoryServices;
import io.mockpanel.support.HistoryDataSet;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestUsers;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * History query latency over the big generated history (50 000 sessions, 1 000 000 notes; built
 * once in a database of its own, see {@link HistoryDataSet}): the first page, a filtered page and a
 * full-text search, as a coach (every session) and as an interviewer (the ~750 they sat on). Each
 * figure is the service call in its read-only transaction: the page of 50 rows, and the page plus
 * the capped count as the screen asks for them. Run:
 * {@code ./mvnw -Pbenchmark verify -Dtest=HistoryBenchmark}. Prints figures; asserts nothing about speed.
 */
@Tag("benchmark")
@IntegrationTest
class HistoryBenchmark {

    private static final int WARM_UP = 10;
    private static final int RUNS = 100;

    @Autowired
    JdbcConnectionDetails database;

    @Test
    void history_latency_over_50_000_sessions_and_1_000_000_notes() {
        try (HistoryDataSet data = HistoryDataSet.open(database, HistoryDataSet.Size.FULL)) {
            System.out.printf("BENCHMARK history data set %s: built in %.1f s (0 = reused)%n", data.size(),
                    data.buildSeconds());
            HistoryService history = HistoryServices.on(data.dataSource());
            Map<String, HistoryFilter> filters = new LinkedHashMap<>();
            filters.put("first page", HistoryFilter.NONE);
            filters.put("filtered page (scenario, completed, last year)", HistoryFilter.NONE.withScenario(7L)
                    .withState(SessionState.COMPLETED).withDates(LocalDate.now().minusYears(1), null));
            filters.put("full-text search (rare word)", HistoryFilter.NONE.withText(HistoryDataSet.RARE_WORD));
            filters.put("full-text search (common words)", HistoryFilter.NONE.withText("cache database"));
            for (String[] reader : new String[][] {{HistoryDataSet.COACH, "COACH"},
                    {HistoryDataSet.INTERVIEWER, "INTERVIEWER"}}) {
                TestUsers.signIn(reader[0], reader[1]);
                try {
                    for (var entry : filters.entrySet()) {
                        HistoryFilter filter = entry.getValue();
                        String what = entry.getKey() + " as " + reader[1].toLowerCase();
                        System.out.println("BENCHMARK " + measure(data, () -> history.page(filter, 0, 50))
                                .summary(what + ", page"));
                        System.out.println("BENCHMARK " + measure(data, () -> {
                            history.page(filter, 0, 50);
                            return history.count(filter);
                        }).summary(what + ", page + count"));
                    }
                } finally {
                    TestUsers.signOut();
                }
            }
        }
    }

    private static Percentiles measure(HistoryDataSet data, Supplier<?> call) {
        var latencies = new Percentiles();
        for (int run = 0; run < WARM_UP + RUNS; run++) {
            long start = System.nanoTime();
            data.inTransaction(jdbc -> call.get());
            double millis = (System.nanoTime() - start) / 1_000_000.0;
            if (run >= WARM_UP) {
                latencies.add(millis);
            }
        }
        return latencies;
    }
}
