package io.mockpanel.panel;

import java.time.Duration;

/**
 * A scenario's countdown as derived from the stored timer events, never from a browser clock.
 *
 * @param allowed   the scenario's duration plus every extension
 * @param elapsed   running time so far
 * @param running   whether the clock is running now
 */
@org.springframework.modulith.NamedInterface("api")
public record TimerState(Duration allowed, Duration elapsed, boolean running) {

    public Duration remaining() {
        return allowed.minus(elapsed);
    }

    public boolean overrun() {
        return elapsed.compareTo(allowed) > 0;
    }

    /** "12:34", or "-01:05" once over time. */
    public static String format(Duration remaining) {
        long seconds = remaining.toSeconds();
        String sign = seconds < 0 ? "-" : "";
        long abs = Math.abs(seconds);
        return sign + String.format("%02d:%02d", abs / 60, abs % 60);
    }
}
