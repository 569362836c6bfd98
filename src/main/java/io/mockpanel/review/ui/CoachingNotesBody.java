package io.mockpanel.review.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import io.mockpanel.base.UserFacingException;
import io.mockpanel.base.ui.Confirmation;
import io.mockpanel.base.ui.Notifications;
import io.mockpanel.review.CoachingNote;
import io.mockpanel.review.CoachingNoteConflictException;
import io.mockpanel.review.CoachingNoteService;
import io.mockpanel.review.CoachingNoteService.PushedMoment;
import io.mockpanel.review.Moments;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A composer and the list of a session's coaching notes, for the console (notes stamped with now)
 * and for after the session (notes pinned to a moment picked as mm:ss or from the prompts pushed,
 * or to none). Saves, edits, share toggles and deletions go through {@link CoachingNoteService};
 * a refused save keeps the text in the composer and says why; a stale one offers the saved version.
 */
final class CoachingNotesBody extends Composite<Div> implements CoachingNoteList.Actions {

    private final long sessionId;
    private final CoachingNoteService coaching;
    final TextArea text = new TextArea("Coaching note");
    final Checkbox shared = new Checkbox("Share with panel");
    final CoachingMomentPicker picker = new CoachingMomentPicker();
    final Button save = new Button("Save note");
    final Button cancel = new Button("Cancel");
    final Paragraph closed = new Paragraph();
    final Span moment = new Span();
    private final Div conflict = new Div();
    private final Span conflictText = new Span();
    private final Button loadSaved = new Button("Load the saved version");
    private final Button saveAsNew = new Button("Save mine as a new note");
    private final Div composer = new Div();
    final CoachingNoteList list;
    private boolean pinnable;
    private @Nullable CoachingNote editing;
    private @Nullable CoachingNote savedVersion;
    private String idleHint = "";

