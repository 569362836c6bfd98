package io.mockpanel.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A gauge's query runs once per period however often it is read, and a failure keeps the last value. */
class CachedValueTest {

    @Test
    void reads_once_per_period_however_often_it_is_asked() {
        AtomicInteger queries = new AtomicInteger();
        CachedValue<Integer> value = new CachedValue<>(queries::incrementAndGet, Duration.ofHours(1), 0);
        assertThat(value.get()).isEqualTo(1);
        assertThat(value.get()).isEqualTo(1);
        assertThat(queries).hasValue(1);
    }

    @Test
    void without_a_period_every_read_queries() {
        AtomicInteger queries = new AtomicInteger();
        CachedValue<Integer> value = new CachedValue<>(queries::incrementAndGet, Duration.ZERO, 0);
        value.get();
        assertThat(value.get()).isEqualTo(2);
    }

    @Test
    void a_failing_query_keeps_the_last_value() {
        AtomicInteger queries = new AtomicInteger();
        CachedValue<Integer> value = new CachedValue<>(() -> {
            if (queries.incrementAndGet() > 1) {
                throw new IllegalStateException("database away");
            }
            return 7;
        }, Duration.ZERO, 0);
        assertThat(value.get()).isEqualTo(7);
        assertThat(value.get()).isEqualTo(7);
        assertThat(queries).hasValue(2);
    }
}
