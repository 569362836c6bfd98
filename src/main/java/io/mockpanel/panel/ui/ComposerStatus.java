package io.mockpanel.panel.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.mockpanel.panel.NoteService;

/**
 * The note composer's status line: what the server last said ("Saved 10:42:07", or why not), what
 * the browser's autosave script says ("Saving…"), and the note's length against the limit.
 */
final class ComposerStatus extends Div {

    final Span status = new Span();
    /** Written only by the browser script, never by the server. */
    final Span pending = new Span();
    final Span counter = new Span();

    ComposerStatus(Component... actions) {
        addClassName("note-status-line");
        status.setId("note-status");
        status.addClassName("note-status");
        pending.setId("note-pending");
        pending.addClassName("note-pending");
        counter.setId("note-counter");
        counter.addClassName("note-counter");
        add(status, pending, counter);
        add(actions);
        count("");
    }

    void show(String message, boolean problem) {
        status.setText(message);
        status.setClassName("problem", problem);
    }

    /** Adds to what the status says ("Saved 10:42:07" + " as a new note"). */
    void append(String more) {
        status.setText(status.getText() + more);
    }

    String text() {
        return status.getText();
    }

    /** Shows the length of {@code text} in characters (code points, as the limit counts). */
    void count(String text) {
        int length = text.codePointCount(0, text.length());
        counter.setText(NoteTexts.grouped(length) + " / " + NoteTexts.grouped(NoteService.MAX_LENGTH));
        counter.setClassName("over", length > NoteService.MAX_LENGTH);
    }
}
