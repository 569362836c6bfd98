package io.mockpanel.panel.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** How the agenda says when a session starts: relative near, absolute far, always in the viewer's zone. */
class WhenTextTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Tuesday 1 December 2026, 10:00 in Berlin. */
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    private static String in(Duration until) {
        return WhenText.relative(NOW.plus(until), NOW, BERLIN);
    }

    @Test
    void near_starts_are_counted_and_later_ones_named_by_day() {
        assertThat(in(Duration.ofSeconds(30))).isEqualTo("now");
        assertThat(in(Duration.ofMinutes(12))).isEqualTo("in 12 min");
        assertThat(in(Duration.ofMinutes(125))).isEqualTo("in 2 h");
        assertThat(in(Duration.ofHours(29))).isEqualTo("tomorrow 15:00");
        assertThat(in(Duration.ofDays(2).plusHours(5))).isEqualTo("Thu 15:00");
        assertThat(in(Duration.ofDays(20).plusHours(5))).isEqualTo("Mon 21 Dec, 15:00");
    }

    @Test
    void a_start_that_passed_says_how_long_ago() {
        assertThat(in(Duration.ofMinutes(-12))).isEqualTo("12 min ago");
        assertThat(in(Duration.ofHours(-3))).isEqualTo("3 h ago");
        assertThat(in(Duration.ofDays(-3))).isEqualTo("3 days ago");
    }

    @Test
    void the_same_moment_reads_in_each_viewers_zone_with_the_zone_named() {
        Instant start = Instant.parse("2026-12-02T14:00:00Z");

        assertThat(WhenText.absolute(start, BERLIN)).isEqualTo("Wed 2 Dec 2026, 15:00 CET (Europe/Berlin)");
        assertThat(WhenText.absolute(start, ZoneId.of("America/New_York")))
                .isEqualTo("Wed 2 Dec 2026, 09:00 EST (America/New_York)");
        assertThat(WhenText.relative(start, NOW, ZoneId.of("Pacific/Honolulu"))).isEqualTo("Wed 04:00");
        assertThat(WhenText.relative(start, NOW, BERLIN)).isEqualTo("tomorrow 15:00");
    }
}
