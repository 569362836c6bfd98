package io.mockpanel.review;

import io.mockpanel.panel.SessionState;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One of a candidate's sessions; 'at' is when it started, or was created if it never started. */
public record CandidateSession(long id, String title, SessionState state, Instant at, @Nullable Instant startedAt,
        boolean anonymised) {
}
