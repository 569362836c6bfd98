package io.mockpanel.panel;

import io.mockpanel.scenario.GuidanceList;
import io.mockpanel.scenario.ScenarioService;
import io.mockpanel.security.AppRoles;
import io.mockpanel.scenario.ScenarioContent;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The candidate's side of a session. The candidate's session comes from their principal, never
 * from a parameter, and the screen is built on the server from pushed items only: content that
 * was not pushed never leaves the server.
 */
@Service
@PreAuthorize("hasRole('" + AppRoles.CANDIDATE + "')")
public class CandidateRoomService {

    private final PanelSessionService sessions;
    private final SessionTimeline timeline;
    private final SessionEventLog events;
    private final ScenarioService scenarios;
    private final Clock clock;

    CandidateRoomService(PanelSessionService sessions, SessionTimeline timeline, SessionEventLog events,
            ScenarioService scenarios, Clock clock) {
        this.sessions = sessions;
        this.timeline = timeline;
        this.events = events;
        this.scenarios = scenarios;
        this.clock = clock;
    }

    /** The session this candidate's link opened. */
    public long sessionId() {
        return me().sessionId();
    }

    @Transactional(readOnly = true)
    public CandidateScreen screen() {
        return screen(open());
    }

    /**
     * The candidate's session state to keep in the room; {@link #screen(CandidateRoom)} brings it
     * up to date with one read of the new events, so a push costs the room one small query.
     */
    @Transactional(readOnly = true)
    public CandidateRoom open() {
        CandidatePrincipal me = me();
        return new CandidateRoom(me, sessions.agenda(me.sessionId()), timeline.replay(me.sessionId()));
    }

    @Transactional(readOnly = true)
    public CandidateScreen screen(CandidateRoom room) {
        CandidatePrincipal me = me();
        if (room.candidate().sessionId() != me.sessionId()) {
            throw new AccessDeniedException("a candidate's link opens one session only");
        }
        timeline.catchUpUnchecked(room.live());
        return CandidateScreen.build(me.displayName(), room.agenda(), room.live(), clock.instant());
    }

    /** What the room keeps between updates; opaque to the view. */
    public record CandidateRoom(CandidatePrincipal candidate, List<ScenarioContent> agenda, LiveSession live) {
    }

    /** The STAR response framework from the library's guidance, as an aid. */
    public Optional<GuidanceList> starFramework() {
        return scenarios.responseFramework();
    }

    /** Signals the panel that the candidate would like a question clarified. */
    @Transactional
    public void requestClarification() {
        CandidatePrincipal me = me();
        LiveSession live = timeline.replay(me.sessionId());
        SessionDetails session = sessions.load(me.sessionId()).orElseThrow();
        if (session.state() != SessionState.LIVE) {
            throw new SessionException("The session is not running right now.");
        }
        String prompt = live.current().map(ref -> ref.label(session.agenda())).orElse("");
        events.append(me.sessionId(), EventTypes.CLARIFICATION_REQUESTED,
                Map.of("candidate", me.displayName(), "prompt", prompt), "candidate");
    }

    private static CandidatePrincipal me() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CandidatePrincipal candidate) {
            return candidate;
        }
        throw new AccessDeniedException("not a candidate");
    }
}
