package io.mockpanel.panel;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What the panel knows of the session's invite link (never the token itself). */
public record InviteStatus(boolean issued, @Nullable Instant expiresAt, boolean revoked, boolean expired,
        boolean bound, @Nullable String candidateName) {

    public boolean usable() {
        return issued && !revoked && !expired;
    }
}
