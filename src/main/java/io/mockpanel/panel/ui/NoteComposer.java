package io.mockpanel.panel.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.dom.DisabledUpdateMode;
import com.vaadin.flow.shared.Registration;
import io.mockpanel.base.ui.ShortcutHint;
import io.mockpanel.panel.DraftRestore;
import io.mockpanel.panel.Note;
import io.mockpanel.panel.NoteService;
import io.mockpanel.panel.SessionEvent;
import io.mockpanel.security.CurrentUser;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A panelist's note composer: the text area, the private box, the status line with "New note",
 * and the conflict box. Autosave runs in the browser (js/note-autosave.js): plain saves while the
 * writer types, commits when they leave the field, pause or leave the page; only commits (and, while
 * typing on, one save every few seconds) wake the other consoles (decision 0022). Its saves go
 * through {@link NoteDraft}; the live feed only tells it when its note was saved elsewhere, from
 * the events alone (no read). Only for the lead and panelists.
 */
@JavaScript("context://js/note-autosave.js")
public class NoteComposer extends Div {

    /** Longest pause in typing before a save, and longest wait while typing on (ms). */
    static final int DEBOUNCE_MS = 700;
    static final int MAX_WAIT_MS = 1000;
    /** A pause in typing this long (ms) commits the note. */
    static final int SETTLE_MS = 5000;

    public static final List<ShortcutHint> SHORTCUTS = List.of(new ShortcutHint("Alt+M", "Write a note"));

    private final long sessionId;
    private final NoteService notes;
    private final LiveFeed feed;
    final TextArea text = new TextArea("Note");
    final Checkbox privateNote = new Checkbox("Private (only you will ever see it)");
    final Button newNote = new Button("New note", e -> startNewNote());
    final ComposerStatus status = new ComposerStatus(newNote);
    final ConflictBox conflict = new ConflictBox(this::loadOtherVersion, this::keepMineAsNewNote);
    private final NoteDraft draft;
    private boolean applying;
    private ZoneId zone = ZoneId.systemDefault();
    private @Nullable Registration liveUpdates;

    public NoteComposer(LiveFeed feed, NoteService notes) {
        this.sessionId = feed.sessionId();
        this.feed = feed;
        this.notes = notes;
        this.draft = new NoteDraft(sessionId, notes, this);
        addClassName("note-composer");
        text.setId("note-text");
        text.addClassName("note-text");
        text.setWidthFull();
        text.setPlaceholder("What did you hear? Autosaved as you type.");
        // The text reaches the server only through autosave (checked for length in the browser first):
        // the field's own value sync would send a pasted 10 MiB text with every change and stall the
        // page's connection.
        text.setValueChangeMode(null);
        privateNote.setId("note-private");
        privateNote.addValueChangeListener(e -> {
            if (!applying) {
                draft.privacyChanged(e.getValue());
            }
        });
        newNote.setId("new-note");
        newNote.addThemeVariants(ButtonVariant.LUMO_SMALL);
        add(text, privateNote, status, conflict);
        Shortcuts.addShortcutListener(this, this::focusText, Key.KEY_M, KeyModifier.ALT);
    }

