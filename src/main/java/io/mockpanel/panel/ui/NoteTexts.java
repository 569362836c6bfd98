package io.mockpanel.panel.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the notes parts write times and numbers: offsets "mm:ss", clock times in the browser's zone, "20 000". */
final class NoteTexts {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private NoteTexts() {
    }

    /** "mm:ss" since the session started (minutes go past 59). */
    static String offset(Duration offset) {
        long seconds = Math.max(0, offset.toSeconds());
        return String.format(Locale.ROOT, "%02d:%02d", seconds / 60, seconds % 60);
    }

    static String time(Instant instant, ZoneId zone) {
        return CLOCK.format(instant.atZone(zone));
    }

    /** 20000 → "20 000". */
    static String grouped(int number) {
        return String.format(Locale.ROOT, "%,d", number).replace(',', ' ');
    }

    /** The browser's time zone if it told one Java knows; the server's otherwise. */
    static ZoneId zoneOf(UI ui) {
        try {
            ExtendedClientDetails details = ui.getPage().getExtendedClientDetails();
            if (details != null && details.getTimeZoneId() != null && !details.getTimeZoneId().isBlank()) {
                return ZoneId.of(details.getTimeZoneId());
            }
        } catch (RuntimeException e) {
            // unknown to the browser or to Java: the server's zone
        }
        return ZoneId.systemDefault();
    }
}
