package io.mockpanel.review.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import io.mockpanel.review.CoachingNoteService;

/**
 * A session's coaching notes after the session, for the review page: every note the reader may
 * see in moment order with its offset and the prompt on screen then; for coaches a composer that
 * pins a new note to a moment (typed as mm:ss or picked from the prompts pushed) or to none, and
 * Edit, Share/Stop sharing and Delete on their own notes. Reads when built; {@link #refresh()} reads again.
 */
public class CoachingNotesPanel extends Composite<Div> {

    private final long sessionId;
    private final CoachingNoteService coaching;
    final CoachingNotesBody body;

    public CoachingNotesPanel(long sessionId, CoachingNoteService coaching) {
        this.sessionId = sessionId;
        this.coaching = coaching;
        body = new CoachingNotesBody(sessionId, coaching, CoachingNoteList.BY_MOMENT);
        getContent().setId("coaching-notes-panel");
        getContent().addClassName("coaching-notes-panel");
        getContent().add(new H3("Coaching notes"), body);
        refresh();
    }

    /** Reads the notes and what the reader may write again. */
    public final void refresh() {
        var composer = coaching.composer(sessionId);
        body.open(composer.canWrite(), composer.cannotWrite(),
                !composer.stamped(), composer.length(),
                composer.pushed());
        body.list.showAll(coaching.notes(sessionId));
    }
}
