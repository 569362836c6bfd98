package io.mockpanel.review;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Panel calibration for coaches and admins: per interviewer, how far their area scores sit from the
 * panel's consensus and from the other panelists, overall and per competency, and how often they
 * were 2+ points away. One statement aggregates per interviewer and area title; competencies are
 * summed from those sums, so every mean is exact.
 */
@Service
public class CalibrationService {

    /** A date range longer than this is refused (the statement stays cheap, the figures current). */
    public static final int MAX_DAYS = 3660;

    private final JdbcClient jdbc;
    private final Clock clock;

    CalibrationService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Sessions that started (or, never started, were created) from 'from' to 'to', both days included. */
    @PreAuthorize(CandidateService.COACHES_AND_ADMINS)
    @Transactional(readOnly = true)
    public Calibration calibration(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new ReviewException("The range ends before it starts: pick an end date on or after the start date.");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new ReviewException("Pick a range of at most ten years.");
        }
        ZoneId zone = clock.getZone();
        record Row(String username, String displayName, String areaTitle, int scores, int withConsensus,
                double sumConsensus, int withOthers, double sumOthers, int far) {
        }
        List<Row> rows = jdbc.sql("""
                with scored as (
                    select sh.session_id, sh.scenario, x.area, sh.author, x.score,
                           sc.content -> 'discussionAreas' -> x.area ->> 'title' as area_title
                      from panel_session s
                      join score_reveal r on r.session_id = s.id
                      join session_scenario sc on sc.session_id = r.session_id and sc.position = r.scenario
                      join score_sheet sh on sh.session_id = r.session_id and sh.scenario = r.scenario
                                         and sh.state = 'SUBMITTED'
                      join area_score x on x.sheet_id = sh.id and x.score is not null
                     where coalesce(s.started_at, s.created_at) >= :from
                       and coalesce(s.started_at, s.created_at) < :to
                ), compared as (
                    select d.author, d.area_title,
                           d.score - c.score as vs_consensus,
                           d.score - (sum(d.score) over area - d.score)::numeric
                                     / nullif(count(*) over area - 1, 0) as vs_others
                      from scored d
                      left join consensus_score c on c.session_id = d.session_id and c.scenario = d.scenario
                                                 and c.area = d.area
                    window area as (partition by d.session_id, d.scenario, d.area)
                )
                select m.author, u.display_name, coalesce(m.area_title, '') as area_title, count(*) as scores,
                       count(m.vs_consensus) as with_consensus, coalesce(sum(m.vs_consensus), 0) as sum_consensus,
                       count(m.vs_others) as with_others, coalesce(sum(m.vs_others), 0) as sum_others,
                       count(*) filter (where abs(m.vs_others) >= 2) as far
                  from compared m join user_account u on u.username = m.author
                 group by m.author, u.display_name, m.area_title""")
                .param("from", from.atStartOfDay(zone).toOffsetDateTime())
                .param("to", to.plusDays(1).atStartOfDay(zone).toOffsetDateTime())
                .query((rs, row) -> new Row(rs.getString("author"), rs.getString("display_name"),
                        rs.getString("area_title"), rs.getInt("scores"), rs.getInt("with_consensus"),
                        rs.getDouble("sum_consensus"), rs.getInt("with_others"), rs.getDouble("sum_others"),
                        rs.getInt("far")))
                .list();

        Map<String, Sum> overall = new LinkedHashMap<>();
        Map<String, Map<String, Sum>> perGroup = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        var groups = new TreeSet<>(Competencies.DISPLAY_ORDER);
        for (Row row : rows) {
            names.put(row.username(), row.displayName());
            String group = Competencies.of(row.areaTitle());
            groups.add(group);
            for (Sum sum : List.of(overall.computeIfAbsent(row.username(), u -> new Sum()),
                    perGroup.computeIfAbsent(row.username(), u -> new TreeMap<>(Competencies.DISPLAY_ORDER))
                            .computeIfAbsent(group, g -> new Sum()))) {
                sum.add(row.scores(), row.withConsensus(), row.sumConsensus(), row.withOthers(), row.sumOthers(),
                        row.far());
            }
        }
        List<Calibration.Interviewer> interviewers = new ArrayList<>();
        names.forEach((username, name) -> {
            var areas = perGroup.get(username).entrySet().stream()
                    .map(e -> new Calibration.AreaDeviation(e.getKey(), e.getValue().deviation())).toList();
            interviewers.add(new Calibration.Interviewer(username, name, overall.get(username).deviation(), areas));
        });
        interviewers.sort(Comparator.comparing(Calibration.Interviewer::displayName, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(Calibration.Interviewer::username));
        return new Calibration(from, to, interviewers, List.copyOf(groups));
    }

    /** The days ending today that a calibration covers by default. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private static final class Sum {
        int scores;
        int withConsensus;
        double sumConsensus;
        int withOthers;
        double sumOthers;
        int far;

        void add(int scores, int withConsensus, double sumConsensus, int withOthers, double sumOthers, int far) {
            this.scores += scores;
            this.withConsensus += withConsensus;
            this.sumConsensus += sumConsensus;
            this.withOthers += withOthers;
            this.sumOthers += sumOthers;
            this.far += far;
        }

        Calibration.Deviation deviation() {
            return new Calibration.Deviation(scores, withConsensus == 0 ? null : sumConsensus / withConsensus,
                    withConsensus, withOthers == 0 ? null : sumOthers / withOthers, withOthers, far);
        }
    }

}
