package io.mockpanel.review;

import io.mockpanel.panel.PromptRef;
import io.mockpanel.panel.SessionEvent;
import io.mockpanel.panel.SessionEvents;
import io.mockpanel.panel.SessionRole;
import io.mockpanel.panel.SessionState;
import io.mockpanel.scenario.ScenarioContent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reads behind a session review: the session, its panel, agenda, event log, notes, sheets,
 * reveals, self-assessment and coaching notes, each one statement, each already cut to what the
 * reader may see where that is a question of rows (private notes, others' sheets).
 */
@org.springframework.stereotype.Component
class SessionReviewRows {

    /** Events the review never shows nor needs: presence blips, draft autosaves and mail news are noise here. */
    private static final List<String> NOT_READ = List.of(SessionEvents.PresenceChanged.TYPE,
            SessionEvents.ScoreDraftSaved.TYPE, SessionEvents.MailChanged.TYPE);

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SessionReviewRows(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record SessionRow(String title, long candidateId, String candidateName, SessionState state,
            Instant createdAt, @Nullable Instant startedAt, @Nullable Instant endedAt, boolean anonymised,
            SessionReview.@Nullable Verdict verdict, SessionReview.@Nullable CandidateFeedback feedback) {
    }

    SessionRow session(long sessionId) {
        return jdbc.sql("""
                select s.title, s.candidate_id, c.display_name as candidate_name, s.state, s.created_at, s.started_at,
                       s.ended_at, s.anonymised_at is not null as anonymised,
                       v.recommendation, v.note, coalesce(u.display_name, v.recorded_by) as recorded_by, v.recorded_at,
                       f.rating, f.comment, f.submitted_at
                  from panel_session s
                  join candidate c on c.id = s.candidate_id
                  left join session_verdict v on v.session_id = s.id
                  left join user_account u on u.username = v.recorded_by
                  left join session_feedback f on f.session_id = s.id
                 where s.id = ?""")
                .param(sessionId)
                .query((rs, row) -> new SessionRow(rs.getString("title"), rs.getLong("candidate_id"),
                        rs.getString("candidate_name"), SessionState.valueOf(rs.getString("state")),
                        instant(rs, "created_at"), instantOrNull(rs, "started_at"), instantOrNull(rs, "ended_at"),
                        rs.getBoolean("anonymised"),
                        rs.getObject("recommendation") == null ? null : new SessionReview.Verdict(
                                rs.getInt("recommendation"), rs.getString("note"), rs.getString("recorded_by"),
                                instant(rs, "recorded_at")),
                        rs.getObject("rating") == null ? null : new SessionReview.CandidateFeedback(rs.getInt("rating"),
                                rs.getString("comment"), instant(rs, "submitted_at"))))
                .single();
    }

    List<SessionReview.Seat> panel(long sessionId) {
        return jdbc.sql("""
                select m.username, coalesce(a.display_name, m.username) as display_name, m.role
                  from session_member m left join user_account a on a.username = m.username
                 where m.session_id = ?
                 order by case m.role when 'LEAD' then 0 when 'PANELIST' then 1 else 2 end, display_name, m.username""")
                .param(sessionId)
                .query((rs, row) -> new SessionReview.Seat(rs.getString("username"), rs.getString("display_name"),
                        SessionRole.valueOf(rs.getString("role"))))
                .list();
    }

    List<ScenarioContent> agenda(long sessionId) {
        return jdbc.sql("select content::text from session_scenario where session_id = ? order by position")
                .param(sessionId)
                .query((rs, row) -> json.readValue(rs.getString(1), ScenarioContent.class))
                .list();
    }

    List<SessionEvent> events(long sessionId, long upTo) {
        return jdbc.sql("""
                select session_id, seq, type, payload::text as payload, actor, created_at
                  from session_event where session_id = :session and seq <= :upTo and type not in (:skip) order by seq""")
                .param("session", sessionId).param("upTo", upTo).param("skip", NOT_READ)
                .query(SessionReviewRows::event)
                .list();
    }

    record NoteRow(long id, String author, String name, boolean isPrivate, String text, boolean pinned,
            Duration offset, @Nullable PromptRef prompt, Instant createdAt) {
    }

    List<NoteRow> notes(long sessionId, Reviewer reader) {
        return jdbc.sql("""
                select n.id, n.author, coalesce(a.display_name, n.author) as name, n.private, n.text, n.offset_ms,
                       n.prompt::text as prompt, n.created_at
                  from session_note n left join user_account a on a.username = n.author
                 where n.session_id = ? and (not n.private or n.author = ?)
                 order by n.offset_ms, n.id""")
                .params(sessionId, reader.username())
                .query((rs, row) -> noteRow(rs, rs.getBoolean("private")))
                .list();
    }

    List<NoteRow> coachingNotes(long sessionId, boolean coach) {
        return jdbc.sql("""
                select n.id, n.author, coalesce(a.display_name, n.author) as name, n.text, n.offset_ms,
                       n.prompt::text as prompt, n.created_at
                  from coaching_note n left join user_account a on a.username = n.author
                 where n.session_id = ? and (? or n.shared_with_panel)
                 order by n.created_at, n.id""")
                .params(sessionId, coach)
                .query((rs, row) -> noteRow(rs, false))
                .list();
    }

    NoteRow noteRow(ResultSet rs, boolean isPrivate) throws SQLException {
        String prompt = rs.getString("prompt");
        long offset = rs.getLong("offset_ms");
        boolean pinned = !rs.wasNull();
        return new NoteRow(rs.getLong("id"), rs.getString("author"), rs.getString("name"), isPrivate,
                rs.getString("text"), pinned, Duration.ofMillis(offset),
                prompt == null ? null : json.readValue(prompt, PromptRef.class), instant(rs, "created_at"));
    }

    record AreaRow(@Nullable Integer score, String justification) {
    }

    record SheetRow(long id, int scenario, String author, String name, boolean submitted,
            @Nullable Integer recommendation, String recommendationText, Map<Integer, AreaRow> areas) {
    }

    /**
     * The reader's own sheets, and others' submitted sheets of revealed scenarios: never an unrevealed
     * sheet of someone else, whoever reads (a session that ended before the reveal stays blind).
     */
    List<SheetRow> sheets(long sessionId, Reviewer reader) {
        Map<Long, SheetRow> sheets = new LinkedHashMap<>();
        jdbc.sql("""
                select s.id, s.scenario, s.author, coalesce(u.display_name, s.author) as name, s.state,
                       s.recommendation, s.recommendation_text, a.area, a.score, a.justification
                  from score_sheet s
                  left join user_account u on u.username = s.author
                  left join area_score a on a.sheet_id = s.id
                 where s.session_id = :session
                   and (s.author = :me or s.state = 'SUBMITTED' and exists (select 1 from score_reveal r
                        where r.session_id = s.session_id and r.scenario = s.scenario))
                 order by s.scenario, s.id, a.area""")
                .param("session", sessionId).param("me", reader.username())
                .query((ResultSet rs) -> {
                    SheetRow sheet = sheets.computeIfAbsent(rs.getLong("id"), id -> {
                        try {
                            return new SheetRow(id, rs.getInt("scenario"), rs.getString("author"), rs.getString("name"),
                                    "SUBMITTED".equals(rs.getString("state")), nullableInt(rs, "recommendation"),
                                    rs.getString("recommendation_text"), new HashMap<>());
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    Integer area = nullableInt(rs, "area");
                    if (area != null) {
                        sheet.areas().put(area, new AreaRow(nullableInt(rs, "score"), rs.getString("justification")));
                    }
                });
        return List.copyOf(sheets.values());
    }

    record ConsensusRow(int score, String note) {
    }

    /** Revealed scenarios, each with its consensus per area (maybe none yet). */
    Map<Integer, Map<Integer, ConsensusRow>> reveals(long sessionId) {
        Map<Integer, Map<Integer, ConsensusRow>> reveals = new HashMap<>();
        jdbc.sql("""
                select r.scenario, c.area, c.score, c.note
                  from score_reveal r
                  left join consensus_score c on c.session_id = r.session_id and c.scenario = r.scenario
                 where r.session_id = ?""")
                .param(sessionId)
                .query((ResultSet rs) -> {
                    var areas = reveals.computeIfAbsent(rs.getInt("scenario"), s -> new HashMap<>());
                    Integer area = nullableInt(rs, "area");
                    if (area != null) {
                        areas.put(area, new ConsensusRow(rs.getInt("score"), rs.getString("note")));
                    }
                });
        return reveals;
    }

    record SelfRow(int score, String comment) {
    }

    Map<Long, SelfRow> selfAssessment(long sessionId) {
        Map<Long, SelfRow> self = new HashMap<>();
        jdbc.sql("select scenario, area, score, comment from self_assessment where session_id = ?")
                .param(sessionId)
                .query((ResultSet rs) -> {
                    self.put(((long) rs.getInt("scenario") << 32) | rs.getInt("area"),
                            new SelfRow(rs.getInt("score"), rs.getString("comment")));
                });
        return self;
    }

    static SessionEvent event(ResultSet rs, int row) throws SQLException {
        return new SessionEvent(rs.getLong("session_id"), rs.getLong("seq"), rs.getString("type"),
                rs.getString("payload"), rs.getString("actor"), instant(rs, "created_at"));
    }

    static @Nullable Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
