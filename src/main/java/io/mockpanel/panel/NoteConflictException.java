package io.mockpanel.panel;

/**
 * A save based on an old version of a note: someone (the author in another tab or window) saved
 * it in between. Nothing was written; {@link #current()} is the stored version, to offer instead.
 */
public class NoteConflictException extends SessionException {

    private final Note current;

    public NoteConflictException(Note current) {
        super("This note was changed in another tab or window since you loaded it; your text was not saved.");
        this.current = current;
    }

    /** The note as it is stored now. */
    public Note current() {
        return current;
    }
}
