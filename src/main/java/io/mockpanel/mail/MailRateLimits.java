package io.mockpanel.mail;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * How many mails one session and one account may queue: a lead (or a script in their name) cannot
 * turn the app into a mail cannon. Token buckets per key on this node, like the panel's limits
 * (decision 0020); a lead's screen stays on one node, so that is the limit they meet.
 */
@Component
class MailRateLimits {

    private final MailProperties properties;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(2))
            .maximumSize(100_000)
            .build();

    MailRateLimits(MailProperties properties) {
        this.properties = properties;
    }

    void acquireForSession(long sessionId) {
        acquire("session:" + sessionId, properties.sessionCapacity(), properties.sessionPeriod(),
                "This session has sent many mails already.");
    }

    void acquireForSender(String account) {
        acquire("sender:" + account, properties.senderCapacity(), properties.senderPeriod(),
                "You have sent many mails already.");
    }

    private void acquire(String key, int capacity, Duration period, String refusal) {
        Bucket bucket = buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new MailRateLimitedException(refusal, Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }
}
