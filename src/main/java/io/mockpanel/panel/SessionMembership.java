package io.mockpanel.panel;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who is on a session and in what role, and the role checks built on it. Not secured itself:
 * {@link PanelSessionService} exposes the checks behind its method security, and the feature's
 * other services use the unchecked reads after their own checks.
 */
@Component
class SessionMembership {

    private final JdbcClient jdbc;

    SessionMembership(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SessionRole> roleOf(long sessionId, String username) {
        return jdbc.sql("select role from session_member where session_id = ? and username = ?")
                .params(sessionId, username).query(String.class).optional().map(SessionRole::valueOf);
    }

    /** The current user's role; refuses anyone who is not on the session. */
    SessionRole requireMember(long sessionId) {
        return roleOf(sessionId, PanelSessionService.me())
                .orElseThrow(() -> new AccessDeniedException("not a member of this session"));
    }

    /** Refuses anyone but the session's lead. */
    void requireLead(long sessionId) {
        if (requireMember(sessionId) != SessionRole.LEAD) {
            throw new SessionException("Only the lead interviewer can do this.");
        }
    }

    /** Refuses observers: only the lead and panelists act on a session (push, note, score). */
    SessionRole requirePanelist(long sessionId) {
        SessionRole role = requireMember(sessionId);
        if (role == SessionRole.OBSERVER) {
            throw observersOnlyWatch();
        }
        return role;
    }

    static SessionException observersOnlyWatch() {
        return new SessionException("Observers follow the session; only the lead and panelists can do this.");
    }

    /** The current user's role and the session's state in one read, for the live actions. */
    Optional<RoleAndState> roleAndState(long sessionId) {
        return jdbc.sql("select m.role, s.state from session_member m join panel_session s on s.id = m.session_id "
                        + "where m.session_id = ? and m.username = ?")
                .params(sessionId, PanelSessionService.me())
                .query((rs, row) -> new RoleAndState(SessionRole.valueOf(rs.getString("role")),
                        SessionState.valueOf(rs.getString("state"))))
                .optional();
    }

    record RoleAndState(SessionRole role, SessionState state) {
    }

    /** The members, lead first, then panelists, then observers, each by name. */
    List<SessionMember> members(long sessionId) {
        return jdbc.sql("""
                select m.username, a.display_name, m.role from session_member m
                  join user_account a on a.username = m.username
                 where m.session_id = ?
                 order by case m.role when 'LEAD' then 0 when 'PANELIST' then 1 else 2 end, a.display_name""")
                .param(sessionId)
                .query((rs, row) -> new SessionMember(rs.getString("username"), rs.getString("display_name"),
                        SessionRole.valueOf(rs.getString("role"))))
                .list();
    }
}