    CoachingNotesBody(long sessionId, CoachingNoteService coaching, Comparator<CoachingNote> order) {
        this.sessionId = sessionId;
        this.coaching = coaching;
        this.list = new CoachingNoteList(order, this);
        Div root = getContent();
        root.addClassName("coaching-notes");

        text.setId("coaching-text");
        text.addClassName("coaching-text-field");
        text.setWidthFull();
        text.setPlaceholder("What would you tell the candidate? e.g. “The answer ran 6 minutes before a result.”");
        // The limit (20 000 characters) is said when a note passes it; the helper says who reads it.
        text.setHelperText("Coaches read it; the panel only if shared; the candidate never.");
        shared.setId("coaching-shared");
        shared.setTooltipText("The lead and the panelists can read it too.");

        moment.setId("coaching-moment");
        moment.addClassName("coaching-moment-hint");

        save.setId("coaching-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        save.addClickListener(e -> save());
        cancel.setId("coaching-cancel");
        cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        cancel.addClickListener(e -> clear());
        cancel.setVisible(false);
        var buttons = new Div(shared, save, cancel);
        buttons.addClassName("coaching-buttons");

        conflict.setId("coaching-conflict");
        conflict.addClassName("note-conflict");
        loadSaved.setId("coaching-load-saved");
        loadSaved.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        loadSaved.addClickListener(e -> loadSavedVersion());
        saveAsNew.setId("coaching-save-as-new");
        saveAsNew.addThemeVariants(ButtonVariant.LUMO_SMALL);
        saveAsNew.addClickListener(e -> saveAsNew());
        var conflictActions = new Div(loadSaved, saveAsNew);
        conflictActions.addClassName("note-conflict-actions");
        conflict.add(conflictText, conflictActions);
        conflict.setVisible(false);

        composer.addClassName("coaching-composer");
        composer.setId("coaching-composer");
        composer.add(text, picker, moment, buttons, conflict);
        closed.setId("coaching-closed");
        closed.addClassName("coaching-closed");
        closed.setVisible(false);
        root.add(composer, closed, list);
        picker.setVisible(false);
    }

    /**
     * Whether the viewer writes here and how: {@code pinnable} shows the moment picker (after the
     * session), with the prompts pushed and the session's length as the range.
     */
    void open(boolean canWrite, @Nullable String cannotWrite, boolean pinnable, @Nullable Duration length,
            List<PushedMoment> pushed) {
        this.pinnable = pinnable;
        composer.setVisible(canWrite);
        closed.setVisible(!canWrite && cannotWrite != null);
        closed.setText(cannotWrite == null ? "" : cannotWrite);
        picker.offer(pushed, length);
        showMomentRow();
    }

    /** A line under the text box while no note is being edited (how new notes are placed in time). */
    void hint(String text) {
        idleHint = text;
        showMomentRow();
    }

    /** The text box is where Alt+M and "Edit" send the viewer. */
    void focusText() {
        text.focus();
    }

    private void showMomentRow() {
        picker.setVisible(pinnable && editing == null);
        if (editing != null) {
            moment.setText("Editing your note" + (editing.offset() == null ? "" : " at "
                    + Moments.format(editing.offset())) + "; its moment stays.");
        } else {
            moment.setText(idleHint);
        }
        moment.setVisible(!moment.getText().isEmpty());
    }

    private void save() {
        String value = text.getValue();
        try {
            CoachingNote saved;
            if (editing != null) {
                saved = coaching.edit(sessionId, editing.id(), editing.version(), value, shared.getValue());
            } else {
                saved = coaching.write(sessionId, value, shared.getValue(), pinnable ? picker.moment() : null);
            }
            list.show(List.of(saved));
            Notifications.success(editing != null ? "Coaching note saved." : "Coaching note added.");
            clear();
        } catch (CoachingNoteConflictException stale) {
            showConflict(stale);
        } catch (RuntimeException e) {
            if (!(e instanceof UserFacingException)) {
                throw e;
            }
            Notifications.error(e.getMessage());
        }
    }

    private void showConflict(CoachingNoteConflictException stale) {
        savedVersion = stale.current().orElse(null);
        conflictText.setText(stale.getMessage());
        loadSaved.setVisible(savedVersion != null);
        conflict.setVisible(true);
        stale.current().ifPresentOrElse(note -> list.show(List.of(note)), () -> {
            if (editing != null) {
                list.forget(editing.id());
            }
        });
        Notifications.warning(stale.getMessage());
    }

    private void loadSavedVersion() {
        if (savedVersion != null) {
            load(savedVersion);
        }
    }

    private void saveAsNew() {
        editing = null;
        conflict.setVisible(false);
        save.setText("Save note");
        cancel.setVisible(false);
        showMomentRow();
        save();
    }

    private void clear() {
        editing = null;
        savedVersion = null;
        text.clear();
        shared.setValue(false);
        picker.clear();
        conflict.setVisible(false);
        save.setText("Save note");
        cancel.setVisible(false);
        showMomentRow();
    }

    /** Loads the note into the composer; asks first when that would throw away text not yet saved. */
    @Override
    public void edit(CoachingNote note) {
        String typed = text.getValue();
        boolean unsaved = !typed.isBlank() && (editing == null || !typed.equals(editing.text()));
        if (unsaved && !typed.equals(note.text())) {
            Confirmation.ask("coaching-discard-confirm", "Discard what you wrote?",
                    "The text in the composer is not saved; editing this note replaces it.", "Discard and edit",
                    () -> load(note));
            return;
        }
        load(note);
    }

    private void load(CoachingNote note) {
        editing = note;
        savedVersion = null;
        conflict.setVisible(false);
        text.setValue(note.text());
        shared.setValue(note.shared());
        save.setText("Save changes");
        cancel.setVisible(true);
        showMomentRow();
        focusText();
    }

    @Override
    public void toggleShared(CoachingNote note) {
        try {
            CoachingNote saved = coaching.edit(sessionId, note.id(), note.version(), note.text(), !note.shared());
            list.show(List.of(saved));
            Notifications.success(saved.shared() ? "Shared with the panel." : "Now for coaches only.");
        } catch (CoachingNoteConflictException stale) {
            stale.current().ifPresentOrElse(current -> list.show(List.of(current)), () -> list.forget(note.id()));
            Notifications.warning(stale.getMessage().startsWith("This note was deleted")
                    ? "This note was deleted elsewhere." : "This note was changed elsewhere: here is the saved "
                    + "version; share it again if you still want to.");
        } catch (RuntimeException e) {
            if (!(e instanceof UserFacingException)) {
                throw e;
            }
            Notifications.error(e.getMessage());
        }
    }

    @Override
    public void delete(CoachingNote note) {
        Confirmation.ask("coaching-delete-confirm", "Delete this coaching note?",
                "“" + preview(note.text()) + "” will be gone for everyone who could read it.", "Delete", () -> {
                    try {
                        coaching.delete(sessionId, note.id(), note.version());
                        list.forget(note.id());
                        if (editing != null && editing.id() == note.id()) {
                            clear();
                        }
                        Notifications.info("Coaching note deleted.");
                    } catch (CoachingNoteConflictException stale) {
                        stale.current().ifPresentOrElse(current -> list.show(List.of(current)),
                                () -> list.forget(note.id()));
                        Notifications.warning(stale.getMessage().startsWith("This note was deleted")
                                ? "This note was already deleted elsewhere."
                                : "This note was changed elsewhere, so it was not deleted: look at it again first.");
                    }
                });
    }

    private static String preview(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 80 ? line : line.substring(0, 79) + "…";
    }

    Optional<CoachingNote> editing() {
        return Optional.ofNullable(editing);
    }
}
