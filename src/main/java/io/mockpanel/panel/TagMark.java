package io.mockpanel.panel;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A quick tag as added during a session: who, when, how long after the start, on which prompt.
 *
 * @param seq         the TAG_ADDED event's number in the session's log
 * @param promptLabel the label of the item on screen then; null when nothing was pushed
 */
public record TagMark(long seq, String author, String authorName, QuickTag tag, Duration offset,
        @Nullable PromptRef prompt, @Nullable String promptLabel, Instant at) {
}
