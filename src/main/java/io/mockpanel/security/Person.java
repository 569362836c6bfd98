package io.mockpanel.security;

/** Someone to pick for a panel: an active account's username and name. */
public record Person(String username, String displayName) {
}
