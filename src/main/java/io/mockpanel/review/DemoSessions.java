package io.mockpanel.review;

import io.mockpanel.panel.LiveControlService;
import io.mockpanel.panel.NewSession;
import io.mockpanel.panel.NoteService;
import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.panel.PromptKind;
import io.mockpanel.panel.PromptRef;
import io.mockpanel.panel.QuickTag;
import io.mockpanel.scenario.ScenarioContent;
import io.mockpanel.scenario.ScenarioFilter;
import io.mockpanel.scenario.ScenarioService;
import io.mockpanel.scenario.ScenarioSummary;
import io.mockpanel.scoring.AreaScore;
import io.mockpanel.scoring.ConsensusInput;
import io.mockpanel.scoring.ScoreSheetInput;
import io.mockpanel.scoring.ScoringService;
import io.mockpanel.security.DemoMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Past sessions for the demo accounts, so that a first look at the development app finds a history,
 * a candidate's progress and a calibration table with something in them. Only where the demo
 * accounts are made (the embedded development database), only into an empty database, and through
 * the real services — the sessions are run as the demo people would run them, then moved back in
 * time (the one thing the services cannot do).
 */
@Component
class DemoSessions {

    private static final Logger log = LoggerFactory.getLogger(DemoSessions.class);
    private static final Duration STEP = Duration.ofSeconds(75);

    /** Who sat the sessions, how many days ago, and how well they did (per area, 1-4). */
    private record Demo(String candidate, String email, int daysAgo, int scenario, int[] lead, int[] panelist) {
    }

    private static final List<Demo> DEMOS = List.of(
            new Demo("Alex Rivera", "alex.rivera@example.com", 28, 0, new int[] {2, 2, 1, 2}, new int[] {2, 3, 2, 2}),
            new Demo("Alex Rivera", "alex.rivera@example.com", 18, 1, new int[] {3, 2, 2, 3}, new int[] {2, 3, 2, 3}),
            new Demo("Alex Rivera", "alex.rivera@example.com", 6, 2, new int[] {3, 3, 3, 4}, new int[] {3, 4, 3, 3}),
            new Demo("Sam Okafor", "sam.okafor@example.com", 12, 3, new int[] {3, 3, 2, 3}, new int[] {4, 3, 3, 4}));

    private final DemoMode demoMode;
    private final boolean enabled;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ScenarioService scenarios;
    private final PanelSessionService sessions;
    private final LiveControlService live;
    private final NoteService notes;
    private final ScoringService scoring;

