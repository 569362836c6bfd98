package io.mockpanel.panel.ui;

import io.mockpanel.panel.SessionSchedule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A session's start in words, in the viewer's zone and with that zone named: the absolute form
 * ("Tue 2 Dec 2026, 15:00 CET (Europe/Berlin)") and the agenda's relative one ("in 2 h",
 * "tomorrow 15:00", "should have started 12 min ago"). The app's texts are English, so is the format.
 */
final class WhenText {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm",
            Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter WEEKDAY_TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);

    private WhenText() {
    }

    /** "Tue 2 Dec 2026, 15:00 CET (Europe/Berlin)". */
    static String absolute(Instant at, ZoneId zone) {
        ZonedDateTime time = at.atZone(zone);
        return DATE_TIME.format(time) + " " + zoneName(time);
    }

    /** "15:00 CET (Europe/Berlin)": the zone's short name at that moment and its id. */
    static String zoneName(ZonedDateTime time) {
        String shortName = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH).format(time);
        String id = time.getZone().getId();
        return shortName.equals(id) ? "(" + id + ")" : shortName + " (" + id + ")";
    }

    /** "Tue 2 Dec 2026, 15:00 CET (Europe/Berlin) · 90 min". */
    static String schedule(SessionSchedule schedule, ZoneId zone) {
        return absolute(schedule.startsAt(), zone) + " · " + schedule.plannedMinutes() + " min";
    }

    /**
     * How far off a start is, as an agenda says it: "in 12 min", "in 2 h" (today), "tomorrow 15:00",
     * "Thu 15:00" (this week), "Tue 2 Dec, 15:00"; for a start that has passed, "12 min ago".
     */
    static String relative(Instant start, Instant now, ZoneId zone) {
        Duration until = Duration.between(now, start);
        if (until.isNegative()) {
            return span(until.negated()) + " ago";
        }
        if (until.toMinutes() < 1) {
            return "now";
        }
        if (until.toMinutes() < 60) {
            return "in " + until.toMinutes() + " min";
        }
        ZonedDateTime at = start.atZone(zone);
        LocalDate today = now.atZone(zone).toLocalDate();
        if (at.toLocalDate().equals(today)) {
            return "in " + until.toHours() + " h";
        }
        if (at.toLocalDate().equals(today.plusDays(1))) {
            return "tomorrow " + TIME.format(at);
        }
        if (at.toLocalDate().isBefore(today.plusDays(7))) {
            return WEEKDAY_TIME.format(at);
        }
        return DAY_TIME.format(at);
    }

    /** "12 min", "3 h", "2 days". */
    static String span(Duration duration) {
        long minutes = Math.max(1, duration.toMinutes());
        if (minutes < 60) {
            return minutes + " min";
        }
        if (minutes < 48 * 60) {
            return minutes / 60 + " h";
        }
        return minutes / (24 * 60) + " days";
    }

    /** A zone as a picker lists it: "Europe/Berlin (UTC+01:00)". */
    static String zoneLabel(ZoneId zone, Instant at) {
        String offset = zone.getRules().getOffset(at).getId();
        return zone.getId() + " (UTC" + (offset.equals("Z") ? "" : offset) + ")";
    }
}
