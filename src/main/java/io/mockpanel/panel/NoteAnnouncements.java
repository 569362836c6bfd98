package io.mockpanel.panel;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * When a note save is announced to the other consoles with a NOTE_SAVED event (decision 0022).
 * Every save stores the note; the event, which wakes every console of the session, is written
 * only when the note is created, when its writer commits it (leaves the field, pauses, starts a
 * new note, leaves the page), when its privacy changes, and while the writer types on, at most
 * once every {@link #WHILE_TYPING_AT_MOST_EVERY}.
 *
 * <p>Remembers per node what it last announced of each note, in a bounded map that forgets quiet
 * notes; a node that does not know a note announces (the safe side: one event too many, never
 * one too few). Callers remember an announcement only once its transaction has committed.
 */
final class NoteAnnouncements {

    static final Duration WHILE_TYPING_AT_MOST_EVERY = Duration.ofSeconds(10);

    /** The last announcement of a note: its version, privacy and time. */
    record Last(long version, boolean isPrivate, Instant at) {
    }

    private final Cache<Long, Last> last = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofHours(1))
            .maximumSize(50_000)
            .build();

    /**
     * Whether a save of the note is announced.
     *
     * @param created the save created the note
     */
    boolean announceSave(long noteId, boolean isPrivate, boolean created, NoteService.SaveKind kind, Instant now) {
        return decideSave(last.getIfPresent(noteId), isPrivate, created, kind, now);
    }

    /** Whether a commit of a note now at {@code version} (no new text) still has something to announce. */
    boolean announceCommit(long noteId, long version, boolean isPrivate) {
        return decideCommit(last.getIfPresent(noteId), version, isPrivate);
    }

    /** Records an announcement that was written (call after its transaction committed). */
    void announced(long noteId, long version, boolean isPrivate, Instant at) {
        last.put(noteId, new Last(version, isPrivate, at));
    }

    static boolean decideSave(@Nullable Last previous, boolean isPrivate, boolean created, NoteService.SaveKind kind,
            Instant now) {
        if (created || kind == NoteService.SaveKind.COMMIT || previous == null) {
            return true;
        }
        if (previous.isPrivate() != isPrivate) {
            // Shared → private must leave the others' screens at once; private → shared may appear.
            return true;
        }
        return !now.isBefore(previous.at().plus(WHILE_TYPING_AT_MOST_EVERY));
    }

    static boolean decideCommit(@Nullable Last previous, long version, boolean isPrivate) {
        return previous == null || previous.version() != version || previous.isPrivate() != isPrivate;
    }
}
