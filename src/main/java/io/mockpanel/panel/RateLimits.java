package io.mockpanel.panel;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Limits on what the least trusted actors can repeat: a candidate asking for clarification, an
 * address joining with invite links, a panelist's autosave. Token buckets per key, kept on this
 * node in a bounded map that forgets quiet keys (decision 0020). A candidate and a console stay
 * on one node behind a sticky load balancer, so a per-node limit is the limit they meet.
 */
@Component
class RateLimits {

    /** What is limited; the numbers come from {@link RateLimitProperties}. */
    enum Limit {
        CLARIFICATION, JOIN, NOTE_SAVE
    }

    private final RateLimitProperties properties;
    private final PanelMeters meters;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(1))
            .maximumSize(200_000)
            .build();

    RateLimits(RateLimitProperties properties, PanelMeters meters) {
        this.properties = properties;
        this.meters = meters;
    }

    private Bucket newBucket(Limit limit) {
        int capacity = switch (limit) {
            case CLARIFICATION -> properties.clarificationCapacity();
            case JOIN -> properties.joinCapacity();
            case NOTE_SAVE -> properties.noteSaveCapacity();
        };
        Duration period = switch (limit) {
            case CLARIFICATION -> properties.clarificationPeriod();
            case JOIN -> properties.joinPeriod();
            case NOTE_SAVE -> properties.noteSavePeriod();
        };
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
                .build();
    }

    /**
     * Takes one token for {@code key}; throws {@link RateLimitedException} with the wait when there
     * is none, so nothing is written and nobody else is woken.
     */
    void acquire(Limit limit, String key, String refusal) {
        Bucket bucket = buckets.get(limit.name() + ':' + key, k -> newBucket(limit));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            meters.rateLimited(limit);
            throw new RateLimitedException(refusal, Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }
}
