package io.mockpanel.review.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.mockpanel.base.ui.Badge;
import io.mockpanel.review.CoachingNote;
import io.mockpanel.review.Moments;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The coaching notes of a session, one card each: the moment (and the item on screen then), who
 * wrote it, whether the panel sees it, the text; on the reader's own notes Edit, Share/Stop sharing
 * and Delete. Redraws only the cards that changed.
 */
final class CoachingNoteList extends Div {

    /** What the owner does when a button on one of the reader's own notes is used. */
    interface Actions {
        void edit(CoachingNote note);

        void toggleShared(CoachingNote note);

        void delete(CoachingNote note);
    }

    /** Moment order (after the session); newest first (in the live console). */
    static final Comparator<CoachingNote> BY_MOMENT = Comparator
            .comparing((CoachingNote note) -> note.offset() == null ? 1 : 0)
            .thenComparing(note -> note.offset() == null ? java.time.Duration.ZERO : note.offset())
            .thenComparing(CoachingNote::createdAt).thenComparingLong(CoachingNote::id);
    static final Comparator<CoachingNote> NEWEST_FIRST = Comparator.comparing(CoachingNote::createdAt)
            .thenComparingLong(CoachingNote::id).reversed();

    private final Comparator<CoachingNote> order;
    private final Actions actions;
    private final Map<Long, CoachingNote> notes = new LinkedHashMap<>();
    private final Map<Long, Div> cards = new LinkedHashMap<>();
    private final Paragraph empty = new Paragraph("No coaching notes yet.");

    CoachingNoteList(Comparator<CoachingNote> order, Actions actions) {
        this.order = order;
        this.actions = actions;
        setId("coaching-notes");
        addClassName("coaching-list");
        empty.addClassName("coaching-empty");
        add(empty);
    }

    /** Shows exactly these notes. */
    void showAll(List<CoachingNote> all) {
        notes.clear();
        all.forEach(note -> notes.put(note.id(), note));
        cards.values().forEach(this::remove);
        cards.clear();
        redraw();
    }

    /** Adds or replaces notes (others are kept). */
    void show(List<CoachingNote> changed) {
        for (CoachingNote note : changed) {
            CoachingNote before = notes.put(note.id(), note);
            if (before != null && !before.equals(note)) {
                Div card = cards.remove(note.id());
                if (card != null) {
                    remove(card);
                }
            }
        }
        redraw();
    }

    void forget(long noteId) {
        notes.remove(noteId);
        Div card = cards.remove(noteId);
        if (card != null) {
            remove(card);
        }
        redraw();
    }

    boolean shows(long noteId, long version) {
        CoachingNote note = notes.get(noteId);
        return note != null && note.version() == version;
    }

    List<CoachingNote> notes() {
        return notes.values().stream().sorted(order).toList();
    }

    private void redraw() {
        List<CoachingNote> sorted = notes();
        List<Div> ordered = new ArrayList<>();
        for (CoachingNote note : sorted) {
            ordered.add(cards.computeIfAbsent(note.id(), id -> card(note)));
        }
        // Re-inserting in order moves only what is out of place (the client keeps the others).
        for (int i = 0; i < ordered.size(); i++) {
            Div card = ordered.get(i);
            if (indexOf(card) != i + 1) {
                addComponentAtIndex(i + 1, card);
            }
        }
        empty.setVisible(sorted.isEmpty());
    }

    private Div card(CoachingNote note) {
        var card = new Div();
        card.addClassName("coaching-note");
        card.setId("coaching-note-" + note.id());
        // Two lines whatever the width: the moment, who and for whom; then the item on screen then.
        var moment = new Span(note.offset() == null ? "No moment" : Moments.format(note.offset()));
        moment.addClassName("coaching-moment");
        var author = new Span(note.authorName() + (note.edited() ? " · edited" : ""));
        author.addClassName("coaching-author");
        var sharing = note.shared() ? Badge.of("Shared with panel", "success") : Badge.of("Coaches only", "contrast");
        sharing.addClassName("coaching-sharing");
        var head = new Div(moment, author, sharing);
        head.addClassName("coaching-note-head");
        card.add(head);
        if (note.promptLabel() != null) {
            var prompt = new Div();
            prompt.setText(note.promptLabel());
            prompt.addClassName("coaching-prompt");
            card.add(prompt);
        }
        var text = new Div();
        text.setText(note.text());
        text.addClassName("coaching-text");
        card.add(text);
        if (note.mine()) {
            var edit = small("Edit", "coaching-edit-" + note.id(), e -> actions.edit(note));
            var share = small(note.shared() ? "Stop sharing" : "Share with panel", "coaching-share-" + note.id(),
                    e -> actions.toggleShared(note));
            var delete = small("Delete", "coaching-delete-" + note.id(), e -> actions.delete(note));
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            var buttons = new Div(edit, share, delete);
            buttons.addClassName("coaching-note-actions");
            card.add(buttons);
        }
        return card;
    }

    private static Button small(String label, String id, Consumer<com.vaadin.flow.component.ClickEvent<Button>> click) {
        var button = new Button(label, click::accept);
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }
}
