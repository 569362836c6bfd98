package io.mockpanel.review;

import io.mockpanel.panel.SessionRole;
import io.mockpanel.security.AccountRole;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one rule for who may look at a past session: coaches and admins every session, interviewers
 * the sessions they sat on. A coach's or admin's look at a session they did not sit on is written
 * to the audit log. Every review service asks here first.
 */
@Component
public class ReviewAccess {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    ReviewAccess(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The signed-in account (no session involved); its role from the granted authorities. */
    public Reviewer me() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new AccessDeniedException("Sign in to review sessions.");
        }
        for (AccountRole role : AccountRole.values()) {
            if (authentication.getAuthorities().stream()
                    .anyMatch(granted -> ("ROLE_" + role.name()).equals(granted.getAuthority()))) {
                return new Reviewer(authentication.getName(), role, null);
            }
        }
        throw new AccessDeniedException("Only staff accounts review sessions.");
    }

    /**
     * The signed-in reader of this session, or access denied (also for a session that does not
     * exist, so ids cannot be probed). Audits a look by a non-member; 'purpose' says what for
     * (VIEWED_SESSION, EXPORTED_SESSION).
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public Reviewer open(long sessionId, AuditLog.Action purpose) {
        Reviewer reader = readerOf(sessionId);
        if (reader.seat() == null) {
            audit.record(reader.username(), purpose, "session " + sessionId, "");
        }
        return reader;
    }

    /** Like {@link #open} without an audit record: for repeated reads by a screen already opened. */
    @Transactional(propagation = Propagation.REQUIRED, readOnly = true)
    public Reviewer readerOf(long sessionId) {
        Reviewer me = me();
        var seat = jdbc.sql("""
                select s.id, m.role from panel_session s
                  left join session_member m on m.session_id = s.id and m.username = ?
                 where s.id = ?""")
                .params(me.username(), sessionId)
                .query((rs, row) -> new Object[] {rs.getString("role")})
                .optional()
                .orElseThrow(() -> new AccessDeniedException("No such session for you."));
        SessionRole role = seat[0] == null ? null : SessionRole.valueOf((String) seat[0]);
        Reviewer reader = new Reviewer(me.username(), me.role(), role);
        if (!reader.sees(role != null)) {
            throw new AccessDeniedException("Only the panel, coaches and admins see a session.");
        }
        return reader;
    }

    /** Refuses anyone but coaches (and admins where allowed) with a message. */
    public Reviewer coach(boolean adminsToo) {
        Reviewer me = me();
        if (!(me.isCoach() || adminsToo && me.isAdmin())) {
            throw new ReviewException("Only coaches" + (adminsToo ? " and admins" : "") + " can do this.");
        }
        return me;
    }
}
