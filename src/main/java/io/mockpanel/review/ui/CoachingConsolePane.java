package io.mockpanel.review.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.shared.Registration;
import io.mockpanel.base.ui.ShortcutHint;
import io.mockpanel.panel.SessionEvent;
import io.mockpanel.panel.SessionEvents;
import io.mockpanel.panel.SessionState;
import io.mockpanel.panel.ui.ConsoleContext;
import io.mockpanel.review.CoachingNote;
import io.mockpanel.review.CoachingNoteService;
import io.mockpanel.review.CoachingNoteService.Change;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The console's "Coaching" tab for an observing coach: write coaching notes stamped with the time
 * since the start and the prompt on screen, and see every coach's notes appear as they are saved.
 * Loaded once when built; then it follows the console's feed: a batch of coaching-note events costs
 * one read for the notes it names (none for a note shown at that version already, or deleted), and
 * events of other kinds cost nothing — the session starting or ending opens or retitles the composer
 * from the console's live state alone.
 */
final class CoachingConsolePane extends Div {

    static final ShortcutHint SHORTCUT = new ShortcutHint("Alt+M", "Write a coaching note");

    private final ConsoleContext context;
    private final CoachingNoteService coaching;
    final CoachingNotesBody body;
    private @Nullable Registration liveUpdates;

    CoachingConsolePane(ConsoleContext context, CoachingNoteService coaching) {
        this.context = context;
        this.coaching = coaching;
        setId("coaching-pane");
        addClassName("coaching-pane");
        body = new CoachingNotesBody(context.sessionId(), coaching, CoachingNoteList.NEWEST_FIRST);
        add(body);
        body.list.showAll(coaching.notes(context.sessionId()));
        showState();
        Shortcuts.addShortcutListener(this, () -> {
            context.bringToFront(CoachingConsoleSection.TITLE);
            body.focusText();
        }, Key.KEY_M, KeyModifier.ALT);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        liveUpdates = context.feed().onEvents(this::onEvents);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (liveUpdates != null) {
            liveUpdates.remove();
            liveUpdates = null;
        }
    }

    private void onEvents(List<SessionEvent> events) {
        Set<Long> toRead = new LinkedHashSet<>();
        boolean stateChanged = false;
        for (SessionEvent event : events) {
            var change = coaching.change(event);
            if (change.isPresent()) {
                Change c = change.get();
                if (c.deleted()) {
                    toRead.remove(c.noteId());
                    body.list.forget(c.noteId());
                } else if (!body.list.shows(c.noteId(), c.version())) {
                    toRead.add(c.noteId());
                }
            } else if (event.is(SessionEvents.SessionStarted.class) || event.is(SessionEvents.SessionEnded.class)
                    || event.is(SessionEvents.SessionCancelled.class)) {
                stateChanged = true;
            }
        }
        if (!toRead.isEmpty()) {
            List<CoachingNote> read = coaching.visibleNotes(context.sessionId(), toRead);
            body.list.show(read);
            // Asked for but not returned: deleted (or no longer visible) since the event.
            toRead.removeAll(read.stream().map(CoachingNote::id).toList());
            toRead.forEach(body.list::forget);
        }
        if (stateChanged) {
            showState();
        }
    }

    /** From the console's live state: no query. */
    private void showState() {
        SessionState state = context.feed().live().state();
        if (state == SessionState.SCHEDULED) {
            body.open(false, "Coaching notes open when the session starts.", false, null, List.of());
        } else {
            body.open(true, null, false, null, List.of());
            body.hint(state == SessionState.LIVE ? "" : "The session has ended: notes written here have no moment; "
                    + "pin them to one in the session's review.");
        }
    }
}
