package io.mockpanel.panel;

import java.time.Instant;

/**
 * One row of a session's append-only event log. {@code payload} is the event's JSON; read it with
 * {@link SessionEventLog#payload(SessionEvent, Class)}.
 */
public record SessionEvent(long sessionId, long seq, String type, String payload, String actor, Instant at) {
}
