package io.mockpanel.panel;

import java.time.Instant;

/**
 * Reports the listener's loss and return to a bus exactly as the listener does, for tests of what
 * pages show meanwhile. The listener's real faults are provoked in {@link SilentListenerConnectionTest}
 * and the PostgreSQL restart test; this only makes the outage last as long as the test needs.
 */
public final class ListenerSignals {

    private ListenerSignals() {
    }

    public static void lost(SessionEventBus bus) {
        bus.listenerLost("lost in a test", Instant.now());
    }

    /** Back, on the backend it had before (the real listener stayed connected all along). */
    public static void back(SessionEventBus bus, int backendPid) {
        bus.listenerConnected(backendPid, Instant.now());
    }
}