    DemoSessions(DemoMode demoMode, @Value("${mockpanel.demo-sessions:true}") boolean enabled, JdbcClient jdbc,
            Clock clock, ScenarioService scenarios, PanelSessionService sessions, LiveControlService live,
            NoteService notes, ScoringService scoring) {
        this.demoMode = demoMode;
        this.enabled = enabled;
        this.jdbc = jdbc;
        this.clock = clock;
        this.scenarios = scenarios;
        this.sessions = sessions;
        this.live = live;
        this.notes = notes;
        this.scoring = scoring;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createOnce() {
        if (!demoMode.active() || !enabled
                || jdbc.sql("select exists (select 1 from panel_session)").query(Boolean.class).single()) {
            return;
        }
        List<Long> library = as("admin", "ADMIN", () -> scenarios.search(ScenarioFilter.ALL)).stream()
                .map(ScenarioSummary::id).toList();
        if (library.size() < 4) {
            return;
        }
        try {
            for (Demo demo : DEMOS) {
                run(demo, library.get(demo.scenario()));
            }
            log.info("Demo sessions created: {} finished panels for the demo accounts", DEMOS.size());
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void run(Demo demo, long scenarioId) {
        long id = as("interviewer", "INTERVIEWER", () -> sessions.create(new NewSession(
                "Mock panel — " + demo.candidate(), demo.candidate(), demo.email(), List.of(scenarioId),
                List.of("interviewer2"), List.of("coach"))));
        ScenarioContent scenario = as("interviewer", "INTERVIEWER", () -> sessions.agendaOf(id)).getFirst();
        as("interviewer", "INTERVIEWER", () -> {
            sessions.start(id);
            live.startTimer(id, 0);
        });
        int areas = scenario.discussionAreas().size();
        List<PromptRef> prompts = PromptRef.allOf(List.of(scenario));
        for (PromptRef prompt : prompts) {
            as("interviewer", "INTERVIEWER", () -> live.push(id, prompt));
            if (prompt.kind() == PromptKind.QUESTION && prompt.question() == 0) {
                int area = prompt.area();
                boolean good = demo.lead()[area % 4] >= 3;
                as("interviewer", "INTERVIEWER", () -> {
                    var note = notes.saveNote(id, null, 0, good
                            ? "Clear example with numbers: cut incident count by 40% in two quarters."
                            : "Long answer, no result stated after five minutes.", false);
                    notes.commitNote(id, note.id());
                    notes.addTag(id, good ? QuickTag.QUANTIFIED_RESULT : QuickTag.TOO_VAGUE);
                    live.markCovered(id, prompt, true);
                });
                as("interviewer2", "INTERVIEWER", () -> {
                    var note = notes.saveNote(id, null, 0, good
                            ? "Named the trade-off and who decided. Good stakeholder story."
                            : "Stayed abstract; asked twice for a concrete case.", false);
                    notes.commitNote(id, note.id());
                    notes.addTag(id, good ? QuickTag.STAR_RESULT : QuickTag.STAR_SITUATION);
                });
            }
        }
        as("interviewer", "INTERVIEWER", () -> scoring.submit(id, sheet(demo.lead(), areas, "lead")));
        as("interviewer2", "INTERVIEWER", () -> scoring.submit(id, sheet(demo.panelist(), areas, "panelist")));
        as("interviewer", "INTERVIEWER", () -> {
            scoring.reveal(id, 0);
            for (int area = 0; area < areas; area++) {
                int agreed = Math.round((demo.lead()[area % 4] + demo.panelist()[area % 4]) / 2f);
                scoring.recordConsensus(id, new ConsensusInput(0, area, agreed, "Agreed after discussion.", 0));
            }
            sessions.end(id);
        });
        moveBack(id, clock.instant().minus(Duration.ofDays(demo.daysAgo())).minus(Duration.ofHours(3)));
    }

    private static ScoreSheetInput sheet(int[] scores, int areas, String who) {
        List<AreaScore> rows = new ArrayList<>();
        int total = 0;
        for (int area = 0; area < areas; area++) {
            int score = scores[area % 4];
            total += score;
            rows.add(AreaScore.of(area, score, score >= 3
                    ? "Concrete, measured example; owned the outcome (" + who + ")."
                    : "Answer stayed general; the result came only when asked (" + who + ")."));
        }
        int recommendation = Math.max(1, Math.min(4, Math.round((float) total / areas)));
        return new ScoreSheetInput(0, rows, recommendation, "Overall, as seen by the " + who + ".", 0);
    }

    /** Spreads the session's events 75 s apart from 'start' and stamps notes and tags to match. */
    private void moveBack(long id, Instant start) {
        var at = start.atOffset(ZoneOffset.UTC);
        long startedSeq = jdbc.sql("select min(seq) from session_event where session_id = ? and type = 'SESSION_STARTED'")
                .param(id).query(Long.class).single();
        jdbc.sql("""
                update session_note n
                   set offset_ms = (coalesce((select max(e.seq) from session_event e
                                      where e.session_id = n.session_id and e.created_at <= n.created_at), :started)
                                    - :started) * :step + 20000
                 where n.session_id = :id""")
                .param("started", startedSeq).param("step", STEP.toMillis()).param("id", id).update();
        jdbc.sql("update session_note set created_at = :at + offset_ms * interval '1 millisecond', "
                        + "updated_at = :at + offset_ms * interval '1 millisecond' where session_id = :id")
                .param("at", at).param("id", id).update();
        jdbc.sql("""
                update session_event
                   set created_at = :at + greatest(seq - :started, -1440) * :step * interval '1 millisecond',
                       payload = case when type = 'TAG_ADDED'
                                      then jsonb_set(payload, '{offsetMs}', to_jsonb((seq - :started) * :step))
                                      else payload end
                 where session_id = :id""")
                .param("at", at).param("started", startedSeq).param("step", STEP.toMillis()).param("id", id).update();
        jdbc.sql("""
                update panel_session s
                   set created_at = :at - interval '1 day', started_at = :at,
                       ended_at = (select max(created_at) from session_event e where e.session_id = s.id)
                 where s.id = :id""")
                .param("at", at).param("id", id).update();
        jdbc.sql("update score_sheet set created_at = :end, updated_at = :end, submitted_at = :end where session_id = :id")
                .param("end", at.plus(Duration.ofMinutes(50))).param("id", id).update();
        jdbc.sql("update score_reveal set revealed_at = :end where session_id = :id")
                .param("end", at.plus(Duration.ofMinutes(52))).param("id", id).update();
        jdbc.sql("update consensus_score set recorded_at = :end where session_id = :id")
                .param("end", at.plus(Duration.ofMinutes(55))).param("id", id).update();
        jdbc.sql("update candidate c set created_at = least(c.created_at, :at) "
                        + "where id = (select candidate_id from panel_session where id = :id)")
                .param("at", at).param("id", id).update();
    }

    private static <T> T as(String username, String role, Supplier<T> action) {
        var authorities = List.of(new SimpleGrantedAuthority("ROLE_" + role));
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(username, null, authorities));
        return action.get();
    }

    private static void as(String username, String role, Runnable action) {
        as(username, role, () -> {
            action.run();
            return null;
        });
    }
}
