package io.mockpanel.panel;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Reports whether this node hears session event hints, as the health component
 * {@code sessionListener}. It is part of the readiness group: a node that cannot hear hints
 * would leave its candidates' rooms silent, so a load balancer should send new pages elsewhere
 * until the listener is back. It is not part of liveness: the listener reconnects by itself, and
 * restarting the node would not bring the database back sooner.
 *
 * <p>OUT_OF_SERVICE rather than DOWN: the node is fine and will serve again by itself; it is
 * temporarily unable to do its job. Both answer HTTP 503.
 */
@Component
class SessionListenerHealthIndicator implements HealthIndicator {

    private final SessionEventBus bus;

    SessionListenerHealthIndicator(SessionEventBus bus) {
        this.bus = bus;
    }

    @Override
    public Health health() {
        ListenerStatus status = bus.listenerStatus();
        Health.Builder health = status.listening() ? Health.up() : Health.outOfService();
        health.withDetail("since", status.since().toString()).withDetail("connects", status.connects());
        if (status.backendPid() != null) {
            health.withDetail("backendPid", status.backendPid());
        }
        if (status.problem() != null) {
            health.withDetail("problem", status.problem());
        }
        return health.build();
    }
}
