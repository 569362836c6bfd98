package io.mockpanel.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockpanel.base.MetricsProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Without a usable token configured nothing matches, so the endpoint refuses everyone. */
class ScrapeTokenFilterTest {

    private static final String TOKEN = "a-scrape-token-of-24-chars+";

    @Test
    void only_the_exact_bearer_token_matches() {
        ScrapeTokenFilter filter = new ScrapeTokenFilter(TOKEN);
        assertThat(filter.matches("Bearer " + TOKEN)).isTrue();
        assertThat(filter.matches("bearer " + TOKEN)).isTrue();
        assertThat(filter.matches("Bearer " + TOKEN + "+")).isFalse();
        assertThat(filter.matches("Bearer ")).isFalse();
        assertThat(filter.matches(TOKEN)).isFalse();
        assertThat(filter.matches(null)).isFalse();
    }

    @Test
    void without_a_token_nothing_matches_not_even_an_empty_one() {
        ScrapeTokenFilter filter = new ScrapeTokenFilter(null);
        assertThat(filter.matches("Bearer ")).isFalse();
        assertThat(filter.matches("Bearer null")).isFalse();
    }

    @Test
    void a_token_too_short_to_be_a_secret_counts_as_none() {
        assertThat(new MetricsProperties("short-token", Duration.ZERO).usableToken()).isNull();
        assertThat(new MetricsProperties("   ", Duration.ZERO).usableToken()).isNull();
        assertThat(new MetricsProperties(null, Duration.ZERO).usableToken()).isNull();
        assertThat(new MetricsProperties(" " + TOKEN + " ", Duration.ZERO).usableToken()).isEqualTo(TOKEN);
    }
}
