package io.mockpanel.panel;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A panelist's note as a member may see it. The stamp ({@code offset}, {@code prompt}) is taken
 * when the note is created: the time since the session started and the item on the candidate's
 * screen then. {@code version} goes up with every save; pass it back to save again.
 *
 * @param isPrivate   only its author ever sees the note
 * @param promptLabel the prompt's label, e.g. "Crisis Management › Situation"; null when nothing was pushed
 */
@org.springframework.modulith.NamedInterface("api")
public record Note(long id, String author, String authorName, boolean isPrivate, String text, Duration offset,
        @Nullable PromptRef prompt, @Nullable String promptLabel, Instant createdAt, Instant updatedAt,
        long version) {
}
