package io.mockpanel.review;

import io.mockpanel.panel.QuickTag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reads behind a candidate's development ({@link CandidateService#progress}): the sessions that
 * took place, their revealed area values grouped by competency, their quick tags, and the library's
 * scenarios done and not done. Checks no roles: the service does.
 */
@Component
class CandidateProgressRows {

    private final JdbcClient jdbc;

    CandidateProgressRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Per session that took place, the value of each discussion area of each revealed scenario (the
     * panel's consensus where the lead recorded one, otherwise the mean of the submitted sheets),
     * grouped by competency; quick tags per session; the scenarios done and not yet done.
     */
    CandidateProgress read(Candidate candidate) {
        long candidateId = candidate.id();
        Map<Long, PointBuilder> points = new LinkedHashMap<>();
        jdbc.sql("""
                select id, title, started_at from panel_session
                 where candidate_id = ? and started_at is not null
                 order by started_at, id""")
                .param(candidateId)
                .query(rs -> {
                    points.put(rs.getLong("id"), new PointBuilder(rs.getLong("id"), rs.getString("title"),
                            CandidateService.instant(rs, "started_at")));
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
                        Objects.requireNonNullElse(rs.getString("title"), ""), rs.getInt("times"), CandidateService.instant(rs, "last_at")))
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
        private final Map<QuickTag, Integer> tags = new EnumMap<>(QuickTag.class);

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
}
