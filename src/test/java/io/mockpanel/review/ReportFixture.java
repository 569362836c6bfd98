package io.mockpanel.review;

import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A completed session with evidence for a report: a shared note, a private note, the revealed
 * scores of lead and panelist for the first area of the first scenario, and the panel's consensus.
 * Written with SQL: the scoring and note rules have tests of their own.
 */
@Component
public class ReportFixture {

    public static final String SHARED_NOTE = "Gave a clear example of leading the migration";
    public static final String PRIVATE_NOTE = "Private hunch: seemed nervous about budgets";
    /** The individual scores: lead 2, panelist 4; the consensus 3. */
    public static final int LEAD_SCORE = 2;
    public static final int PANELIST_SCORE = 4;
    public static final int CONSENSUS = 3;

    private final TestPanel testPanel;
    private final PanelSessionService sessions;
    private final JdbcClient jdbc;

    ReportFixture(TestPanel testPanel, PanelSessionService sessions, JdbcClient jdbc) {
        this.testPanel = testPanel;
        this.sessions = sessions;
        this.jdbc = jdbc;
    }

    public record Done(TestPanel.Panel panel, long sharedNote, long privateNote, TestPanel.Candidate candidate) {
    }

    /** A live session the candidate joined, with notes and scores, then ended by the lead. */
    public Done completed() {
        TestPanel.Panel panel = testPanel.live();
        TestPanel.Candidate candidate = testPanel.join(panel, "Casey");
        long shared = note(panel.sessionId(), panel.panelist(), SHARED_NOTE, false, 65_000);
        long hidden = note(panel.sessionId(), panel.panelist(), PRIVATE_NOTE, true, 70_000);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        sheet(panel.sessionId(), panel.lead(), LEAD_SCORE, now);
        sheet(panel.sessionId(), panel.panelist(), PANELIST_SCORE, now);
        jdbc.sql("insert into score_reveal (session_id, scenario, revealed_at, revealed_by) values (?, 0, ?, ?)")
                .params(panel.sessionId(), now, panel.lead()).update();
        jdbc.sql("""
                insert into consensus_score (session_id, scenario, area, score, note, recorded_by, recorded_at, version)
                values (?, 0, 0, ?, '', ?, ?, 1)""").params(panel.sessionId(), CONSENSUS, panel.lead(), now).update();
        TestUsers.as(panel.lead(), "INTERVIEWER", () -> sessions.end(panel.sessionId()));
        return new Done(panel, shared, hidden, candidate);
    }

    long note(long sessionId, String author, String text, boolean hidden, long offsetMs) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return jdbc.sql("""
                insert into session_note (session_id, author, private, text, offset_ms, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(sessionId, author, hidden, text, offsetMs, now, now).query(Long.class).single();
    }

    private void sheet(long sessionId, String author, int score, OffsetDateTime now) {
        long sheet = jdbc.sql("""
                insert into score_sheet (session_id, scenario, author, state, recommendation, created_at, updated_at,
                    submitted_at, version)
                values (?, 0, ?, 'SUBMITTED', 3, ?, ?, ?, 1) returning id""")
                .params(sessionId, author, now, now, now).query(Long.class).single();
        jdbc.sql("insert into area_score (sheet_id, area, score, justification) values (?, 0, ?, 'because')")
                .params(sheet, score).update();
    }
}
