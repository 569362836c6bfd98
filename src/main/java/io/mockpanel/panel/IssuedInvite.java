package io.mockpanel.panel;

import java.time.Instant;

/**
 * A freshly issued invite. The token exists only here and in the link given to the candidate:
 * the database keeps its hash, so it cannot be shown again later (re-issue instead).
 */
public record IssuedInvite(String token, Instant expiresAt) {

    /** The path of the join page, relative to the app's root. */
    public String path() {
        return "join/" + token;
    }
}
