package io.mockpanel.panel;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A session as the "my sessions" list shows it, from the point of view of the current user.
 *
 * @param schedule when it is planned to start; null while not scheduled
 */
public record SessionSummary(long id, String title, String candidateName, SessionState state, SessionRole myRole,
        String leadName, int scenarioCount, Instant createdAt, @Nullable Instant startedAt,
        @Nullable SessionSchedule schedule) {
}
