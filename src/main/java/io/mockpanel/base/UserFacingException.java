package io.mockpanel.base;

/**
 * An exception whose message is written for the person whose action caused it: what was wrong
 * and what is allowed. The session's error handler shows such a message as it is, wherever a
 * screen did not handle the exception itself; any other exception's text never reaches a user.
 */
public interface UserFacingException {

    String getMessage();
}
