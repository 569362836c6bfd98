package io.mockpanel.panel;

import java.util.Optional;

/**
 * What becomes of the unsaved text a browser kept for its composer (the draft) when the console
 * opens again after a reload or a crash. Judged by the note version the draft was typed on, never
 * by the browser's clock: drafts are per tab, so the same version means nobody saved the note
 * since; another version means somebody did (the writer's other tab), and the draft comes back as
 * a conflict that the writer resolves. Unsaved text is never dropped and never saved over a newer
 * version.
 */
public final class DraftRestore {

    /** What the composer does with a draft. */
    public enum Outcome {
        /** Nothing to restore: the draft is empty, or the composer already holds a note or text. */
        NOTHING,
        /** The draft belongs to no stored note of the writer's: it is saved as a new note. */
        SAVE_AS_NEW,
        /** The stored note already says exactly this: it is put back in the composer, nothing is saved. */
        ALREADY_SAVED,
        /** Typed on the note's current version: the draft is the newer text and is saved over it. */
        SAVE_OVER,
        /** The note was saved elsewhere since the draft's version: shown as a conflict, not saved. */
        CONFLICT
    }

    /**
     * A draft as the browser reports it.
     *
     * @param noteId      the note it was typed on; empty for a note never saved
     * @param baseVersion the version of that note the text was typed on
     */
    public record Draft(Optional<Long> noteId, String text, boolean isPrivate, long baseVersion) {

        /** Reads the browser's values leniently: a missing or garbled id or version counts as none. */
        public static Draft fromBrowser(String noteId, String text, boolean isPrivate, double baseVersion) {
            long version = Double.isFinite(baseVersion) && baseVersion > 0 ? (long) baseVersion : 0;
            return new Draft(parseId(noteId), text, isPrivate, version);
        }

        private static Optional<Long> parseId(String raw) {
            try {
                return raw.isBlank() ? Optional.empty() : Optional.of(Long.parseLong(raw.strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    private DraftRestore() {
    }

    /**
     * @param composerBusy the composer already holds a note or text (this tab went on without the draft)
     * @param stored       the writer's own stored note the draft names, if there is one
     */
    public static Outcome judge(Draft draft, boolean composerBusy, Optional<Note> stored) {
        if (composerBusy || draft.text().isEmpty()) {
            return Outcome.NOTHING;
        }
        if (draft.noteId().isEmpty() || stored.isEmpty() || stored.get().id() != draft.noteId().get()) {
            return Outcome.SAVE_AS_NEW;
        }
        Note note = stored.get();
        if (note.text().equals(draft.text()) && note.isPrivate() == draft.isPrivate()) {
            return Outcome.ALREADY_SAVED;
        }
        return draft.baseVersion() == note.version() ? Outcome.SAVE_OVER : Outcome.CONFLICT;
    }
}
