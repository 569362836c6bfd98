package io.mockpanel.review;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Offsets from a session's start as people write them: "mm:ss" (minutes go past 59), or "h:mm:ss". */
public final class Moments {

    private static final Pattern TIME = Pattern.compile("\\s*(?:(\\d{1,2}):)?(\\d{1,3}):(\\d{2})\\s*");

    private Moments() {
    }

    /** "07:05" for seven minutes and five seconds; "92:00" for an hour and a half and two minutes. */
    public static String format(Duration offset) {
        long seconds = Math.max(0, offset.toSeconds());
        return String.format(Locale.ROOT, "%02d:%02d", seconds / 60, seconds % 60);
    }

    /** "7:05", "07:05", "1:07:05" (hours), "92:00"; empty for anything else (seconds must be 00-59). */
    public static Optional<Duration> parse(String text) {
        Matcher m = TIME.matcher(text == null ? "" : text);
        if (!m.matches()) {
            return Optional.empty();
        }
        long hours = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        long minutes = Long.parseLong(m.group(2));
        long seconds = Long.parseLong(m.group(3));
        if (seconds > 59 || hours > 0 && minutes > 59) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofHours(hours).plusMinutes(minutes).plusSeconds(seconds));
    }
}
