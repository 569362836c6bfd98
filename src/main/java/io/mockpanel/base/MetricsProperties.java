package io.mockpanel.base;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The metrics endpoint and its gauges (decision 0042).
 *
 * @param scrapeToken the bearer token a Prometheus scraper sends to {@code /actuator/prometheus}
 *                    ({@code MOCKPANEL_METRICS_SCRAPE_TOKEN}); without one, or with one shorter than
 *                    {@link #MIN_TOKEN_LENGTH}, the endpoint refuses everyone
 * @param gaugeCache  how long a gauge that needs a query (live sessions, the mail outbox) keeps its
 *                    value, so scrapes cost at most one query per period
 */
@ConfigurationProperties("mockpanel.metrics")
public record MetricsProperties(@Nullable String scrapeToken, @DefaultValue("10s") Duration gaugeCache) {

    /** Short enough to paste, long enough that guessing it over HTTP is hopeless. */
    public static final int MIN_TOKEN_LENGTH = 24;

    /** The token, if one is configured that is long enough to be a secret. */
    public @Nullable String usableToken() {
        return scrapeToken == null || scrapeToken.strip().length() < MIN_TOKEN_LENGTH ? null : scrapeToken.strip();
    }
}
