package io.mockpanel.panel;

/** A request about a session that cannot be carried out, with a message for the person who made it. */
@org.springframework.modulith.NamedInterface("api")
public class SessionException extends RuntimeException implements io.mockpanel.base.UserFacingException {

    public SessionException(String message) {
        super(message);
    }
}
