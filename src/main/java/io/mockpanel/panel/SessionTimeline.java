package io.mockpanel.panel;

import io.mockpanel.scenario.ScenarioContent;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds a session's {@link LiveSession} from its log for a member, and brings one up to date.
 * Other features (notes, scoring) use it for "what is on screen now" and "how long since the start".
 */
@Service
public class SessionTimeline {

    private final PanelSessionService sessions;
    private final SessionEventLog log;

    SessionTimeline(PanelSessionService sessions, SessionEventLog log) {
        this.sessions = sessions;
        this.log = log;
    }

    @PreAuthorize(PanelSessionService.MEMBERS_ROLES)
    @Transactional(readOnly = true)
    public LiveSession load(long sessionId) {
        sessions.requireMember(sessionId);
        return replay(sessionId);
    }

    /**
     * A cursor for one screen: the session replayed now, moved forward later without checking
     * membership again (see {@link SessionCursor}).
     */
    @PreAuthorize(PanelSessionService.MEMBERS_ROLES)
    @Transactional(readOnly = true)
    public SessionCursor follow(long sessionId) {
        sessions.requireMember(sessionId);
        return new SessionCursor(replay(sessionId), log);
    }

    /** Applies what happened since the state was last brought up to date. */
    @PreAuthorize(PanelSessionService.MEMBERS_ROLES)
    @Transactional(readOnly = true)
    public void catchUp(LiveSession live) {
        sessions.requireMember(live.sessionId());
        live.apply(log.after(live.sessionId(), live.lastSeq()));
    }

    /** Without access checks: for this feature's services after their own checks (and the candidate room). */
    LiveSession replay(long sessionId) {
        var live = new LiveSession(sessionId,
                sessions.agenda(sessionId).stream().map(ScenarioContent::durationMinutes).toList(), log);
        live.apply(log.after(sessionId, 0));
        return live;
    }
}
