package io.mockpanel.review;

/**
 * A coaching note changed (or was deleted) since its writer loaded it: nothing was written, and
 * the screen keeps the writer's text. Carries the note as it is now, if it still exists.
 */
public class CoachingNoteConflictException extends ReviewException {

    private final transient java.util.Optional<CoachingNote> current;

    CoachingNoteConflictException(String message, java.util.Optional<CoachingNote> current) {
        super(message);
        this.current = current;
    }

    /** The note as stored now; empty when it was deleted. */
    public java.util.Optional<CoachingNote> current() {
        return current;
    }
}
