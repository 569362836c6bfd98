package io.mockpanel.panel;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TcpProxy;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A LISTEN connection that goes silent without closing (a hung proxy, a network path that drops
 * packets) looks exactly like a quiet one. The probe must notice it, the listener must say so
 * (health OUT_OF_SERVICE) and connect again, and hints must flow again afterwards.
 *
 * <p>A listener of its own, with a bus of its own, talks to the test database through a proxy
 * that the test can silence; the application's own listener is not disturbed.
 */
@IntegrationTest
class SilentListenerConnectionTest {

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)(/.*)");
    private static final ListenerProperties DEFAULTS = new ListenerProperties(Duration.ofSeconds(5),
            Duration.ofSeconds(2), Duration.ofSeconds(5));

    @Autowired
    JdbcConnectionDetails database;

    @Autowired
    JdbcClient jdbc;

    private TcpProxy proxy;
    private SessionNotificationListener listener;

    @AfterEach
    void stop() {
        if (listener != null) {
            listener.stop();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void a_silent_listen_connection_is_noticed_by_the_probe_reported_and_replaced() {
        SessionEventBus bus = new SessionEventBus();
        SessionListenerHealthIndicator health = new SessionListenerHealthIndicator(bus);
        var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        var meters = new PanelMeters(registry, Clock.systemUTC(), bus, jdbc,
                new io.mockpanel.base.MetricsProperties(null, Duration.ZERO));
        listener = new SessionNotificationListener(throughProxy(), bus, DEFAULTS, Clock.systemUTC(), meters);
        listener.start();
        await("the listener connects through the proxy", () -> bus.listenerStatus().listening());
        Integer firstBackend = bus.listenerStatus().backendPid();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        CopyOnWriteArrayList<Boolean> toldWatchers = new CopyOnWriteArrayList<>();
        bus.watchListener(toldWatchers::add);

        long silenced = System.nanoTime();
        proxy.silenceOpenConnections();

        await("the probe notices the silent connection", () -> !bus.listenerStatus().listening());
        long detectedMillis = (System.nanoTime() - silenced) / 1_000_000;
        assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(bus.listenerStatus().problem()).contains("probe");

        await("the listener connects again", () -> bus.listenerStatus().listening());
        long reconnectedMillis = (System.nanoTime() - silenced) / 1_000_000;
        assertThat(bus.listenerStatus().backendPid()).isNotEqualTo(firstBackend);
        assertThat(bus.listenerStatus().connects()).isEqualTo(2);
        assertThat(registry.get("mockpanel.listener.reconnects").counter().count()).isEqualTo(1);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        await("watchers heard: lost, then back", () -> toldWatchers.size() == 2);
        assertThat(toldWatchers).containsExactly(false, true);

        // Hints flow again through the new connection.
        long session = -System.nanoTime();
        CopyOnWriteArrayList<Long> hints = new CopyOnWriteArrayList<>();
        bus.subscribe(session, hints::add);
        long createdAt = System.currentTimeMillis();
        jdbc.sql("select pg_notify(?, ?)").params(SessionEventLog.CHANNEL, session + ":7:p:" + createdAt)
                .query(String.class).single();
        await("a hint after the reconnect arrives", () -> hints.contains(7L));
        // its lag (NOTIFY received - event created) is measured
        assertThat(registry.get("mockpanel.listener.lag").timer().count()).isEqualTo(1);

        System.out.printf("FIGURE silent LISTEN connection: noticed after %d ms (probe every %d s, timeout %d s), "
                + "listening again after %d ms%n", detectedMillis, DEFAULTS.probeInterval().toSeconds(),
                DEFAULTS.probeTimeout().toSeconds(), reconnectedMillis);
    }

    /** The application's database, reached through a proxy the test can silence. */
    private JdbcConnectionDetails throughProxy() {
        Matcher url = URL.matcher(database.getJdbcUrl());
        assertThat(url.matches()).as("a plain PostgreSQL URL: %s", database.getJdbcUrl()).isTrue();
        proxy = TcpProxy.to(url.group(1), Integer.parseInt(url.group(2)));
        String proxied = "jdbc:postgresql://127.0.0.1:" + proxy.port() + url.group(3);
        return new JdbcConnectionDetails() {
            @Override
            public String getJdbcUrl() {
                return proxied;
            }

            @Override
            public String getUsername() {
                return database.getUsername();
            }

            @Override
            public String getPassword() {
                return database.getPassword();
            }
        };
    }

    /** Waits up to 30 s, far beyond the probe interval, the probe timeout and the back-off. */
    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
