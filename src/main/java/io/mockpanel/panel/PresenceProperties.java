package io.mockpanel.panel;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often an open page's quiet heartbeat refreshes its screen's presence (and the console's
 * presence line and pacing cue). At most a third of {@link PresenceService#STALE}, so a screen
 * whose heartbeats still arrive is never counted gone; the test profile shortens it, so the
 * browser tests see a tab count change without waiting out the production rhythm (decision 0036).
 *
 * @param heartbeat the interval between two heartbeats of one page
 */
@ConfigurationProperties("mockpanel.presence")
record PresenceProperties(@DefaultValue("15s") Duration heartbeat) {

    PresenceProperties {
        if (heartbeat.isNegative() || heartbeat.isZero() || heartbeat.compareTo(PresenceService.STALE.dividedBy(3)) > 0) {
            throw new IllegalArgumentException("mockpanel.presence.heartbeat must be positive and at most "
                    + PresenceService.STALE.dividedBy(3).toSeconds() + "s (a third of the time after which a "
                    + "silent screen counts as gone)");
        }
    }
}
