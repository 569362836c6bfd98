package io.mockpanel.review;

import static io.mockpanel.support.TestUsers.as;

import io.mockpanel.panel.LiveControlService;
import io.mockpanel.panel.NoteService;
import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.panel.PromptKind;
import io.mockpanel.panel.PromptRef;
import io.mockpanel.panel.QuickTag;
import io.mockpanel.scoring.ConsensusInput;
import io.mockpanel.scoring.ScoringFixture;
import io.mockpanel.scoring.ScoringService;
import io.mockpanel.support.TestPanel;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A finished session as a real panel leaves it: prompts pushed, shared and private notes, a tag, a
 * covered question, scenario 0 scored, revealed and agreed, scenario 1 scored but never revealed,
 * coaching notes (one shared with the panel), the candidate's self-assessment and rating.
 */
@Component
public class ReviewFixture {

    public static final String LEAD_NOTE = "Lead: clear structure on the first question";
    public static final String PANELIST_PRIVATE = "Pat private: reminds me of my own interview";
    public static final String PANELIST_SHARED = "Pat: gave a number for the outage cost";
    public static final String COACHING_SHARED = "Coach (shared): answer ran 6 minutes before a result";
    public static final String COACHING_PRIVATE = "Coach only: the lead interrupted twice";

    private final TestPanel panels;
    private final LiveControlService control;
    private final NoteService notes;
    private final ScoringService scoring;
    private final PanelSessionService sessions;
    private final JdbcClient jdbc;

    ReviewFixture(TestPanel panels, LiveControlService control, NoteService notes, ScoringService scoring,
            PanelSessionService sessions, JdbcClient jdbc) {
        this.panels = panels;
        this.control = control;
        this.notes = notes;
        this.scoring = scoring;
        this.sessions = sessions;
        this.jdbc = jdbc;
    }

    /** A live session with everything above but not ended (scenario 0 revealed only). */
    public TestPanel.Panel happened() {
        TestPanel.Panel panel = panels.live();
        long id = panel.sessionId();
        as(panel.lead(), "INTERVIEWER", () -> {
            control.push(id, PromptRef.of(0, PromptKind.OVERVIEW));
            control.startTimer(id, 0);
            control.push(id, PromptRef.question(0, 0, 0));
            notes.saveNote(id, null, 0, LEAD_NOTE, false);
            notes.addTag(id, QuickTag.TOO_VAGUE);
            control.markCovered(id, PromptRef.question(0, 0, 0), true);
        });
        as(panel.panelist(), "INTERVIEWER", () -> {
            notes.saveNote(id, null, 0, PANELIST_PRIVATE, true);
            notes.saveNote(id, null, 0, PANELIST_SHARED, false);
            notes.addTag(id, QuickTag.QUANTIFIED_RESULT);
        });
        as(panel.lead(), "INTERVIEWER", () -> control.push(id, PromptRef.of(1, PromptKind.OVERVIEW)));
        int areas0 = areas(panel, 0);
        int areas1 = areas(panel, 1);
        as(panel.lead(), "INTERVIEWER", () -> scoring.submit(id, ScoringFixture.sheet(0, 0, 3, scores(areas0, 3))));
        as(panel.panelist(), "INTERVIEWER", () -> scoring.submit(id, ScoringFixture.sheet(0, 0, 2, scores(areas0, 2))));
        as(panel.lead(), "INTERVIEWER", () -> {
            scoring.reveal(id, 0);
            scoring.recordConsensus(id, new ConsensusInput(0, 0, 3, "We settled on 3", 0));
        });
        as(panel.lead(), "INTERVIEWER", () -> scoring.submit(id, ScoringFixture.sheet(1, 0, 4, scores(areas1, 4))));
        as(panel.panelist(), "INTERVIEWER", () -> scoring.submit(id, ScoringFixture.sheet(1, 0, 1, scores(areas1, 1))));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("insert into coaching_note (session_id, author, text, offset_ms, shared_with_panel, created_at, updated_at) "
                        + "values (?, ?, ?, 1000, true, ?, ?), (?, ?, ?, null, false, ?, ?)")
                .params(id, panel.coach(), COACHING_SHARED, now, now, id, panel.coach(), COACHING_PRIVATE, now, now)
                .update();
        jdbc.sql("insert into self_assessment (session_id, scenario, area, score, comment, submitted_at) values (?, 0, 0, 4, ?, ?)")
                .params(id, "I think I nailed it", now).update();
        jdbc.sql("insert into session_feedback (session_id, rating, comment, submitted_at) values (?, 5, ?, ?)")
                .params(id, "Friendly panel", now).update();
        return panel;
    }

    /** {@link #happened()}, then the lead ends it. */
    public TestPanel.Panel finished() {
        TestPanel.Panel panel = happened();
        as(panel.lead(), "INTERVIEWER", () -> sessions.end(panel.sessionId()));
        return panel;
    }

    public int areas(TestPanel.Panel panel, int scenario) {
        return as(panel.lead(), "INTERVIEWER",
                () -> sessions.find(panel.sessionId()).agenda().get(scenario).discussionAreas().size());
    }

    private static int[] scores(int areas, int score) {
        return IntStream.range(0, areas).map(a -> score).toArray();
    }
}
