package io.mockpanel.security;

/** The form data for creating an account. */
public record NewAccount(String username, String displayName, AccountRole role, String password) {
}
