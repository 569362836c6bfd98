package io.mockpanel.panel;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
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
 * to the {@link SessionEventBus}. Reconnects by itself; after every (re)connect it wakes all
 * subscribers, since hints sent while it was away are lost.
 */
@Component
class SessionNotificationListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SessionNotificationListener.class);
    private static final int POLL_MILLIS = 500;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final JdbcConnectionDetails connectionDetails;
    private final SessionEventBus bus;
    private volatile boolean running;
    private volatile boolean listening;
    private @Nullable Thread thread;

    SessionNotificationListener(JdbcConnectionDetails connectionDetails, SessionEventBus bus) {
        this.connectionDetails = connectionDetails;
        this.bus = bus;
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

    /** True while connected and listening; for health reporting and tests. */
    boolean isListening() {
        return listening;
    }

    private void listenUntilStopped() {
        Duration backoff = Duration.ofMillis(200);
        while (running) {
            try (Connection connection = connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + SessionEventLog.CHANNEL);
                }
                listening = true;
                backoff = Duration.ofMillis(200);
                log.debug("Listening for session events");
                bus.wakeAll();
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        dispatch(notifications);
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Session event listener lost its connection ({}); reconnecting in {} ms",
                            e.getMessage(), backoff.toMillis());
                }
            } finally {
                listening = false;
            }
            sleep(backoff);
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    /** Several hints for one session in a batch wake its subscribers once, with the newest number. */
    private void dispatch(PGNotification[] notifications) {
        Map<Long, Long> newest = new HashMap<>();
        for (PGNotification notification : notifications) {
            String[] parts = notification.getParameter().split(":", 2);
            try {
                newest.merge(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Math::max);
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                log.warn("Ignoring a malformed session event hint '{}'", notification.getParameter());
            }
        }
        newest.forEach(bus::wake);
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (connectionDetails.getUsername() != null) {
            properties.setProperty("user", connectionDetails.getUsername());
        }
        if (connectionDetails.getPassword() != null) {
            properties.setProperty("password", connectionDetails.getPassword());
        }
        properties.setProperty("ApplicationName", "mockpanel-session-listener");
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(connectionDetails.getJdbcUrl(), properties);
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
