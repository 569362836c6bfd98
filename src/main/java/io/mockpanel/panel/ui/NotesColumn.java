package io.mockpanel.panel.ui;

import com.vaadin.flow.component.html.Div;

/**
 * The console's notes pane: the composer and quick tags stay put while the timeline under them
 * scrolls on its own (on a phone, or a low window, the whole pane scrolls instead: console.css).
 */
final class NotesColumn {

    private NotesColumn() {
    }

    static Div of(NotesParts parts) {
        var pane = new Div();
        pane.addClassName("notes-pane");
        if (parts.composer() != null && parts.tags() != null) {
            var writing = new Div(parts.composer(), parts.tags());
            writing.addClassName("notes-writing");
            pane.add(writing);
        }
        var timeline = new Div(parts.timeline());
        timeline.addClassName("notes-timeline-scroll");
        pane.add(timeline);
        return pane;
    }
}
