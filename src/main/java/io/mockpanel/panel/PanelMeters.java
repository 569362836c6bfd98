package io.mockpanel.panel;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.mockpanel.base.CachedValue;
import io.mockpanel.base.MetricsProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The live panel's meters (decision 0042). Tags are few and fixed (event type, screen, reason,
 * outcome), never a session, a person or a token. Recording costs no query: gauges read in-memory
 * counts, and the one gauge that needs the database reads it at most every {@code mockpanel.metrics.gauge-cache}.
 */
@Component
@org.springframework.modulith.NamedInterface("api")
public class PanelMeters {

    /** Which kind of screen showed a push. */
    public enum Screen {
        ROOM, CONSOLE;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Why a join was refused: the link does not work, another browser holds it, too many joins. */
    enum JoinRefusal {
        INVALID, IN_USE_ELSEWHERE, RATE_LIMITED;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static JoinRefusal of(InviteCheck verdict) {
            return verdict instanceof InviteCheck.InUseElsewhere ? IN_USE_ELSEWHERE : INVALID;
        }
    }

    private static final String OPEN_SCREENS = "Screens following a session on this node: candidate rooms, consoles";
    private static final String PROMPT_PUSHED = SessionEventTypes.typeOf(SessionEvents.PromptPushed.class);

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Counter> eventsByType = new ConcurrentHashMap<>();
    private final Map<Screen, Timer> pushLatency = new EnumMap<>(Screen.class);
    private final Timer noteSaved;
    private final Timer noteFailed;
    private final Counter listenerReconnects;
    private final Timer listenerLag;
    private final Map<JoinRefusal, Counter> joinsRefused = new EnumMap<>(JoinRefusal.class);
    private final Map<RateLimits.Limit, Counter> rateLimited = new EnumMap<>(RateLimits.Limit.class);

    PanelMeters(MeterRegistry registry, Clock clock, SessionEventBus bus, JdbcClient jdbc, MetricsProperties properties) {
        this.registry = registry;
        this.clock = clock;
        // Every known type from the start, so a rate() over a type that has not happened yet reads 0.
        SessionEventTypes.types().forEach(this::eventCounter);
        for (Screen screen : Screen.values()) {
            pushLatency.put(screen, latency("mockpanel.push.latency",
                    "A pushed prompt's event, stamped in the push command, until the screen's UI access applied it",
                    5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 15_000, 30_000).tag("screen", screen.tag()).register(registry));
        }
        Gauge.builder("mockpanel.screens.open", bus, b -> b.screens(SessionEventBus.Audience.CANDIDATE))
                .description(OPEN_SCREENS).tag("screen", Screen.ROOM.tag()).register(registry);
        Gauge.builder("mockpanel.screens.open", bus, b -> b.screens(SessionEventBus.Audience.PANEL))
                .description(OPEN_SCREENS).tag("screen", Screen.CONSOLE.tag()).register(registry);
        Gauge.builder("mockpanel.listener.listening", bus, b -> b.listenerStatus().listening() ? 1 : 0)
                .description("1 while this node hears session event hints (its LISTEN connection is up)")
                .register(registry);
        CachedValue<Long> live = new CachedValue<>(() -> jdbc.sql(
                "select count(*) from panel_session where state = 'LIVE'").query(Long.class).single(), properties.gaugeCache(), 0L);
        Gauge.builder("mockpanel.sessions.live", live, value -> value.get())
                .description("Sessions running now, on all nodes (cached for mockpanel.metrics.gauge-cache)")
                .strongReference(true).register(registry);
        noteSaved = noteSave("saved");
        noteFailed = noteSave("refused");
        listenerReconnects = Counter.builder("mockpanel.listener.reconnects")
                .description("Times this node's session event listener connected again after losing its connection")
                .register(registry);
        listenerLag = latency("mockpanel.listener.lag",
                "An event's creation until this node's listener received its NOTIFY (across nodes: plus clock skew)",
                1, 5, 10, 25, 50, 100, 250, 500, 1_000, 5_000).register(registry);
        for (JoinRefusal reason : JoinRefusal.values()) {
            joinsRefused.put(reason, Counter.builder("mockpanel.invite.joins.refused")
                    .description("Attempts to join with an invite link that were refused, by reason")
                    .tag("reason", reason.tag()).register(registry));
        }
        for (RateLimits.Limit limit : RateLimits.Limit.values()) {
            rateLimited.put(limit, Counter.builder("mockpanel.rate.limited")
                    .description("Actions refused by a per-node rate limit (decision 0020), by limit")
                    .tag("limit", limit.name().toLowerCase(java.util.Locale.ROOT)).register(registry));
        }
    }

    /** Counts an appended event once its transaction committed (a rolled-back one was never in the log). */
    void eventAppended(String type) {
        Counter counter = eventCounter(type);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    counter.increment();
                }
            });
        } else {
            counter.increment();
        }
    }

    /**
     * A screen applied these events inside its UI access: each pushed prompt among them records
     * how long it took from its event to here. Costs a string comparison per event.
     */
    public void applied(Screen screen, List<SessionEvent> events) {
        long now = clock.millis();
        Timer timer = pushLatency.get(screen);
        for (SessionEvent event : events) {
            if (PROMPT_PUSHED.equals(event.type())) {
                timer.record(Math.max(0, now - event.at().toEpochMilli()), java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        }
    }

    /**
     * Starts timing a note save in the caller's transaction: stopped when the transaction ends, so
     * the commit is part of it ({@code saved}); a save that throws (conflict, limit, bad input) is
     * {@code refused}.
     */
    void noteSaveStarted() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        Timer.Sample sample = Timer.start(registry);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                sample.stop(status == STATUS_COMMITTED ? noteSaved : noteFailed);
            }
        });
    }

    void listenerReconnected() {
        listenerReconnects.increment();
    }

    /** A hint arrived for an event created at {@code createdAtMillis} (epoch milliseconds). */
    void hintReceived(long createdAtMillis) {
        listenerLag.record(Math.max(0, clock.millis() - createdAtMillis), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Counts an action refused by a rate limit; a refused join also counts as a refused join. */
    void rateLimited(RateLimits.Limit limit) {
        rateLimited.get(limit).increment();
        if (limit == RateLimits.Limit.JOIN) {
            joinRefused(JoinRefusal.RATE_LIMITED);
        }
    }

    /** Counts a refused attempt to join with an invite link, by why it was refused. */
    void joinRefused(JoinRefusal reason) {
        joinsRefused.get(reason).increment();
    }

    private Counter eventCounter(String type) {
        return eventsByType.computeIfAbsent(type, t -> Counter.builder("mockpanel.session.events")
                .description("Events appended to session logs (committed), by type")
                .tag("type", t).register(registry));
    }

    private Timer noteSave(String outcome) {
        return latency("mockpanel.note.save", "A note save: the secured service call and its commit",
                5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000).tag("outcome", outcome).register(registry);
    }

    /**
     * A latency histogram with fixed buckets: percentiles come from {@code histogram_quantile} over
     * all nodes (a node's own percentiles cannot be combined), and a dozen buckets per series keep
     * Prometheus light (Micrometer's default histogram has about 60).
     */
    private static Timer.Builder latency(String name, String description, long... bucketMillis) {
        return Timer.builder(name).description(description).serviceLevelObjectives(
                java.util.Arrays.stream(bucketMillis).mapToObj(Duration::ofMillis).toArray(Duration[]::new));
    }
}
