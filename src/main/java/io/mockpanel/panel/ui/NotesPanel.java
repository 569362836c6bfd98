package io.mockpanel.panel.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import io.mockpanel.base.ui.ShortcutHint;
import io.mockpanel.panel.NoteService;
import io.mockpanel.panel.SessionRole;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * A member's notes for one session in one column: the composer and the quick tags (for the lead
 * and panelists), then the timeline. A convenience over {@link NotesParts} for a console that does
 * not place the parts apart.
 */
public class NotesPanel extends Div {

    /** The keyboard shortcuts of the notes parts, for the console's shortcut help. */
    public static final List<ShortcutHint> SHORTCUTS = Stream.concat(NoteComposer.SHORTCUTS.stream(),
            QuickTagBar.SHORTCUTS.stream()).toList();

    private final LiveFeed feed;
    private final NoteService notes;
    private @Nullable NotesParts parts;

    /** Reads once, when first shown, whether the viewer writes notes here. */
    public NotesPanel(LiveFeed feed, NoteService notes) {
        this.feed = feed;
        this.notes = notes;
        addClassName("notes-panel");
    }

    /** For a console that knows the viewer's role: nothing is read for it. */
    public NotesPanel(LiveFeed feed, NoteService notes, SessionRole role) {
        this(feed, notes);
        build(role != SessionRole.OBSERVER);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        if (parts == null) {
            try {
                build(notes.canWrite(feed.sessionId()));
            } catch (AccessDeniedException e) {
                removeAll();
                add(new Paragraph("You are not on this session's panel."));
            }
        }
    }

    private void build(boolean canWrite) {
        NotesParts built = NotesParts.of(feed, notes, canWrite);
        parts = built;
        add(new H3("Notes"));
        if (built.composer() != null && built.tags() != null) {
            add(built.composer(), new H4("Quick tags"), built.tags());
        }
        add(built.timeline());
    }

    /** The parts, once built (at construction with a role, else when first shown). */
    @Nullable NotesParts parts() {
        return parts;
    }
}
