package io.mockpanel.panel;

import io.mockpanel.panel.ScheduleException.Field;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Checks a start the lead picked and turns it into a {@link SessionSchedule}: a known IANA zone, a
 * start no more than a few minutes in the past (a lead filling in the form at 14:58 for 15:00 must
 * not be refused at 15:01) and within two years, and a length a panel can have.
 */
final class ScheduleRules {

    static final int MIN_MINUTES = 5;
    static final int MAX_MINUTES = 480;
    /** How far in the past a start may be when it is saved. */
    static final Duration GRACE = Duration.ofMinutes(5);
    static final Duration HORIZON = Duration.ofDays(731);

    private ScheduleRules() {
    }

    /**
     * @param agendaMinutes the agenda's total, the length when none is given
     * @throws ScheduleException naming the field that is wrong
     */
    static SessionSchedule check(NewSchedule request, int agendaMinutes, Instant now) {
        ZoneId zone = zone(request.timeZone());
        if (request.start() == null) {
            throw new ScheduleException(Field.START, "Pick the date and time the session starts.");
        }
        // A wall-clock time skipped by a daylight-saving change moves forward by the gap (02:30 → 03:30);
        // one that happens twice is the first of the two. Both are what a calendar does.
        ZonedDateTime start = request.start().atZone(zone);
        Instant startsAt = start.toInstant().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        if (startsAt.isBefore(now.minus(GRACE))) {
            throw new ScheduleException(Field.START, "This start is in the past; pick a date and time from now on.");
        }
        if (startsAt.isAfter(now.plus(HORIZON))) {
            throw new ScheduleException(Field.START, "Pick a start within the next two years.");
        }
        int minutes = request.plannedMinutes() != null ? request.plannedMinutes()
                : Math.clamp(agendaMinutes, MIN_MINUTES, MAX_MINUTES);
        if (minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
            throw new ScheduleException(Field.PLANNED_MINUTES,
                    "A session is planned for " + MIN_MINUTES + " to " + MAX_MINUTES + " minutes.");
        }
        return new SessionSchedule(startsAt, zone, minutes);
    }

    /** An IANA region id (Europe/Berlin); offsets and abbreviations are refused, they do not follow DST. */
    static ZoneId zone(@org.jspecify.annotations.Nullable String id) {
        if (id == null || id.isBlank()) {
            throw new ScheduleException(Field.TIME_ZONE, "Pick the time zone the start is in.");
        }
        String stripped = id.strip();
        if (stripped.length() > 64 || !ZoneId.getAvailableZoneIds().contains(stripped)) {
            throw new ScheduleException(Field.TIME_ZONE, "\"" + (stripped.length() > 64 ? stripped.substring(0, 64)
                    + "…" : stripped) + "\" is not a time zone; pick one from the list, e.g. Europe/Berlin.");
        }
        return ZoneId.of(stripped);
    }
}
