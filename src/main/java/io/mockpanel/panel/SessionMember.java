package io.mockpanel.panel;

/** A member of a session, with the name to show. */
public record SessionMember(String username, String displayName, SessionRole role) {
}
