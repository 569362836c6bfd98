package io.mockpanel.security;

import org.jspecify.annotations.Nullable;

/**
 * The form data for creating an account.
 *
 * @param email the person's e-mail address for invitations; null or blank for none
 */
public record NewAccount(String username, String displayName, AccountRole role, String password,
        @Nullable String email) {

    /** An account without an e-mail address. */
    public NewAccount(String username, String displayName, AccountRole role, String password) {
        this(username, displayName, role, password, null);
    }
}
