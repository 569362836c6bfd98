package io.mockpanel.panel.ui;

import com.vaadin.flow.shared.Registration;
import io.mockpanel.base.DatabaseFailures;
import io.mockpanel.panel.DraftRestore;
import io.mockpanel.panel.Note;
import io.mockpanel.panel.NoteConflictException;
import io.mockpanel.panel.NoteService;
import io.mockpanel.panel.SessionEvents;
import io.mockpanel.panel.RateLimitedException;
import io.mockpanel.panel.SessionException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * What a {@link NoteComposer} holds and how it saves: the note in the composer (none until its first
 * save), its version, the text last stored and last known, whether a conflict is open, and whether
 * stored saves still wait to be announced to the other consoles. "Saved" is shown only once the
 * service call has returned, i.e. after the commit.
 */
final class NoteDraft {

    /** What became of a save. */
    enum Outcome {
        SAVED, REFUSED, RETRY
    }

    private final long sessionId;
    private final NoteService notes;
    private final NoteComposer view;
    private final List<Consumer<Note>> savedListeners = new CopyOnWriteArrayList<>();

    private @Nullable Long noteId;
    private long version;
    private String savedText = "";
    private boolean savedPrivate;
    /** The newest text known for the composer (from the browser, or set here). */
    private String lastText = "";
    /** The note an open conflict is about; null when there is none. */
    private @Nullable Long conflictNote;
    /** Stored saves the other consoles have not heard of yet (typing saves between announcements). */
    private boolean unannounced;

    NoteDraft(long sessionId, NoteService notes, NoteComposer view) {
        this.sessionId = sessionId;
        this.notes = notes;
        this.view = view;
    }

    Registration onSaved(Consumer<Note> listener) {
        savedListeners.add(listener);
        return () -> savedListeners.remove(listener);
    }

    @Nullable Long noteId() {
        return noteId;
    }

    long version() {
        return version;
    }

    String text() {
        return lastText;
    }

    Outcome save(String clientText, NoteService.SaveKind kind) {
        lastText = clientText;
        view.status.count(clientText);
        if (conflictNote != null) {
            return Outcome.REFUSED;
        }
        boolean isPrivate = view.isPrivate();
        if (noteId == null && clientText.isBlank()) {
            return Outcome.REFUSED;
        }
        if (noteId != null && clientText.equals(savedText) && isPrivate == savedPrivate) {
            if (kind == NoteService.SaveKind.COMMIT) {
                commitPending();
            }
            return Outcome.SAVED;
        }
        try {
            NoteService.SavedNote saved = notes.save(sessionId, noteId, version, clientText, isPrivate, kind);
            adopt(saved.note());
            unannounced = !saved.announced();
            view.showStatus("Saved " + time(saved.note().updatedAt()), false);
            savedListeners.forEach(listener -> listener.accept(saved.note()));
            return Outcome.SAVED;
        } catch (NoteConflictException e) {
            showConflict(e.current().id(), "This note was changed in another tab or window (saved "
                    + time(e.current().updatedAt()) + "). Your text is kept here but not saved.");
        } catch (RateLimitedException e) {
            view.showStatus("Not saved yet: " + e.getMessage(), true);
            return Outcome.RETRY;
        } catch (SessionException e) {
            view.showStatus(e.getMessage(), true);
        } catch (AccessDeniedException e) {
            view.showStatus("You are no longer on this session's panel; nothing was saved.", true);
        } catch (RuntimeException e) {
            if (!DatabaseFailures.isUnreachable(e)) {
                throw e;
            }
            view.showStatus("Not saved yet: the database cannot be reached right now. Your text is kept in this "
                    + "browser and saved as soon as it is back.", true);
            return Outcome.RETRY;
        }
        return Outcome.REFUSED;
    }

    /** Tells the other consoles of saves they have not heard of; quietly leaves it for later if it cannot. */
    void commitPending() {
        if (noteId == null || !unannounced) {
            return;
        }
        try {
            notes.commitNote(sessionId, noteId);
            unannounced = false;
        } catch (SessionException | AccessDeniedException e) {
            unannounced = false;
        } catch (RuntimeException e) {
            if (!DatabaseFailures.isUnreachable(e)) {
                throw e;
            }
        }
    }

