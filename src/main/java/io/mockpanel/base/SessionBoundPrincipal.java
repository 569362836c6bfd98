package io.mockpanel.base;

/**
 * A principal that may act on one panel session only (a candidate who joined by link): every log
 * line of its requests is about that session (see {@link LogContext}).
 */
public interface SessionBoundPrincipal {

    long sessionId();
}
