package io.mockpanel.review.ui;

import io.mockpanel.scoring.ScoreScale;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the report screens write times, scores and offsets. */
final class ReportTexts {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY_AND_CLOCK = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm",
            Locale.ENGLISH);

    private ReportTexts() {
    }

    static String date(Instant instant, ZoneId zone) {
        return DATE.format(instant.atZone(zone));
    }

    static String clock(Instant instant, ZoneId zone) {
        return CLOCK.format(instant.atZone(zone));
    }

    static String dayAndClock(Instant instant, ZoneId zone) {
        return DAY_AND_CLOCK.format(instant.atZone(zone));
    }

    /** The browser's time zone if it told one Java knows; the server's otherwise. */
    static ZoneId zoneOf(com.vaadin.flow.component.UI ui) {
        try {
            var details = ui.getPage().getExtendedClientDetails();
            if (details != null && details.getTimeZoneId() != null && !details.getTimeZoneId().isBlank()) {
                return ZoneId.of(details.getTimeZoneId());
            }
        } catch (RuntimeException e) {
            // unknown to the browser or to Java: the server's zone
        }
        return ZoneId.systemDefault();
    }

    /** "3 · Yes". */
    static String score(int value) {
        return ScoreScale.of(value).map(ScoreScale::display).orElse(Integer.toString(value));
    }

    /** "12:05" into the session (minutes:seconds, hours when needed). */
    static String offset(long millis) {
        Duration d = Duration.ofMillis(millis);
        return d.toHours() > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart())
                : String.format(Locale.ROOT, "%d:%02d", d.toMinutes(), d.toSecondsPart());
    }
}
