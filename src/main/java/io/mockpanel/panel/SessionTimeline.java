package io.mockpanel.panel;

import io.mockpanel.scenario.ScenarioContent;
import io.mockpanel.security.AppRoles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds a session's {@link LiveSession} from its log for a member, and follows it on for a screen.
 * Other features (notes, scoring) use it for "what is on screen now" and "how long since the start".
 * The public methods check that the caller is a member; their {@code WithoutAccessCheck} twins are
 * for this feature's services after their own checks (and the candidate's room).
 */
@Service
@org.springframework.modulith.NamedInterface("api")
public class SessionTimeline {

    private final PanelSessionService sessions;
    private final SessionAgendas agendas;
    private final SessionEventLog log;

    SessionTimeline(PanelSessionService sessions, SessionAgendas agendas, SessionEventLog log) {
        this.sessions = sessions;
        this.agendas = agendas;
        this.log = log;
    }

    /** The session as of now, for a member. */
    @PreAuthorize(PanelSessionService.MEMBERS_ROLES)
    @Transactional(readOnly = true)
    public LiveSession load(long sessionId) {
        sessions.requireMember(sessionId);
        return loadWithoutAccessCheck(sessionId);
    }

    /**
     * A cursor for one screen: the session replayed now, moved forward later without checking
     * membership again (see {@link SessionCursor}).
     */
    @PreAuthorize(PanelSessionService.MEMBERS_ROLES)
    @Transactional(readOnly = true)
    public SessionCursor follow(long sessionId) {
        sessions.requireMember(sessionId);
        return followWithoutAccessCheck(sessionId);
    }

    /**
     * The session as of now for a coach or an admin, member or not: they may look at every session
     * (review's access rule), so the role is the check. For coaching notes written after a session.
     */
    @PreAuthorize("hasAnyRole('" + AppRoles.COACH + "','" + AppRoles.ADMIN + "')")
    @Transactional(readOnly = true)
    public LiveSession replayForCoaches(long sessionId) {
        return loadWithoutAccessCheck(sessionId);
    }

    /** {@link #load} for callers that checked access themselves. */
    LiveSession loadWithoutAccessCheck(long sessionId) {
        var live = new LiveSession(sessionId,
                agendas.agenda(sessionId).stream().map(ScenarioContent::durationMinutes).toList());
        live.apply(log.after(sessionId, 0));
        return live;
    }

    /** {@link #follow} for callers that checked access themselves (the candidate's room). */
    SessionCursor followWithoutAccessCheck(long sessionId) {
        return new SessionCursor(loadWithoutAccessCheck(sessionId), log);
    }
}
