package io.mockpanel.panel;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a session is planned: its start as an instant, the time zone the lead picked it in, and how
 * long it is planned to take. Everyone sees the start in their own zone; {@link #timeZone()} is the
 * session's own (the fallback, and what a calendar invitation names).
 */
@org.springframework.modulith.NamedInterface("api")
public record SessionSchedule(Instant startsAt, ZoneId timeZone, int plannedMinutes) {

    /** The planned end. */
    public Instant endsAt() {
        return startsAt.plus(Duration.ofMinutes(plannedMinutes));
    }

    /** The start as a wall-clock time in the session's own zone. */
    public ZonedDateTime localStart() {
        return startsAt.atZone(timeZone);
    }
}
