package io.mockpanel.panel;

import io.mockpanel.panel.SessionEvents.PromptPushed;
import io.mockpanel.panel.SessionEvents.QuestionCovered;
import io.mockpanel.panel.SessionEvents.TimerExtended;
import io.mockpanel.panel.SessionEvents.TimerPaused;
import io.mockpanel.panel.SessionEvents.TimerStarted;
import io.mockpanel.scenario.ScenarioContent;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the panel does during a live session: push prompts to the candidate, run the scenario
 * timers, mark questions covered. Each action is one event in the session's log; the lead and
 * panelists may act, observers only watch.
 */
@Service
@org.springframework.modulith.NamedInterface("api")
public class LiveControlService {

    private final SessionMembership membership;
    private final SessionAgendas agendas;
    private final SessionEventLog log;
    private final java.time.Clock clock;

    LiveControlService(SessionMembership membership, SessionAgendas agendas, SessionEventLog log,
            java.time.Clock clock) {
        this.membership = membership;
        this.agendas = agendas;
        this.log = log;
        this.clock = clock;
    }

    /**
     * Pushes an item to the candidate's screen. The timer follows the scenario on screen: the
     * first push into a scenario starts its countdown, which pauses the previous one (decision 0019).
     */
    @PreAuthorize(PanelSessionService.MEMBERS_ROLES)
    @Transactional
    public void push(long sessionId, PromptRef ref) {
        List<ScenarioContent> agenda = requireLive(sessionId);
        if (!ref.existsIn(agenda)) {
            throw new SessionException("That item is not on this session's agenda.");
        }
        pushAndFollow(sessionId, lastPushed(sessionId), ref);
    }

    /** Pushes the item after the one on screen; returns it, or empty at the end of the agenda. */
    @PreAuthorize(PanelSessionService.MEMBERS_ROLES)
    @Transactional
    public Optional<PromptRef> pushNext(long sessionId) {
        List<ScenarioContent> agenda = requireLive(sessionId);
        Optional<PromptRef> previous = lastPushed(sessionId);
        Optional<PromptRef> next = PromptRef.next(agenda, previous);
        next.ifPresent(ref -> pushAndFollow(sessionId, previous, ref));
        return next;
    }

    private Optional<PromptRef> lastPushed(long sessionId) {
        return log.last(sessionId, PromptPushed.class).map(PromptPushed::ref);
    }

    /** The push, and (when it moves to another scenario) that scenario's countdown, in one transaction. */
    private void pushAndFollow(long sessionId, Optional<PromptRef> previous, PromptRef ref) {
        String me = PanelSessionService.me();
        log.append(sessionId, PromptPushed.of(ref), me);
        boolean sameScenario = previous.map(PromptRef::scenario).filter(s -> s == ref.scenario()).isPresent();
        if (!sameScenario) {
            // Starting one countdown pauses any other (LiveSession), so the previous scenario stops here.
            log.append(sessionId, new TimerStarted(ref.scenario()), me);
        }
    }

    @PreAuthorize(PanelSessionService.MEMBERS_ROLES)
    @Transactional
    public void startTimer(long sessionId, int scenario) {
        checkScenario(requireLive(sessionId), scenario);
        log.append(sessionId, new TimerStarted(scenario), PanelSessionService.me());
    }

    @PreAuthorize(PanelSessionService.MEMBERS_ROLES)
    @Transactional
    public void pauseTimer(long sessionId, int scenario) {
        checkScenario(requireLive(sessionId), scenario);
        log.append(sessionId, new TimerPaused(scenario), PanelSessionService.me());
    }

    @PreAuthorize(PanelSessionService.MEMBERS_ROLES)
    @Transactional
    public void extendTimer(long sessionId, int scenario, int minutes) {
        checkScenario(requireLive(sessionId), scenario);
        if (minutes < 1 || minutes > 60) {
            throw new SessionException("Extend by 1 to 60 minutes.");
        }
        log.append(sessionId, new TimerExtended(scenario, minutes), PanelSessionService.me());
    }

    @PreAuthorize(PanelSessionService.MEMBERS_ROLES)
    @Transactional
    public void markCovered(long sessionId, PromptRef question, boolean covered) {
        List<ScenarioContent> agenda = requireLive(sessionId);
        if (question.kind() != PromptKind.QUESTION || !question.existsIn(agenda)) {
            throw new SessionException("Only a question of this session's agenda can be marked covered.");
        }
        log.append(sessionId,
                new QuestionCovered(question.scenario(), question.area(), question.question(), covered),
                PanelSessionService.me());
    }

    private List<ScenarioContent> requireLive(long sessionId) {
        SessionMembership.RoleAndState mine = membership.roleAndState(sessionId)
                .orElseThrow(() -> new AccessDeniedException("not a member of this session"));
        if (mine.role() == SessionRole.OBSERVER) {
            throw SessionMembership.observersOnlyWatch();
        }
        if (mine.state() != SessionState.LIVE) {
            throw new SessionException("The session is not live: start it first (only the lead can).");
        }
        return agendas.agenda(sessionId);
    }

    private static void checkScenario(List<ScenarioContent> agenda, int scenario) {
        if (scenario < 0 || scenario >= agenda.size()) {
            throw new SessionException("That scenario is not on this session's agenda.");
        }
    }
}
