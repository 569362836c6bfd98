package io.mockpanel.security;

import java.time.Instant;

/** What the account administration shows of an account; never carries the password hash. */
public record Account(long id, String username, String displayName, AccountRole role, boolean enabled, Instant createdAt) {
}