    void startNew() {
        commitPending();
        noteId = null;
        version = 0;
        savedText = "";
        lastText = "";
        unannounced = false;
        // Each note is shared unless its writer says otherwise: privacy never carries over.
        view.setPrivate(false);
        savedPrivate = false;
        clearConflict();
        // The browser emptied the composer itself on the click (the script): sending the empty text
        // back would wipe what was typed since.
        view.tellBrowser(null, 0);
        view.status.count("");
        view.showStatus("New note: start typing.", false);
    }

    void edit(Note note) {
        if (noteId == null || noteId != note.id()) {
            commitPending();
        }
        adopt(note);
        unannounced = false;
        clearConflict();
        view.showText(note.text(), note.id(), note.version(), true);
        lastText = note.text();
        view.showStatus("Editing the note from " + NoteTexts.offset(note.offset()) + ".", false);
    }

    void loadOtherVersion() {
        Long id = conflictNote;
        if (id == null) {
            return;
        }
        Optional<Note> other = myNote(id);
        if (other.isEmpty()) {
            view.showStatus("That note can no longer be loaded.", true);
            return;
        }
        edit(other.get());
        view.showStatus("Loaded the version saved " + time(other.get().updatedAt()) + ".", false);
    }

    void keepMineAsNew() {
        if (conflictNote == null) {
            return;
        }
        clearConflict();
        String mine = lastText;
        noteId = null;
        version = 0;
        savedText = "";
        if (save(mine, NoteService.SaveKind.COMMIT) == Outcome.SAVED) {
            view.status.append(" as a new note");
            view.tellBrowser(noteId, version);
        }
    }

    void privacyChanged(boolean isPrivate) {
        if ((noteId != null || !lastText.isBlank()) && save(lastText, NoteService.SaveKind.COMMIT) == Outcome.SAVED) {
            view.tellBrowser(noteId, version);
        }
    }

    /** A NOTE_SAVED event: a newer version of the composer's note was stored elsewhere. */
    void savedElsewhere(SessionEvents.NoteSaved saved, Instant at) {
        Long id = noteId;
        if (id == null || conflictNote != null || saved.noteId() != id || saved.version() == null
                || saved.version() <= version) {
            return;
        }
        showConflict(id, "This note was changed in another tab or window (saved " + time(at)
                + "). Load that version, or keep yours as a new note.");
    }

    void restore(DraftRestore.Draft draft) {
        boolean busy = noteId != null || !lastText.isEmpty();
        Optional<Note> stored = busy || draft.text().isEmpty() ? Optional.empty()
                : draft.noteId().flatMap(this::myNote);
        switch (DraftRestore.judge(draft, busy, stored)) {
            case NOTHING -> {
            }
            case ALREADY_SAVED -> edit(stored.orElseThrow());
            case SAVE_AS_NEW -> {
                view.showText(draft.text(), null, 0, false);
                view.setPrivate(draft.isPrivate());
                saveRestored(draft.text());
            }
            case SAVE_OVER -> {
                adopt(stored.orElseThrow());
                view.setPrivate(draft.isPrivate());
                view.showText(draft.text(), noteId, version, false);
                saveRestored(draft.text());
            }
            case CONFLICT -> {
                Note note = stored.orElseThrow();
                adopt(note);
                view.setPrivate(draft.isPrivate());
                version = draft.baseVersion();
                view.showText(draft.text(), note.id(), version, false);
                lastText = draft.text();
                showConflict(note.id(), "Restored text you had not saved, but this note was changed in another "
                        + "tab or window since (saved " + time(note.updatedAt()) + "). Yours is not saved.");
            }
        }
    }

    Optional<Note> myNote(long id) {
        try {
            return notes.myNote(sessionId, id);
        } catch (AccessDeniedException e) {
            return Optional.empty();
        }
    }

    private void saveRestored(String restored) {
        lastText = restored;
        if (save(restored, NoteService.SaveKind.COMMIT) == Outcome.SAVED) {
            view.status.append(" · restored from this browser");
            view.tellBrowser(noteId, version);
        }
    }

    /** The composer now holds this stored note. */
    private void adopt(Note note) {
        noteId = note.id();
        version = note.version();
        savedText = note.text();
        savedPrivate = note.isPrivate();
        view.setPrivate(note.isPrivate());
    }

    private void showConflict(long id, String message) {
        conflictNote = id;
        view.showConflict(message);
    }

    private void clearConflict() {
        conflictNote = null;
        view.clearConflict();
    }

    private String time(Instant instant) {
        return NoteTexts.time(instant, view.zone());
    }
}
