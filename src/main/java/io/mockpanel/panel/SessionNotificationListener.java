package io.mockpanel.panel;

import io.mockpanel.base.LogContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * LISTENs for session event hints on one dedicated connection (outside the pool) and passes them
 * to the {@link SessionEventBus}.
 *
 * <p>A LISTEN connection only ever reads, so a connection that silently stopped answering (a
 * network path that drops packets, a proxy that hangs) looks exactly like a quiet one. It is
 * therefore probed every {@link ListenerProperties#probeInterval()}: a probe that fails or takes
 * longer than {@link ListenerProperties#probeTimeout()} counts as lost, like a closed connection.
 * A lost connection is replaced with back-off; the bus tells the pages meanwhile, and after every
 * (re)connect it wakes all subscribers, since hints sent while the node was deaf are gone.
 */
@Component
class SessionNotificationListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SessionNotificationListener.class);
    private static final int POLL_MILLIS = 500;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);

    private final JdbcConnectionDetails connectionDetails;
    private final SessionEventBus bus;
    private final ListenerProperties properties;
    private final Clock clock;
    private final PanelMeters meters;
    private volatile boolean running;
    private @Nullable Thread thread;

    SessionNotificationListener(JdbcConnectionDetails connectionDetails, SessionEventBus bus,
            ListenerProperties properties, Clock clock, PanelMeters meters) {
        this.meters = meters;
        this.connectionDetails = connectionDetails;
        this.bus = bus;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        running = true;
        Thread listener = new Thread(this::listenUntilStopped, "session-event-listener");
        listener.setDaemon(true);
        listener.start();
        thread = listener;
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listenUntilStopped() {
        // This thread is the listener's own for its whole life: its lines are the listener's.
        LogContext.replace(null, LogContext.systemActor(SessionEventBus.LISTENER));
        Duration backoff = FIRST_BACKOFF;
        int failedAttempts = 0;
        while (running) {
            String problem;
            try (Connection connection = connect()) {
                int pid = listen(connection);
                if (failedAttempts > 0 || bus.listenerStatus().connects() > 0) {
                    meters.listenerReconnected();
                    log.info("Session event listener connected again after {} (backend {})",
                            outage(), pid);
                }
                backoff = FIRST_BACKOFF;
                failedAttempts = 0;
                bus.listenerConnected(pid, clock.instant());
                problem = receiveUntilSilent(connection);
            } catch (SQLException e) {
                problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
            if (!running) {
                break;
            }
            // One warning per outage; the attempts to reconnect that fail again are only debug noise.
            if (bus.listenerStatus().listening()) {
                log.warn("Session event listener lost its connection ({}); reconnecting", problem);
            } else {
                log.debug("Session event listener still cannot connect ({}); next attempt in {} ms", problem,
                        backoff.toMillis());
            }
            bus.listenerLost(problem, clock.instant());
            failedAttempts++;
            sleep(backoff);
            backoff = min(backoff.multipliedBy(2), properties.maxBackoff());
        }
    }

    /** LISTEN first, then report: a hint committed after this point is never missed. */
    private int listen(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + SessionEventLog.CHANNEL);
            try (ResultSet rs = statement.executeQuery("select pg_backend_pid()")) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * Passes hints on until the connection breaks (throws) or stops answering a probe (returns
     * why). A probe is one empty statement, a round trip of a few bytes every probe interval.
     */
    private String receiveUntilSilent(Connection connection) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        int probeSeconds = (int) Math.max(1, properties.probeTimeout().toSeconds());
        long nextProbe = System.nanoTime() + properties.probeInterval().toNanos();
        while (running) {
            PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
            if (notifications != null && notifications.length > 0) {
                dispatch(notifications);
            }
            if (System.nanoTime() >= nextProbe) {
                if (!connection.isValid(probeSeconds)) {
                    return "no answer to a probe within " + probeSeconds + " s";
                }
                nextProbe = System.nanoTime() + properties.probeInterval().toNanos();
            }
        }
        return "stopped";
    }

    /**
     * Several hints for one session in a batch wake its subscribers once, with the newest number;
     * the candidate's room among them only if one of the events is for the candidate.
     */
    private void dispatch(PGNotification[] notifications) {
        Map<Long, Hint> merged = new HashMap<>();
        for (PGNotification notification : notifications) {
            Optional<Hint> hint = Hint.parse(notification.getParameter());
            if (hint.isEmpty()) {
                log.warn("Ignoring a malformed session event hint '{}'", notification.getParameter());
                continue;
            }
            if (hint.get().createdAtMillis() > 0) {
                meters.hintReceived(hint.get().createdAtMillis());
            }
            merged.merge(hint.get().sessionId(), hint.get(), Hint::merge);
        }
        merged.values().forEach(hint -> {
            try (LogContext.Scope scope = LogContext.of(hint.sessionId(), LogContext.systemActor(SessionEventBus.LISTENER))) {
                bus.wake(hint.sessionId(), hint.seq(), hint.candidateMaySee());
            }
        });
    }

    /**
     * One NOTIFY payload of {@link SessionEventLog#CHANNEL}; {@code createdAtMillis} is 0 when the
     * hint does not say when its event was created.
     */
    record Hint(long sessionId, long seq, boolean candidateMaySee, long createdAtMillis) {

        Hint(long sessionId, long seq, boolean candidateMaySee) {
            this(sessionId, seq, candidateMaySee, 0);
        }

        /**
         * "session:seq:c:millis" or "session:seq:p:millis". A hint of a node of an older version
         * (during an upgrade) lacks the time (no lag is measured) or also the audience (it wakes
         * everyone, as it used to). Parts after the time are left to later versions.
         */
        static Optional<Hint> parse(String payload) {
            String[] parts = payload.split(":", -1);
            if (parts.length < 2) {
                return Optional.empty();
            }
            try {
                boolean forCandidate = parts.length == 2 || parts[2].equals(SessionEventLog.FOR_CANDIDATE);
                if (parts.length >= 3 && !forCandidate && !parts[2].equals(SessionEventLog.FOR_PANEL)) {
                    return Optional.empty();
                }
                long createdAt = parts.length >= 4 ? Long.parseLong(parts[3]) : 0;
                return Optional.of(new Hint(Long.parseLong(parts[0]), Long.parseLong(parts[1]), forCandidate,
                        createdAt));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        Hint merge(Hint other) {
            return new Hint(sessionId, Math.max(seq, other.seq), candidateMaySee || other.candidateMaySee,
                    Math.max(createdAtMillis, other.createdAtMillis));
        }
    }

    /**
     * Connecting and the first statements are bounded too: a server that accepts the socket but
     * never answers must not hold the listener forever.
     */
    private Connection connect() throws SQLException {
        Properties connectProperties = new Properties();
        if (connectionDetails.getUsername() != null) {
            connectProperties.setProperty("user", connectionDetails.getUsername());
        }
        if (connectionDetails.getPassword() != null) {
            connectProperties.setProperty("password", connectionDetails.getPassword());
        }
        connectProperties.setProperty("ApplicationName", "mockpanel-session-listener");
        connectProperties.setProperty("tcpKeepAlive", "true");
        connectProperties.setProperty("connectTimeout", "5");
        connectProperties.setProperty("loginTimeout", "5");
        connectProperties.setProperty("socketTimeout", "10");
        return DriverManager.getConnection(connectionDetails.getJdbcUrl(), connectProperties);
    }

    private String outage() {
        Duration lost = Duration.between(bus.listenerStatus().since(), clock.instant());
        return lost.toMillis() + " ms";
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) > 0 ? b : a;
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
