package io.mockpanel.panel;

/**
 * A way to stop hearing from {@link SessionEventBus}: the panel's API names its own type so that
 * no UI framework's types leak into it (a screen adapts it to its framework's registration).
 */
@FunctionalInterface
public interface Subscription {

    /** Stops the wake-ups; calling it again does nothing. */
    void remove();
}
