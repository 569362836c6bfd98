package io.mockpanel.review.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How the privacy screens write times (the server's zone, as the accounts screen does). */
final class Formats {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(Locale.UK).withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
            .withLocale(Locale.UK).withZone(ZoneId.systemDefault());

    private Formats() {
    }

    static String when(@Nullable Instant at) {
        return at == null ? "" : WHEN.format(at);
    }

    static String day(@Nullable Instant at) {
        return at == null ? "" : DAY.format(at);
    }
}
