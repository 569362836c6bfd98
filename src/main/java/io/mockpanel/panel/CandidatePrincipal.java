package io.mockpanel.panel;

import java.io.Serializable;
import java.security.Principal;

/**
 * Who a candidate is after joining by link: a name and the one session the link opens. Held in
 * the candidate's HTTP session with the CANDIDATE role; there is no account behind it.
 */
public record CandidatePrincipal(long sessionId, String displayName) implements Principal, Serializable {

    @Override
    public String getName() {
        return "candidate:" + sessionId;
    }
}
