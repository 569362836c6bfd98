package io.mockpanel.panel;

import java.time.Instant;

/**
 * One row of a session's append-only event log. {@code type} is the stored name and
 * {@code payload} the JSON of one of {@link SessionEvents}' records; {@link #decode()} gives it back.
 */
@org.springframework.modulith.NamedInterface("api")
public record SessionEvent(long sessionId, long seq, String type, String payload, String actor, Instant at) {

    /** The event's record ({@link SessionEvents.Unrecognised} when this node cannot read it). */
    public SessionEvents.Payload decode() {
        return SessionEventCodec.decode(type, payload);
    }

    /**
     * The event's record as the kind the caller expects.
     *
     * @throws IllegalArgumentException when the event is of another kind (or does not read)
     */
    public <P extends SessionEvents.Payload> P decode(Class<P> kind) {
        SessionEvents.Payload decoded = decode();
        if (!kind.isInstance(decoded)) {
            throw new IllegalArgumentException("event " + seq + " (" + type + ") does not read as a "
                    + kind.getSimpleName());
        }
        return kind.cast(decoded);
    }

    /** Whether the event is of this kind; reads the name only. */
    public boolean is(Class<? extends SessionEvents.Payload> kind) {
        return type.equals(SessionEventTypes.typeOf(kind));
    }

    /** Whether the candidate's room is woken by it. */
    public boolean candidateMaySee() {
        return SessionEventTypes.candidateMaySee(type);
    }
}
