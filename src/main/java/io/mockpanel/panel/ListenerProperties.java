package io.mockpanel.panel;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the session event listener watches its LISTEN connection.
 *
 * @param probeInterval how often the idle connection is asked whether it still answers
 * @param probeTimeout  how long a probe may take before the connection counts as silent (whole seconds)
 * @param maxBackoff    the longest pause between two attempts to reconnect
 */
@ConfigurationProperties("mockpanel.listener")
record ListenerProperties(@DefaultValue("5s") Duration probeInterval, @DefaultValue("2s") Duration probeTimeout,
        @DefaultValue("5s") Duration maxBackoff) {
}
