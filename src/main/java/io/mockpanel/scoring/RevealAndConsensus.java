package io.mockpanel.scoring;

import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.panel.SessionDetails;
import io.mockpanel.panel.SessionEventLog;
import io.mockpanel.panel.SessionEvents;
import io.mockpanel.panel.SessionMember;
import io.mockpanel.scenario.DiscussionArea;
import io.mockpanel.scenario.ScenarioContent;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * After the sheets: the lead reveals a scenario's scores once every scoring member submitted, then
 * records the panel's consensus per area. Checks no roles: {@link ScoringService} checks the
 * caller is the session's lead before it calls.
 */
@Component
class RevealAndConsensus {

    private final JdbcClient jdbc;
    private final PanelSessionService sessions;
    private final SessionEventLog log;
    private final Clock clock;
    private final ScenarioLock locks;

    RevealAndConsensus(JdbcClient jdbc, PanelSessionService sessions, SessionEventLog log, Clock clock,
            ScenarioLock locks) {
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.log = log;
        this.clock = clock;
        this.locks = locks;
    }

    /** The lead reveals a scenario's sheets to the whole panel, once every scoring member submitted. */
    void reveal(long sessionId, int scenario) {
        SessionDetails session = sessions.find(sessionId);
        ScoringRules.requireOpen(session);
        ScoringRules.scenarioOf(session, scenario);
        locks.lock(sessionId);
        if (locks.isRevealed(sessionId, scenario)) {
            throw new ScoringException("The scores of this scenario have already been revealed.");
        }
        Map<String, SheetState> states = sheetStates(sessionId, scenario);
        List<SessionMember> waiting = ScoringRules.scorers(session).stream()
                .filter(m -> states.get(m.username()) != SheetState.SUBMITTED).toList();
        if (!waiting.isEmpty()) {
            throw new ScoringException("The scores can be revealed once every panelist has submitted; still "
                    + "waiting for " + waiting.stream().map(SessionMember::displayName)
                    .collect(Collectors.joining(", ")) + ".");
        }
        String me = ScoringRules.me();
        jdbc.sql("insert into score_reveal (session_id, scenario, revealed_at, revealed_by) values (?, ?, ?, ?)")
                .params(sessionId, scenario, now(), me).update();
        log.append(sessionId, new SessionEvents.ScoresRevealed(scenario), me);
    }

    /** The lead records (or corrects) the panel's consensus score for one area, after the reveal. */
    ConsensusScore recordConsensus(long sessionId, ConsensusInput input) {
        SessionDetails session = sessions.find(sessionId);
        ScoringRules.requireOpen(session);
        ScenarioContent content = ScoringRules.scenarioOf(session, input.scenario());
        List<DiscussionArea> areas = content.discussionAreas();
        if (input.area() < 0 || input.area() >= areas.size()) {
            throw new ScoringException(ScoringRules.noSuchArea(input.area(), areas.size()));
        }
        String title = areas.get(input.area()).title();
        if (!ScoreScale.isValid(input.score())) {
            throw new ScoringException("A consensus score is 1 to 4 (" + ScoreScale.legend() + "); the one for \""
                    + title + "\" was " + input.score() + ".");
        }
        String note = ScoringRules.text(input.note(), "The consensus note for \"" + title + "\"");
        locks.lock(sessionId);
        if (!locks.isRevealed(sessionId, input.scenario())) {
            throw new ScoringException("Reveal the scores first: the consensus is recorded after the reveal.");
        }
        String me = ScoringRules.me();
        Optional<Long> stored = jdbc.sql("select version from consensus_score where session_id = ? and scenario = ? "
                        + "and area = ?")
                .params(sessionId, input.scenario(), input.area()).query(Long.class).optional();
        if (stored.orElse(0L) != input.version()) {
            throw new ScoringConflictException("The consensus for \"" + title + "\" was recorded elsewhere (another "
                    + "tab?) since you opened it, so nothing was changed. Look at the recorded one, then record "
                    + "yours again if it still differs.");
        }
        OffsetDateTime now = now();
        if (stored.isEmpty()) {
            jdbc.sql("insert into consensus_score (session_id, scenario, area, score, note, recorded_by, recorded_at, "
                            + "version) values (?, ?, ?, ?, ?, ?, ?, 1)")
                    .params(sessionId, input.scenario(), input.area(), input.score(), note, me, now).update();
        } else {
            int changed = jdbc.sql("update consensus_score set score = ?, note = ?, recorded_by = ?, recorded_at = ?, "
                            + "version = version + 1 "
                            + "where session_id = ? and scenario = ? and area = ? and version = ?")
                    .params(input.score(), note, me, now, sessionId, input.scenario(), input.area(), input.version())
                    .update();
            if (changed != 1) {
                throw new ScoringConflictException("The consensus for \"" + title + "\" changed while you were "
                        + "saving it; nothing was changed.");
            }
        }
        log.append(sessionId, new SessionEvents.ConsensusRecorded(input.scenario(), input.area()), me);
        return consensus(sessionId, input.scenario(), ScoringRules.names(session)).stream()
                .filter(c -> c.area() == input.area()).findFirst().orElseThrow();
    }

    private Map<String, SheetState> sheetStates(long sessionId, int scenario) {
        Map<String, SheetState> states = new LinkedHashMap<>();
        jdbc.sql("select author, state from score_sheet where session_id = ? and scenario = ?")
                .params(sessionId, scenario)
                .query((rs, row) -> Map.entry(rs.getString("author"), SheetState.valueOf(rs.getString("state"))))
                .list().forEach(entry -> states.put(entry.getKey(), entry.getValue()));
        return states;
    }

    private List<ConsensusScore> consensus(long sessionId, int scenario, Map<String, String> names) {
        return jdbc.sql("select area, score, note, recorded_by, recorded_at, version from consensus_score "
                        + "where session_id = ? and scenario = ? order by area")
                .params(sessionId, scenario)
                .query((rs, row) -> new ConsensusScore(rs.getInt("area"), rs.getInt("score"), rs.getString("note"),
                        rs.getString("recorded_by"),
                        names.getOrDefault(rs.getString("recorded_by"), rs.getString("recorded_by")),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getLong("version")))
                .list();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
