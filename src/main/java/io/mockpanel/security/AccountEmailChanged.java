package io.mockpanel.security;

import org.jspecify.annotations.Nullable;

/**
 * An account's own e-mail address was set, changed or removed (decision 0045). Published inside the
 * change's transaction, so a listener's writes (e.g. the session invitations the account missed)
 * commit or roll back with the address. {@code security} cannot call the features that need it:
 * they depend on it.
 *
 * @param username    the account
 * @param displayName its name, as a mail would greet it
 * @param email       the new address, or null when it was removed
 */
public record AccountEmailChanged(String username, String displayName, @Nullable String email) {
}
