package io.mockpanel.review;

import io.mockpanel.panel.SessionState;
import io.mockpanel.security.AppRoles;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.time.ZoneOffset;
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

    /** The search configuration of the stored tsvector (V0010); query and index must agree. */
    private static final String CONFIG = "'english'";
    private static final String QUERY = "websearch_to_tsquery(" + CONFIG + ", :text)";
    /** Marks around matching words in an excerpt: private-use characters no note is expected to hold. */
    private static final char MATCH_START = '\uE000';
    private static final char MATCH_END = '\uE001';
    private static final String HEADLINE_OPTIONS = "StartSel=\"" + MATCH_START + "\", StopSel=\"" + MATCH_END
            + "\", MaxWords=20, MinWords=8, ShortWord=2, MaxFragments=1, FragmentDelimiter=\" … \"";
    private static final int MAX_PAGE = 500;
    /**
     * An interviewer's text search reads the matching notes from the search index when there are at
     * most this many (visible) ones, else it checks their seats' notes (decision 0026).
     */
    static final int SEARCH_HITS = 2000;
    /**
     * Planner settings for the history queries, local to their transaction (decision 0026): the
     * default random_page_cost (4, for spinning disks) makes a few hundred index probes look dearer
     * than scanning every session; JIT compiling and starting parallel workers cost more than these
     * short queries run.
     */
    static final String PLANNER_SETTINGS = "select set_config('random_page_cost', '1.1', true),"
            + " set_config('jit', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)";

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
            Integer nodes = jdbc.sql("select numnode(" + QUERY + ")").param("text", clean.text())
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
        HistoryQuery query = pageQuery(access.me(), normalised(filter), offset, limit);
        jdbc.sql(PLANNER_SETTINGS).query().singleRow();
        return jdbc.sql(query.sql()).params(query.params()).query(HistoryService::row).list();
    }

    /** A statement and its named parameters (the plan test explains exactly what the service runs). */
    record HistoryQuery(String sql, java.util.Map<String, Object> params) {
    }

    /** The page query for a reader and a normalised filter. */
    static HistoryQuery pageQuery(Reviewer me, HistoryFilter clean, int offset, int limit) {
        var where = new Where(me, clean);
        boolean search = clean.searchesText();
        String sql = """
                with %spage as (
                    select s.id, s.held_at from panel_session s
                     where %s
                     order by s.held_at desc, s.id desc
                    offset :offset limit :limit)
                select s.id, s.held_at, s.title, s.state, c.id as candidate_id, c.display_name as candidate_name,
                       coalesce(l.display_name, s.lead_username) as lead_name, v.recommendation,
                       (select count(*) from session_member pm
                         where pm.session_id = s.id and pm.role <> 'OBSERVER') as panel_size,
                       %s as excerpt
                  from page p
                  join panel_session s on s.id = p.id
                  join candidate c on c.id = s.candidate_id
                  left join user_account l on l.username = s.lead_username
                  left join session_verdict v on v.session_id = s.id
                 order by p.held_at desc, p.id desc""".formatted(where.ctes(), where.sql(), search ? """
                (select ts_headline(%s, n.text, %s, :headline) from session_note n
                  where n.session_id = s.id and n.search @@ %s and (not n.private or n.author = :me)
                  order by n.created_at, n.id limit 1)""".formatted(CONFIG, QUERY, QUERY) : "null");
        var params = new java.util.HashMap<>(where.params());
        params.put("offset", offset);
        params.put("limit", Math.min(limit, MAX_PAGE));
        if (search) {
            params.put("headline", HEADLINE_OPTIONS);
        }
        return new HistoryQuery(sql, params);
    }

    /** How many sessions the filter finds, up to {@link HistoryCount#CAP}. */
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public HistoryCount count(HistoryFilter filter) {
        HistoryQuery query = countQuery(access.me(), normalised(filter));
        jdbc.sql(PLANNER_SETTINGS).query().singleRow();
        int found = jdbc.sql(query.sql()).params(query.params()).query(Integer.class).single();
        return new HistoryCount(Math.min(found, HistoryCount.CAP), found > HistoryCount.CAP);
    }

    /** Counts up to one past the cap, so that "more than the cap" is known without counting it all. */
    static HistoryQuery countQuery(Reviewer me, HistoryFilter clean) {
        var where = new Where(me, clean);
        String with = where.ctes().isEmpty() ? "" : "with " + where.ctes().substring(0, where.ctes().length() - 2) + " ";
        return new HistoryQuery(with + "select count(*) from (select 1 from panel_session s where " + where.sql()
                + " limit " + (HistoryCount.CAP + 1) + ") found", where.params());
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
                .param("offset", Math.max(0, offset)).param("limit", Math.min(Math.max(0, limit), MAX_PAGE))
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
                Character.isISOControl(c) || c == MATCH_START || c == MATCH_END ? ' ' : c));
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
            if (c == MATCH_START || c == MATCH_END) {
                if (!text.isEmpty()) {
                    parts.add(new HistoryRow.ExcerptPart(text.toString(), match));
                    text.setLength(0);
                }
                match = c == MATCH_START;
            } else {
                text.append(c);
            }
        }
        if (!text.isEmpty()) {
            parts.add(new HistoryRow.ExcerptPart(text.toString(), match));
        }
        return parts;
    }

    /** The WHERE clause of a filter for a reader, with its named parameters. */
    private static final class Where {

        private final List<String> ctes = new ArrayList<>();
        private final List<String> conditions = new ArrayList<>();
        private final java.util.Map<String, Object> params = new java.util.HashMap<>();

        Where(Reviewer me, HistoryFilter filter) {
            params.put("me", me.username());
            if (!seesAll(me)) {
                // The reader's own seats, a few hundred at most: read first, then each session by its key.
                conditions.add("s.id = any(array(select m.session_id from session_member m where m.username = :me))");
            }
            if (filter.candidateId() != null) {
                conditions.add("s.candidate_id = :candidate");
                params.put("candidate", filter.candidateId());
            }
            if (filter.scenarioId() != null) {
                conditions.add("exists (select 1 from session_scenario sc where sc.session_id = s.id"
                        + " and sc.source_scenario_id = :scenario)");
                params.put("scenario", filter.scenarioId());
            }
            if (filter.interviewer() != null) {
                conditions.add("exists (select 1 from session_member f where f.session_id = s.id"
                        + " and f.username = :interviewer)");
                params.put("interviewer", filter.interviewer());
            }
            ZoneId zone = ZoneId.systemDefault();
            if (filter.from() != null) {
                conditions.add("s.held_at >= :from");
                params.put("from", filter.from().atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC));
            }
            if (filter.to() != null) {
                conditions.add("s.held_at < :until");
                params.put("until", filter.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime()
                        .withOffsetSameInstant(ZoneOffset.UTC));
            }
            if (filter.state() != null) {
                conditions.add("s.state = :state");
                params.put("state", filter.state().name());
            }
            if (filter.verdict() != null) {
                if (filter.verdict().value() == null) {
                    conditions.add("not exists (select 1 from session_verdict v where v.session_id = s.id)");
                } else {
                    conditions.add("exists (select 1 from session_verdict v where v.session_id = s.id"
                            + " and v.recommendation = :verdict)");
                    params.put("verdict", filter.verdict().value());
                }
            }
            if (filter.searchesText()) {
                // Private notes count only for their author: a search never finds a session by them.
                String visible = "n.search @@ " + QUERY + " and (not n.private or n.author = :me)";
                if (seesAll(me)) {
                    conditions.add("exists (select 1 from session_note n where n.session_id = s.id and " + visible + ")");
                } else {
                    // An interviewer's seats are few but hold many notes (~20 each): a rare word is
                    // found faster from the search index (a few hundred notes, hashed, then matched
                    // against the seats), a common word faster from the seats (the first notes of
                    // each seat match). The search index is read up to SEARCH_HITS + 1 visible notes
                    // (materialised once); only when it holds no more does it decide. "offset 0" keeps
                    // the seat check a per-seat probe that stops at the first match (PostgreSQL would
                    // otherwise hash every matching note of a common word).
                    ctes.add("search_hits as materialized (select n.session_id from session_note n where " + visible
                            + " limit " + (SEARCH_HITS + 1) + ")");
                    conditions.add("case when (select count(*) from search_hits) <= " + SEARCH_HITS
                            + " then s.id in (select h.session_id from search_hits h)"
                            + " else exists (select 1 from session_note n where n.session_id = s.id and " + visible
                            + " offset 0) end");
                }
                params.put("text", filter.text());
            }
        }

        /** Common table expressions the conditions read, each followed by a comma ("" when none). */
        String ctes() {
            return ctes.stream().map(cte -> cte + ",\n").reduce("", String::concat);
        }

        String sql() {
            return conditions.isEmpty() ? "true" : String.join(" and ", conditions);
        }

        java.util.Map<String, Object> params() {
            return params;
        }
    }
}
