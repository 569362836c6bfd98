package io.mockpanel.review;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A history statement and its named parameters, built for a reader and a normalised filter: the
 * page of sessions or their count. The plan test explains exactly what {@link HistoryService}
 * runs; decision 0026 explains the queries and their indexes.
 */
record HistoryQuery(String sql, Map<String, Object> params) {

    /** The search configuration of the stored tsvector (V0010); query and index must agree. */
    static final String CONFIG = "'english'";
    static final String QUERY = "websearch_to_tsquery(" + CONFIG + ", :text)";
    /** Marks around matching words in an excerpt: private-use characters no note is expected to hold. */
    static final char MATCH_START = '\uE000';
    static final char MATCH_END = '\uE001';
    private static final String HEADLINE_OPTIONS = "StartSel=\"" + MATCH_START + "\", StopSel=\"" + MATCH_END
            + "\", MaxWords=20, MinWords=8, ShortWord=2, MaxFragments=1, FragmentDelimiter=\" … \"";
    static final int MAX_PAGE = 500;
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

    /** The page query for a reader and a normalised filter. */
    static HistoryQuery page(Reviewer me, HistoryFilter clean, int offset, int limit) {
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
        var params = new HashMap<>(where.params());
        params.put("offset", offset);
        params.put("limit", Math.min(limit, MAX_PAGE));
        if (search) {
            params.put("headline", HEADLINE_OPTIONS);
        }
        return new HistoryQuery(sql, params);
    }


    /** Counts up to one past the cap, so that "more than the cap" is known without counting it all. */
    static HistoryQuery count(Reviewer me, HistoryFilter clean) {
        var where = new Where(me, clean);
        String with = where.ctes().isEmpty() ? "" : "with " + where.ctes().substring(0, where.ctes().length() - 2) + " ";
        return new HistoryQuery(with + "select count(*) from (select 1 from panel_session s where " + where.sql()
                + " limit " + (HistoryCount.CAP + 1) + ") found", where.params());
    }


    /** The WHERE clause of a filter for a reader, with its named parameters. */
    private static final class Where {

        private final List<String> ctes = new ArrayList<>();
        private final List<String> conditions = new ArrayList<>();
        private final Map<String, Object> params = new HashMap<>();

        Where(Reviewer me, HistoryFilter filter) {
            params.put("me", me.username());
            if (!me.sees(false)) {
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
                if (me.sees(false)) {
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

        Map<String, Object> params() {
            return params;
        }
    }
}
