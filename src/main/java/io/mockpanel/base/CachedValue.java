package io.mockpanel.base;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value read at most once per {@code maxAge}, for gauges that need a query: a scrape (or several
 * scrapers, or several meters on one query) costs one query per period, never one per meter. While
 * the query fails (the database is away) the last value stays, and the next read tries again.
 */
public final class CachedValue<T> {

    private static final Logger log = LoggerFactory.getLogger(CachedValue.class);

    private final Supplier<T> query;
    private final long maxAgeNanos;
    private T value;
    private long readAt;
    private boolean read;

    public CachedValue(Supplier<T> query, Duration maxAge, T initial) {
        this.query = query;
        this.maxAgeNanos = maxAge.toNanos();
        this.value = initial;
    }

    public synchronized T get() {
        long now = System.nanoTime();
        if (!read || now - readAt >= maxAgeNanos) {
            read = true;
            readAt = now;
            try {
                value = query.get();
            } catch (RuntimeException e) {
                log.debug("A cached metric kept its last value: {}", e.getMessage());
            }
        }
        return value;
    }
}
