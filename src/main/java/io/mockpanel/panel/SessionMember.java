package io.mockpanel.panel;

/** A member of a session, with the name to show. */
@org.springframework.modulith.NamedInterface("api")
public record SessionMember(String username, String displayName, SessionRole role) {
}
