package io.mockpanel.panel;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Whether this node hears the session event hints right now, and since when. Read by the health
 * indicator, the reconnecting banner and tests (the backend pid tells exactly this node's LISTEN
 * connection apart from every other connection on a shared database).
 *
 * @param listening  connected, LISTENing and answering the last probe
 * @param backendPid PostgreSQL's process id of the LISTEN connection, while listening
 * @param since      when the current state began
 * @param connects   successful (re)connects since start
 * @param problem    why it is not listening (null while it is)
 */
public record ListenerStatus(boolean listening, @Nullable Integer backendPid, Instant since, long connects,
        @Nullable String problem) {

    static ListenerStatus notStarted(Instant now) {
        return new ListenerStatus(false, null, now, 0, "not connected yet");
    }

    ListenerStatus connected(int pid, Instant now) {
        return new ListenerStatus(true, pid, now, connects + 1, null);
    }

    /** Keeps the time the outage began when an attempt to reconnect fails again. */
    ListenerStatus lost(String why, Instant now) {
        return new ListenerStatus(false, null, listening ? now : since, connects, why);
    }
}
