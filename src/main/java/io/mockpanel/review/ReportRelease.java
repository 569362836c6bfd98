package io.mockpanel.review;

import io.mockpanel.review.ReportService.AreaEvidence;
import io.mockpanel.review.ReportService.IssuedLink;
import io.mockpanel.review.ReportService.LinkState;
import io.mockpanel.review.ReportService.PanelScore;
import io.mockpanel.review.ReportService.Release;
import io.mockpanel.review.ReportService.Session;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The candidate's copy of a report: rendered from a draft with only the scores the coach chose to
 * include, stored on release apart from the draft (later edits change the draft only), and handed
 * over through the report's link. Checks no roles: {@link ReportService} does.
 */
@Component
class ReportRelease {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final ReportLinks links;
    private final AuditLog audit;

    ReportRelease(JdbcClient jdbc, JsonMapper json, Clock clock, ReportLinks links, AuditLog audit) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.links = links;
        this.audit = audit;
    }

    /**
     * Stores the draft's rendering as the candidate's copy and issues a link unless a usable one
     * exists (the candidate's link then shows the new release).
     */
    Release release(Reviewer coach, Session session, ReportDrafts.Row row, List<AreaEvidence> evidence) {
        ReleasedReport released = render(session, row.content(), evidence);
        Instant now = clock.instant();
        jdbc.sql("update development_report set released_content = ?::jsonb, released_at = ? where id = ?")
                .params(json.writeValueAsString(released), now.atOffset(ZoneOffset.UTC), row.id()).update();
        Optional<LinkState> link = links.state(row.id()).filter(LinkState::usable);
        IssuedLink issued = link.isPresent() ? null : links.issue(row.id());
        audit.record(coach.username(), AuditLog.Action.RELEASED_REPORT, "session " + session.sessionId(),
                row.releasedAt() == null ? "first release" : "released again");
        return new Release(now, link.orElseGet(() -> new LinkState(issued.expiresAt(), false, false)), issued);
    }

    /** The copy last released for the session, if any. */
    Optional<ReleasedReport> released(long sessionId) {
        return jdbc.sql("select released_content::text from development_report where session_id = ? "
                        + "and released_content is not null")
                .param(sessionId).query(String.class).optional()
                .map(text -> json.readValue(text, ReleasedReport.class));
    }

    /** The draft as the candidate would read it: the chosen scores only, panel scores without names. */
    static ReleasedReport render(Session session, ReportContent content, List<AreaEvidence> evidence) {
        Map<String, AreaEvidence> byArea = evidence.stream()
                .collect(Collectors.toMap(e -> e.scenario() + "/" + e.area(), Function.identity()));
        List<ReleasedReport.Area> areas = content.areas().stream().map(area -> {
            AreaEvidence scores = byArea.get(area.scenario() + "/" + area.area());
            Integer consensus = content.includeConsensus() && scores != null ? scores.consensus() : null;
            List<Integer> panel = content.includePanelScores() && scores != null
                    ? scores.scores().stream().map(PanelScore::score).sorted().toList() : List.of();
            return new ReleasedReport.Area(area.scenarioTitle(), area.areaTitle(), area.feedback(), area.quotes(),
                    consensus, panel);
        }).toList();
        return new ReleasedReport(session.candidateName(), session.title(), session.heldAt(), content.summary(),
                content.strengths(), content.development(), areas);
    }
}
