package io.mockpanel.review;

import io.mockpanel.panel.SessionState;
import io.mockpanel.review.ReportService.AreaEvidence;
import io.mockpanel.review.ReportService.PanelScore;
import io.mockpanel.review.ReportService.QuotableNote;
import io.mockpanel.review.ReportService.Session;
import io.mockpanel.scenario.DiscussionArea;
import io.mockpanel.scenario.ScenarioContent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The coach's draft and what it is written from: its stored row, the session and agenda it is
 * about, the notes it may quote, the panel's scores, and the check of what a save may store.
 * Checks no roles: {@link ReportService} does.
 */
@Component
class ReportDrafts {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ReportDrafts(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The stored report of a session: the draft, its version, and when it was last released. */
    record Row(long id, ReportContent content, long version, Instant updatedAt, @Nullable Instant releasedAt) {
    }

    Optional<Row> row(long sessionId) {
        return jdbc.sql("select id, content::text as content, version, updated_at, released_at "
                        + "from development_report where session_id = ?")
                .param(sessionId)
                .query((rs, n) -> new Row(rs.getLong("id"), json.readValue(rs.getString("content"), ReportContent.class),
                        rs.getLong("version"), rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                        instantOrNull(rs.getObject("released_at", OffsetDateTime.class))))
                .optional();
    }

    /** Stores a session's first draft; false when another save stored one first. */
    boolean insert(long sessionId, String author, ReportContent content, Instant now) {
        try {
            jdbc.sql("""
                    insert into development_report (session_id, author, content, created_at, updated_at, version)
                    values (?, ?, ?::jsonb, ?, ?, 1)""")
                    .params(sessionId, author, json.writeValueAsString(content), at(now), at(now)).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Stores the draft over {@code version}, one version on; false when it is no longer at that version. */
    boolean update(long sessionId, ReportContent content, long version, Instant now) {
        return jdbc.sql("""
                update development_report set content = ?::jsonb, updated_at = ?, version = version + 1
                 where session_id = ? and version = ?""")
                .params(json.writeValueAsString(content), at(now), sessionId, version).update() > 0;
    }

    Session session(long sessionId) {
        return jdbc.sql("""
                select id, title, candidate_name, coalesce(started_at, created_at) as held_at, state,
                       anonymised_at is not null as anonymised
                  from panel_session where id = ?""")
                .param(sessionId)
                .query((rs, n) -> new Session(rs.getLong("id"), rs.getString("title"), rs.getString("candidate_name"),
                        rs.getObject("held_at", OffsetDateTime.class).toInstant(),
                        SessionState.valueOf(rs.getString("state")), rs.getBoolean("anonymised")))
                .single();
    }

    /** Reports are written about sessions that happened, and never about anonymised ones. */
    Session writable(long sessionId) {
        Session session = session(sessionId);
        if (session.state() != SessionState.COMPLETED) {
            throw new ReviewException("A report can be written once the session has been completed.");
        }
        if (session.anonymised()) {
            throw new ReviewException("This session was anonymised; it can no longer have a report.");
        }
        return session;
    }

    List<ScenarioContent> agenda(long sessionId) {
        return jdbc.sql("select content::text from session_scenario where session_id = ? order by position")
                .param(sessionId).query(String.class).list().stream()
                .map(text -> json.readValue(text, ScenarioContent.class)).toList();
    }

    /** The content laid over the agenda: one entry per discussion area, in agenda order, titles from the agenda. */
    static ReportContent withAgenda(@Nullable ReportContent content, List<ScenarioContent> agenda) {
        Map<String, ReportContent.AreaFeedback> given = content == null ? Map.of()
                : content.areas().stream().collect(Collectors.toMap(a -> a.scenario() + "/" + a.area(),
                        Function.identity(), (a, b) -> a));
        List<ReportContent.AreaFeedback> areas = new ArrayList<>();
        for (int s = 0; s < agenda.size(); s++) {
            List<DiscussionArea> discussion = agenda.get(s).discussionAreas();
            for (int a = 0; a < discussion.size(); a++) {
                var old = given.get(s + "/" + a);
                areas.add(new ReportContent.AreaFeedback(s, a, agenda.get(s).title(), discussion.get(a).title(),
                        old == null ? "" : old.feedback(), old == null ? List.of() : old.quotes()));
            }
        }
        return content == null ? new ReportContent("", "", "", areas, false, false) : content.withAreas(areas);
    }

    /**
     * What is stored for a save: texts within their limits, areas as in the agenda, quotes from
     * this session's visible notes only, with the text snapshotted when first quoted.
     */
    ReportContent checked(long sessionId, ReportContent content, @Nullable ReportContent previous, Session session) {
        checkLength("The opening summary", content.summary());
        checkLength("Strengths", content.strengths());
        checkLength("Areas to develop", content.development());
        Map<Long, ReportContent.Quote> kept = new HashMap<>();
        if (previous != null) {
            previous.areas().forEach(a -> a.quotes().forEach(q -> kept.put(q.noteId(), q)));
        }
        List<Long> fresh = content.areas().stream().flatMap(a -> a.quotes().stream()).map(ReportContent.Quote::noteId)
                .filter(id -> !kept.containsKey(id)).distinct().toList();
        Map<Long, ReportContent.Quote> picked = new HashMap<>(kept);
        if (!fresh.isEmpty()) {
            Map<Long, ReportContent.Quote> readable = jdbc.sql("""
                    select id, offset_ms, text from session_note
                     where session_id = :session and id in (:ids) and not private""")
                    .param("session", sessionId).param("ids", fresh)
                    .query((rs, n) -> new ReportContent.Quote(rs.getLong("id"), rs.getLong("offset_ms"),
                            rs.getString("text")))
                    .list().stream().collect(Collectors.toMap(ReportContent.Quote::noteId, Function.identity()));
            if (session.anonymised() || readable.size() != fresh.size()) {
                throw new ReviewException("Only the panel's shared notes of this session can be quoted; "
                        + "private notes never can.");
            }
            picked.putAll(readable);
        }
        List<ReportContent.AreaFeedback> areas = new ArrayList<>();
        for (ReportContent.AreaFeedback area : content.areas()) {
            checkLength("The feedback on “" + area.areaTitle() + "”", area.feedback());
            if (area.quotes().size() > ReportContent.MAX_QUOTES) {
                throw new ReviewException("Quote at most " + ReportContent.MAX_QUOTES + " notes per area; “"
                        + area.areaTitle() + "” has " + area.quotes().size() + ".");
            }
            Map<Long, ReportContent.Quote> quotes = new LinkedHashMap<>();
            area.quotes().forEach(q -> quotes.put(q.noteId(), picked.get(q.noteId())));
            areas.add(area.withQuotes(List.copyOf(quotes.values())));
        }
        List<ScenarioContent> agenda = agenda(sessionId);
        ReportContent laid = withAgenda(content.withAreas(areas), agenda);
        if (laid.areas().size() < areas.size()) {
            throw new ReviewException("The report names a discussion area this session did not have.");
        }
        return laid;
    }

    private static void checkLength(String what, String text) {
        if (text.length() > ReportContent.MAX_TEXT) {
            throw new ReviewException(what + " is " + text.length() + " characters long; at most "
                    + ReportContent.MAX_TEXT + " are allowed.");
        }
    }

    List<QuotableNote> quotable(long sessionId) {
        return jdbc.sql("""
                select n.id, n.offset_ms, n.text, a.display_name from session_note n
                  join user_account a on a.username = n.author
                 where n.session_id = ? and not n.private order by n.offset_ms, n.id""")
                .param(sessionId)
                .query((rs, n) -> new QuotableNote(rs.getLong("id"), rs.getLong("offset_ms"),
                        rs.getString("display_name"), rs.getString("text")))
                .list();
    }

    /** The consensus and the revealed, submitted scores per area: what a coach sees of the scoring. */
    List<AreaEvidence> evidence(long sessionId) {
        Map<String, Integer> consensus = new HashMap<>();
        jdbc.sql("select scenario, area, score from consensus_score where session_id = ?").param(sessionId)
                .query(rs -> {
                    consensus.put(rs.getInt("scenario") + "/" + rs.getInt("area"), rs.getInt("score"));
                });
        Map<String, List<PanelScore>> scores = new LinkedHashMap<>();
        jdbc.sql("""
                select s.scenario, a.area, a.score, a.justification, u.display_name
                  from score_sheet s join area_score a on a.sheet_id = s.id
                  join user_account u on u.username = s.author
                 where s.session_id = ? and s.state = 'SUBMITTED' and a.score is not null
                   and exists (select 1 from score_reveal r where r.session_id = s.session_id and r.scenario = s.scenario)
                 order by s.scenario, a.area, u.display_name""")
                .param(sessionId)
                .query(rs -> {
                    scores.computeIfAbsent(rs.getInt("scenario") + "/" + rs.getInt("area"), k -> new ArrayList<>())
                            .add(new PanelScore(rs.getString("display_name"), rs.getInt("score"),
                                    rs.getString("justification")));
                });
        List<AreaEvidence> result = new ArrayList<>();
        List<ScenarioContent> agenda = agenda(sessionId);
        for (int s = 0; s < agenda.size(); s++) {
            for (int a = 0; a < agenda.get(s).discussionAreas().size(); a++) {
                String key = s + "/" + a;
                result.add(new AreaEvidence(s, a, consensus.get(key), scores.getOrDefault(key, List.of())));
            }
        }
        return result;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instantOrNull(@Nullable OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
