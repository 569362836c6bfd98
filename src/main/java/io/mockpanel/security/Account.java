package io.mockpanel.security;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the account administration shows of an account; never carries the password hash.
 *
 * @param email the person's own address for invitations, or null when they have none
 */
public record Account(long id, String username, String displayName, AccountRole role, boolean enabled, Instant createdAt,
        @Nullable String email) {
}
