package io.mockpanel.review;

import io.mockpanel.panel.PromptRef;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A coach's observation on a session, as its reader may see it.
 *
 * @param offset      time since the session started: when it was written live, or the moment the
 *                    coach pinned it to afterwards; null for a note pinned to no moment
 * @param prompt      the item on the candidate's screen at that moment; null before the first push
 *                    or without a moment
 * @param promptLabel the item's label in the session's agenda ("Crisis Management › Situation")
 * @param shared      the session's panel (lead, panelists) may read it too
 * @param mine        written by the reader, who may edit and delete it
 */
public record CoachingNote(long id, long sessionId, String author, String authorName, String text,
        @Nullable Duration offset, @Nullable PromptRef prompt, @Nullable String promptLabel, boolean shared,
        Instant createdAt, Instant updatedAt, long version, boolean mine) {

    public boolean edited() {
        return updatedAt.isAfter(createdAt);
    }
}
