package io.mockpanel.panel;

import io.mockpanel.base.LogContext;
import io.mockpanel.base.SessionBoundPrincipal;
import java.io.Serializable;
import java.security.Principal;
import java.util.UUID;

/**
 * Who a candidate is after joining by link: a name, the one session the link opens, and the grant
 * the link gave this browser. Held in the candidate's HTTP session with the CANDIDATE role; there
 * is no account behind it. The grant is checked against the invite on every candidate request, so
 * a revoke, a re-issue or a release ends this principal's access at once.
 */
public record CandidatePrincipal(long sessionId, String displayName, UUID grant) implements Principal, SessionBoundPrincipal,
        Serializable {

    @Override
    public String getName() {
        // Also the actor in log lines (decision 0043): the session, never the name.
        return LogContext.candidateActor(sessionId);
    }

    /** Without the name and the grant: a principal ends up in debug lines and error messages. */
    @Override
    public String toString() {
        return "CandidatePrincipal[" + getName() + "]";
    }
}
