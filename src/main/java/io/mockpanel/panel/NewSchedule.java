package io.mockpanel.panel;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A start as the lead picks it: a wall-clock date and time in a time zone (an IANA id such as
 * {@code Europe/Berlin}), and the planned length. {@link ScheduleRules} checks it and turns it into
 * a {@link SessionSchedule}.
 *
 * @param plannedMinutes empty for the agenda's total
 */
@org.springframework.modulith.NamedInterface("api")
public record NewSchedule(@Nullable LocalDateTime start, @Nullable String timeZone, @Nullable Integer plannedMinutes) {
}
