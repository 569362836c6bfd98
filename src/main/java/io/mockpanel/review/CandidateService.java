package io.mockpanel.review;

import io.mockpanel.panel.QuickTag;
import io.mockpanel.panel.SessionState;
import io.mockpanel.security.AppRoles;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Candidates as people across sessions (grouped by e-mail address when a session is created): find
 * them, follow their development, and merge two records of the same person. For coaches and admins
 * only: interviewers do not see a candidate's history, so that earlier scores never anchor a panel
 * that scores blind (decisions 0008 and 0029).
 */
@Service
public class CandidateService {

    static final String COACHES_AND_ADMINS = "hasAnyRole('" + AppRoles.COACH + "','" + AppRoles.ADMIN + "')";

    private final JdbcClient jdbc;
    private final ReviewAccess access;
    private final AuditLog audit;

    CandidateService(JdbcClient jdbc, ReviewAccess access, AuditLog audit) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
    }

    private static final String CANDIDATE_COLUMNS = """
            c.id, c.display_name, c.anonymised_at,
            array(select a.email from candidate_alias a where a.candidate_id = c.id order by a.email) as addresses,
            (select count(*) from panel_session s where s.candidate_id = c.id) as sessions,
            (select max(coalesce(s.started_at, s.created_at)) from panel_session s where s.candidate_id = c.id) as last_at
            """;

    /** A page of candidates whose name or address contains the text (all when blank), by name. */
    @PreAuthorize(COACHES_AND_ADMINS)
    @Transactional(readOnly = true)
    public List<Candidate> candidates(@Nullable String search, int offset, int limit) {
        if (unsearchable(search)) {
            return List.of();
        }
        return jdbc.sql("select " + CANDIDATE_COLUMNS + " from candidate c where " + SEARCH
                        + " order by lower(c.display_name), c.id offset :offset limit :limit")
                .param("pattern", pattern(search))
                .param("offset", Math.max(0, offset))
                .param("limit", Math.max(0, Math.min(limit, 500)))
                .query((rs, row) -> candidate(rs))
                .list();
    }

    /** How many candidates {@link #candidates} finds for the text. */
    @PreAuthorize(COACHES_AND_ADMINS)
    @Transactional(readOnly = true)
    public int count(@Nullable String search) {
        if (unsearchable(search)) {
            return 0;
        }
        return jdbc.sql("select count(*) from candidate c where " + SEARCH)
                .param("pattern", pattern(search)).query(Integer.class).single();
    }

    private static final String SEARCH = """
            (cast(:pattern as text) is null or c.display_name ilike :pattern
             or exists (select 1 from candidate_alias a where a.candidate_id = c.id and a.email ilike :pattern))""";

    @PreAuthorize(COACHES_AND_ADMINS)
    @Transactional(readOnly = true)
    public Optional<Candidate> candidate(long id) {
        return jdbc.sql("select " + CANDIDATE_COLUMNS + " from candidate c where c.id = ?")
                .param(id).query((rs, row) -> candidate(rs)).optional();
    }

    /** The candidate's sessions, newest first. */
    @PreAuthorize(COACHES_AND_ADMINS)
    @Transactional(readOnly = true)
    public List<CandidateSession> sessions(long candidateId) {
        return jdbc.sql("""
                select id, title, state, coalesce(started_at, created_at) as at, started_at, anonymised_at
                  from panel_session where candidate_id = ?
                 order by coalesce(started_at, created_at) desc, id desc""")
                .param(candidateId)
                .query((rs, row) -> new CandidateSession(rs.getLong("id"), rs.getString("title"),
                        SessionState.valueOf(rs.getString("state")), instant(rs, "at"), nullableInstant(rs, "started_at"),
                        rs.getTimestamp("anonymised_at") != null))
                .list();
    }

    /**
     * Merges 'other' into 'kept': its sessions and addresses move to the kept record, which keeps
     * its name; the other record is deleted. Refused for the same record, a record that is gone, or
     * an anonymised one. Audited; the caller asks the user first.
     */
    @PreAuthorize(COACHES_AND_ADMINS)
    @Transactional
    public Candidate merge(long keptId, long otherId) {
        Reviewer me = access.me();
        if (keptId == otherId) {
            throw new ReviewException("These are the same record: pick the other record of this person to merge.");
        }
        // Both rows locked (in id order, so two opposite merges cannot deadlock); a session being
        // created for either waits for this merge.
        Map<Long, Boolean> anonymised = new HashMap<>();
        jdbc.sql("select id, anonymised_at is not null as anonymised from candidate where id in (?, ?) order by id for update")
                .params(keptId, otherId)
                .query(rs -> {
                    anonymised.put(rs.getLong("id"), rs.getBoolean("anonymised"));
                });
        if (anonymised.size() != 2) {
            throw new ReviewException("One of the two records no longer exists (merged or deleted meanwhile). "
                    + "Reload the list and pick again.");
        }
        if (anonymised.containsValue(true)) {
            throw new ReviewException("An anonymised record cannot be merged: it no longer says who the person is.");
        }
        int sessions = jdbc.sql("update panel_session set candidate_id = ? where candidate_id = ?")
                .params(keptId, otherId).update();
        int addresses = jdbc.sql("update candidate_alias set candidate_id = ? where candidate_id = ?")
                .params(keptId, otherId).update();
        jdbc.sql("delete from candidate where id = ?").param(otherId).update();
        audit.record(me.username(), AuditLog.Action.MERGED_CANDIDATES, "candidate " + keptId,
                "merged candidate " + otherId + " into it: " + sessions + " sessions, " + addresses + " addresses");
        return candidate(keptId).orElseThrow();
    }

    /**
     * The candidate's development: per session that took place, the value of each discussion area
     * of each revealed scenario (the panel's consensus where the lead recorded one, otherwise the
     * mean of the submitted sheets), grouped by competency; quick tags per session; and the
     * scenarios of the current library done and not yet done.
     */
    @PreAuthorize(COACHES_AND_ADMINS)
    @Transactional(readOnly = true)
    public CandidateProgress progress(long candidateId) {
        Candidate candidate = candidate(candidateId)
                .orElseThrow(() -> new ReviewException("No such candidate: the record may have been merged or deleted."));
        Map<Long, PointBuilder> points = new LinkedHashMap<>();
        jdbc.sql("""
                select id, title, started_at from panel_session
                 where candidate_id = ? and started_at is not null
                 order by started_at, id""")
                .param(candidateId)
                .query(rs -> {
                    points.put(rs.getLong("id"), new PointBuilder(rs.getLong("id"), rs.getString("title"),
                            instant(rs, "started_at")));
                });
        SortedMap<String, Set<String>> groupAreas = new TreeMap<>(Competencies.DISPLAY_ORDER);
        jdbc.sql("""
                select r.session_id, sc.content -> 'discussionAreas' -> x.area ->> 'title' as area_title,
                       max(c.score) as consensus, avg(x.score) as mean
                  from panel_session s
                  join score_reveal r on r.session_id = s.id
                  join session_scenario sc on sc.session_id = r.session_id and sc.position = r.scenario
                  join score_sheet sh on sh.session_id = r.session_id and sh.scenario = r.scenario
                                     and sh.state = 'SUBMITTED'
                  join area_score x on x.sheet_id = sh.id and x.score is not null
                  left join consensus_score c on c.session_id = r.session_id and c.scenario = r.scenario
                                             and c.area = x.area
                 where s.candidate_id = ? and s.started_at is not null
                 group by r.session_id, r.scenario, x.area, area_title""")
                .param(candidateId)
                .query(rs -> {
                    PointBuilder point = points.get(rs.getLong("session_id"));
                    if (point == null) {
                        return;
                    }
                    String title = Objects.requireNonNullElse(rs.getString("area_title"), "");
                    String group = Competencies.of(title);
                    groupAreas.computeIfAbsent(group, g -> new TreeSet<>(String.CASE_INSENSITIVE_ORDER))
                            .add(title.isBlank() ? "Untitled area" : title.strip());
                    int consensus = rs.getInt("consensus");
                    boolean agreed = !rs.wasNull();
                    point.add(group, agreed ? consensus : rs.getDouble("mean"), agreed);
                });
        jdbc.sql("""
                select e.session_id, e.payload ->> 'tag' as tag, count(*) as n
                  from panel_session s join session_event e on e.session_id = s.id and e.type = 'TAG_ADDED'
                 where s.candidate_id = ? and s.started_at is not null
                 group by e.session_id, tag""")
                .param(candidateId)
                .query(rs -> {
                    PointBuilder point = points.get(rs.getLong("session_id"));
                    QuickTag tag = tag(rs.getString("tag"));
                    if (point != null && tag != null) {
                        point.tags.merge(tag, rs.getInt("n"), Integer::sum);
                    }
                });
        var sessions = points.values().stream().map(PointBuilder::build).toList();
        List<String> groups = new ArrayList<>(groupAreas.keySet());
        SortedMap<String, List<String>> areas = new TreeMap<>(Competencies.DISPLAY_ORDER);
        groupAreas.forEach((group, titles) -> areas.put(group, List.copyOf(titles)));
        var scenarios = scenarios(candidateId);
        return new CandidateProgress(candidate, sessions, groups, areas, scenarios.done(), scenarios.notDone());
    }

    private record Scenarios(List<CandidateProgress.ScenarioDone> done, List<CandidateProgress.ScenarioToDo> notDone) {
    }

    /**
     * Done: on the agenda of a session that took place; matched to the current library by the
     * scenario it was copied from, or by title (a library re-imported under new ids).
     */
    private Scenarios scenarios(long candidateId) {
        record Had(@Nullable Long source, String title, int times, Instant lastAt) {
        }
        List<Had> had = jdbc.sql("""
                select sc.source_scenario_id, sc.content ->> 'title' as title, count(*) as times,
                       max(s.started_at) as last_at
                  from panel_session s join session_scenario sc on sc.session_id = s.id
                 where s.candidate_id = ? and s.started_at is not null
                 group by sc.source_scenario_id, sc.content ->> 'title'
                 order by last_at desc""")
                .param(candidateId)
                .query((rs, row) -> new Had(rs.getObject("source_scenario_id", Long.class),
                        Objects.requireNonNullElse(rs.getString("title"), ""), rs.getInt("times"), instant(rs, "last_at")))
                .list();
        record Library(long id, String title, String category) {
        }
        List<Library> library = jdbc.sql("select id, title, category from scenario order by category, id")
                .query((rs, row) -> new Library(rs.getLong("id"), rs.getString("title"), rs.getString("category")))
                .list();
        Map<String, Library> byTitle = new HashMap<>();
        Map<Long, Library> byId = new HashMap<>();
        library.forEach(s -> {
            byTitle.put(key(s.title()), s);
            byId.put(s.id(), s);
        });
        Map<String, CandidateProgress.ScenarioDone> done = new LinkedHashMap<>();
        Set<Long> doneIds = new HashSet<>();
        for (Had h : had) {
            Library match = h.source() != null && byId.containsKey(h.source()) ? byId.get(h.source()) : byTitle.get(key(h.title()));
            String doneKey = match != null ? "id:" + match.id() : "title:" + key(h.title());
            Long id = match == null ? null : match.id();
            String title = match == null ? h.title() : match.title();
            done.merge(doneKey, new CandidateProgress.ScenarioDone(id, title, h.times(), h.lastAt()),
                    (a, b) -> new CandidateProgress.ScenarioDone(a.libraryId(), a.title(), a.times() + b.times(),
                            a.lastAt().isAfter(b.lastAt()) ? a.lastAt() : b.lastAt()));
            if (id != null) {
                doneIds.add(id);
            }
        }
        var notDone = library.stream().filter(s -> !doneIds.contains(s.id()))
                .map(s -> new CandidateProgress.ScenarioToDo(s.id(), s.title(), s.category())).toList();
        return new Scenarios(List.copyOf(done.values()), notDone);
    }

    private static String key(String title) {
        return title.strip().toLowerCase(Locale.ROOT);
    }

    private static @Nullable QuickTag tag(@Nullable String name) {
        // A retired tag's name no longer has a constant: it is left out of the counts.
        return Arrays.stream(QuickTag.values()).filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    /** Sums a session's area values per group while the rows arrive. */
    private static final class PointBuilder {
        private final long id;
        private final String title;
        private final Instant at;
        private final Map<String, double[]> sums = new HashMap<>();
        private double total;
        private int values;
        private int agreed;
        private final Map<QuickTag, Integer> tags = new java.util.EnumMap<>(QuickTag.class);

        PointBuilder(long id, String title, Instant at) {
            this.id = id;
            this.title = title;
            this.at = at;
        }

        void add(String group, double value, boolean consensus) {
            double[] sum = sums.computeIfAbsent(group, g -> new double[2]);
            sum[0] += value;
            sum[1]++;
            total += value;
            values++;
            if (consensus) {
                agreed++;
            }
        }

        CandidateProgress.SessionPoint build() {
            Map<String, Double> byGroup = new HashMap<>();
            sums.forEach((group, sum) -> byGroup.put(group, sum[0] / sum[1]));
            return new CandidateProgress.SessionPoint(id, title, at, values == 0 ? null : total / values, byGroup,
                    values, agreed, tags);
        }
    }

    /** No name or address holds a NUL (PostgreSQL cannot store one), and the database would refuse the query. */
    private static boolean unsearchable(@Nullable String search) {
        return search != null && search.indexOf('\0') >= 0;
    }

    private static @Nullable String pattern(@Nullable String search) {
        if (search == null || search.isBlank()) {
            return null;
        }
        return "%" + search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static Candidate candidate(ResultSet rs) throws SQLException {
        String[] addresses = (String[]) rs.getArray("addresses").getArray();
        return new Candidate(rs.getLong("id"), rs.getString("display_name"), List.of(addresses), rs.getInt("sessions"),
                nullableInstant(rs, "last_at"), rs.getTimestamp("anonymised_at") != null);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
