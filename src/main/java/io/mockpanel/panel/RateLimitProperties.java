package io.mockpanel.panel;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often the least trusted actors may repeat an action: at most {@code ...Capacity} times at
 * once, and as many again spread over each {@code ...Period}.
 *
 * @param clarificationCapacity a candidate's clarification requests, per session
 * @param joinCapacity          joins (and returns) with invite links, per client address
 * @param noteSaveCapacity      note saves, per panelist and session (typing autosaves about once a second)
 */
@ConfigurationProperties("mockpanel.rate-limits")
record RateLimitProperties(
        @DefaultValue("2") int clarificationCapacity, @DefaultValue("60s") Duration clarificationPeriod,
        @DefaultValue("30") int joinCapacity, @DefaultValue("10m") Duration joinPeriod,
        @DefaultValue("20") int noteSaveCapacity, @DefaultValue("5s") Duration noteSavePeriod) {

    RateLimitProperties {
        for (Duration period : new Duration[] {clarificationPeriod, joinPeriod, noteSavePeriod}) {
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("mockpanel.rate-limits: every period must be positive.");
            }
        }
        if (clarificationCapacity < 1 || joinCapacity < 1 || noteSaveCapacity < 1) {
            throw new IllegalArgumentException("mockpanel.rate-limits: every capacity must be at least 1.");
        }
    }
}