    /** Called with each note this composer stored, at once (the author's own timeline shows it). */
    public Registration onSaved(Consumer<Note> listener) {
        return draft.onSaved(listener);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        zone = NoteTexts.zoneOf(attachEvent.getUI());
        liveUpdates = feed.onEvents(this::onEvents);
        String storageKey = "mockpanel.note-draft." + sessionId + "." + CurrentUser.username().orElse("");
        getElement().executeJs("window.mockpanelNotes.install({panel: this, area: $0, pending: $1, box: $2, "
                        + "newNote: $3, storageKey: $4, debounceMs: $5, maxWaitMs: $6, settleMs: $7, maxLength: $8})",
                text.getElement(), status.pending.getElement(), privateNote.getElement(), newNote.getElement(),
                storageKey, DEBOUNCE_MS, MAX_WAIT_MS, SETTLE_MS, NoteService.MAX_LENGTH);
        if (draft.noteId() != null || !draft.text().isEmpty()) {
            // Attached again (the browser's element is new): it gets the newest text known here.
            showText(draft.text(), draft.noteId(), draft.version(), false);
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (liveUpdates != null) {
            liveUpdates.remove();
            liveUpdates = null;
        }
    }

    // --- the browser's calls -------------------------------------------------------------------------

    /**
     * Saves the composer's text ({@code commit}: the writer is done for now, so the others hear of
     * it). The reply tells the script "id:version" when that text is stored, "retry" when it could
     * not be stored now but may be in a moment, or "" when it is not (said in the status line).
     */
    @ClientCallable(DisabledUpdateMode.ALWAYS)
    String autosave(String clientText, boolean commit) {
        return switch (draft.save(clientText, commit ? NoteService.SaveKind.COMMIT : NoteService.SaveKind.TYPING)) {
            case SAVED -> draft.noteId() + ":" + draft.version();
            case RETRY -> "retry";
            case REFUSED -> "";
        };
    }

    /** The script found this tab's unsaved text in localStorage at start-up ({@link DraftRestore} decides). */
    @ClientCallable(DisabledUpdateMode.ALWAYS)
    void restoreDraft(String draftNoteId, String draftText, boolean draftPrivate, double baseVersion) {
        draft.restore(DraftRestore.Draft.fromBrowser(draftNoteId, draftText, draftPrivate, baseVersion));
    }

    // --- the server-side path (testable without a browser) ---------------------------------------------

    /** The composer's text as this composer knows it (the browser's is sent with each save). */
    String composerText() {
        return draft.text();
    }

    /** Saves {@code clientText} and commits it; true when that text is stored afterwards. */
    boolean saveNow(String clientText) {
        return draft.save(clientText, NoteService.SaveKind.COMMIT) == NoteDraft.Outcome.SAVED;
    }

    void startNewNote() {
        draft.startNew();
    }

    /** Puts one of the writer's notes in the composer. */
    public void edit(Note note) {
        draft.edit(note);
    }

    void loadOtherVersion() {
        draft.loadOtherVersion();
    }

    void keepMineAsNewNote() {
        draft.keepMineAsNew();
    }

    void focusText() {
        text.focus();
    }

    /** My note was saved elsewhere (my other tab): say so before a save here fails. Reads nothing. */
    private void onEvents(List<SessionEvent> events) {
        for (SessionEvent event : events) {
            notes.noteSaved(event).ifPresent(saved -> draft.savedElsewhere(saved, event.at()));
        }
    }

    // --- what NoteDraft shows ---------------------------------------------------------------------------

    ZoneId zone() {
        return zone;
    }

    void showStatus(String message, boolean problem) {
        status.show(message, problem);
    }

    void showConflict(String message) {
        conflict.show(message);
        // Resolve it first: a new note would drop the text that is not saved.
        newNote.setEnabled(false);
        status.show("Not saved: conflict.", true);
    }

    void clearConflict() {
        conflict.hide();
        newNote.setEnabled(true);
    }

    void setPrivate(boolean value) {
        applying = true;
        try {
            privateNote.setValue(value);
        } finally {
            applying = false;
        }
    }

    boolean isPrivate() {
        return privateNote.getValue();
    }

    /** The script learns the note's id and version (a save started here, not by the script). */
    void tellBrowser(@Nullable Long id, long atVersion) {
        getElement().executeJs("window.mockpanelNotes.set(this, null, $0, $1, false)",
                id == null ? "" : id.toString(), Long.toString(atVersion));
    }

    /**
     * Sets the text in the browser, with the note it belongs to. Only through the script: the
     * field's value is not synchronised, and the script keeps its localStorage mirror in step.
     */
    void showText(String value, @Nullable Long id, long atVersion, boolean clearDraft) {
        getElement().executeJs("window.mockpanelNotes.set(this, $0, $1, $2, $3)", value,
                id == null ? "" : id.toString(), Long.toString(atVersion), clearDraft);
        status.count(value);
    }
}
