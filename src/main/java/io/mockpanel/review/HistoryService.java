package io.mockpanel.review;

import io.mockpanel.panel.SessionState;
import io.mockpanel.security.AppRoles;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The history of sessions, past and present, as the signed-in person may see it: coaches and
 * admins every session, interviewers the sessions they sat on. Narrowed by {@link HistoryFilter},
 * newest first, a page at a time; the text search looks only at notes the reader may read (never
 * another author's private note). Decision 0026 explains the queries and their indexes.
 */
@Service
public class HistoryService {

    static final String STAFF = "hasAnyRole('" + AppRoles.COACH + "','" + AppRoles.ADMIN + "','"
            + AppRoles.INTERVIEWER + "')";

    private final JdbcClient jdbc;
    private final ReviewAccess access;

    HistoryService(JdbcClient jdbc, ReviewAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /**
     * The filter made ready to run, or a {@link ReviewException} saying what is wrong with it: dates
     * in the wrong order, a search text too long or without any word to look for.
     */
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public HistoryFilter check(HistoryFilter filter) {
        HistoryFilter clean = normalised(filter);
        if (clean.searchesText()) {
            Integer nodes = jdbc.sql("select numnode(" + HistoryQuery.QUERY + ")").param("text", clean.text())
                    .query(Integer.class).single();
            if (nodes == null || nodes == 0) {
                throw new ReviewException("Nothing to search for in \"" + clean.text() + "\": common words such as "
                        + "\"the\" and punctuation are left out. Search for a more specific word.");
            }
        }
        return clean;
    }

    /** One page of sessions, newest first; the same filter and offset always give the same rows. */
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public List<HistoryRow> page(HistoryFilter filter, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        HistoryQuery query = HistoryQuery.page(access.me(), normalised(filter), offset, limit);
        jdbc.sql(HistoryQuery.PLANNER_SETTINGS).query().singleRow();
        return jdbc.sql(query.sql()).params(query.params()).query(HistoryService::row).list();
    }

    /** How many sessions the filter finds, up to {@link HistoryCount#CAP}. */
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public HistoryCount count(HistoryFilter filter) {
        HistoryQuery query = HistoryQuery.count(access.me(), normalised(filter));
        jdbc.sql(HistoryQuery.PLANNER_SETTINGS).query().singleRow();
        int found = jdbc.sql(query.sql()).params(query.params()).query(Integer.class).single();
        return new HistoryCount(Math.min(found, HistoryCount.CAP), found > HistoryCount.CAP);
    }

    /**
     * Candidates whose name contains the text, by name, a page at a time (for a lazy picker). An
     * interviewer is offered only the candidates of sessions they sat on.
     */
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public List<HistoryChoice<Long>> candidates(String text, int offset, int limit) {
        Reviewer me = access.me();
        String pattern = "%" + likeEscaped(clean(text).toLowerCase()) + "%";
        return jdbc.sql("""
                select c.id, c.display_name from candidate c
                 where lower(c.display_name) like :pattern escape '\\'
                   and (:all or exists (select 1 from panel_session s
                         join session_member m on m.session_id = s.id and m.username = :me
                        where s.candidate_id = c.id))
                 order by lower(c.display_name), c.id
                offset :offset limit :limit""")
                .param("pattern", pattern).param("all", seesAll(me)).param("me", me.username())
                .param("offset", Math.max(0, offset)).param("limit", Math.min(Math.max(0, limit), HistoryQuery.MAX_PAGE))
                .query((rs, n) -> new HistoryChoice<>(rs.getLong(1), rs.getString(2))).list();
    }

    /** The candidate with this id as a choice, if this reader may pick them (a filter from a link). */
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public Optional<HistoryChoice<Long>> candidate(long id) {
        Reviewer me = access.me();
        return jdbc.sql("""
                select c.id, c.display_name from candidate c
                 where c.id = :id
                   and (:all or exists (select 1 from panel_session s
                         join session_member m on m.session_id = s.id and m.username = :me
                        where s.candidate_id = c.id))""")
                .param("id", id).param("all", seesAll(me)).param("me", me.username())
                .query((rs, n) -> new HistoryChoice<>(rs.getLong(1), rs.getString(2))).optional();
    }

    /** The library's scenarios, by title (a session keeps a link to the scenario it was taken from). */
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public List<HistoryChoice<Long>> scenarios() {
        return jdbc.sql("select id, title from scenario order by lower(title), id")
                .query((rs, n) -> new HistoryChoice<>(rs.getLong(1), rs.getString(2))).list();
    }

    /** The people who can sit on a panel (interviewers and coaches), by name. */
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public List<HistoryChoice<String>> interviewers() {
        return jdbc.sql("""
                select username, display_name from user_account
                 where role in ('INTERVIEWER', 'COACH') order by lower(display_name), username""")
                .query((rs, n) -> new HistoryChoice<>(rs.getString(1), rs.getString(2) + " (" + rs.getString(1) + ")"))
                .list();
    }

    private static boolean seesAll(Reviewer me) {
        return me.sees(false);
    }

    /** The filter with its text cleaned and checked; dates in order. */
    static HistoryFilter normalised(HistoryFilter filter) {
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            throw new ReviewException("The start date " + filter.from() + " is after the end date " + filter.to()
                    + ". Pick a start on or before the end.");
        }
        String text = clean(filter.text());
        if (text.length() > HistoryFilter.MAX_TEXT) {
            throw new ReviewException("The search text has " + text.length() + " characters; at most "
                    + HistoryFilter.MAX_TEXT + " are searched. Shorten it to the words that matter.");
        }
        String interviewer = filter.interviewer() == null || filter.interviewer().isBlank() ? null
                : filter.interviewer().strip();
        return new HistoryFilter(filter.candidateId(), filter.scenarioId(), interviewer, filter.from(), filter.to(),
                filter.state(), filter.verdict(), text);
    }

    /** Control characters (a NUL is refused by PostgreSQL) and the excerpt's marks become spaces. */
    private static String clean(@Nullable String text) {
        if (text == null) {
            return "";
        }
        var out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(
                Character.isISOControl(c) || c == HistoryQuery.MATCH_START || c == HistoryQuery.MATCH_END ? ' ' : c));
        return out.toString().strip().replaceAll("\\s+", " ");
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static HistoryRow row(ResultSet rs, int n) throws SQLException {
        int verdict = rs.getInt("recommendation");
        Integer recommendation = rs.wasNull() ? null : verdict;
        return new HistoryRow(rs.getLong("id"), rs.getObject("held_at", java.time.OffsetDateTime.class).toInstant(),
                rs.getString("title"), rs.getLong("candidate_id"), rs.getString("candidate_name"),
                rs.getString("lead_name"), rs.getInt("panel_size"), SessionState.valueOf(rs.getString("state")),
                recommendation, excerpt(rs.getString("excerpt")));
    }

    /** Splits a headline at its marks; everything stays text (the view never renders it as HTML). */
    static List<HistoryRow.ExcerptPart> excerpt(@Nullable String headline) {
        List<HistoryRow.ExcerptPart> parts = new ArrayList<>();
        if (headline == null) {
            return parts;
        }
        var text = new StringBuilder();
        boolean match = false;
        for (char c : headline.replaceAll("\\s+", " ").strip().toCharArray()) {
            if (c == HistoryQuery.MATCH_START || c == HistoryQuery.MATCH_END) {
                if (!text.isEmpty()) {
                    parts.add(new HistoryRow.ExcerptPart(text.toString(), match));
                    text.setLength(0);
                }
                match = c == HistoryQuery.MATCH_START;
            } else {
                text.append(c);
            }
        }
        if (!text.isEmpty()) {
            parts.add(new HistoryRow.ExcerptPart(text.toString(), match));
        }
        return parts;
    }
}
