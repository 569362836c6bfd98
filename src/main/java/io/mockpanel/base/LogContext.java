package io.mockpanel.base;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Who acts on which panel session, for every log line written meanwhile: the SLF4J MDC keys
 * {@value #SESSION} and {@value #ACTOR}, which Spring Boot's structured (JSON) logging writes into
 * each line (decision 0043). The actor is an account's username, {@code candidate:<session>} for a
 * candidate, or {@code system:<job>} for a scheduled job or the live-update listener: never a
 * name, an e-mail address or a token.
 *
 * <p>Always set through a {@link Scope} in try-with-resources: closing it puts back exactly what was
 * there before (nested scopes, a job inside a request), so nothing outlives the code that set it on
 * a pooled thread.
 */
public final class LogContext {

    /** The panel session's id. */
    public static final String SESSION = "session_id";
    /** Who acts: a username, {@code candidate:<session>} or {@code system:<job>}. */
    public static final String ACTOR = "actor";

    private LogContext() {
    }

    /** Context set until {@link #close()}, which restores the values it replaced. */
    public static final class Scope implements AutoCloseable {

        private final @Nullable String sessionBefore;
        private final @Nullable String actorBefore;

        private Scope(@Nullable String session, @Nullable String actor) {
            sessionBefore = MDC.get(SESSION);
            actorBefore = MDC.get(ACTOR);
            put(SESSION, session);
            put(ACTOR, actor);
        }

        @Override
        public void close() {
            put(SESSION, sessionBefore);
            put(ACTOR, actorBefore);
        }
    }

    /** Both keys as given; a null removes that key for the scope. */
    public static Scope of(@Nullable Long sessionId, @Nullable String actor) {
        return new Scope(sessionId == null ? null : Long.toString(sessionId), actor);
    }

    /** Acting on one session; the actor stays whoever acts already. */
    public static Scope session(long sessionId) {
        return new Scope(Long.toString(sessionId), MDC.get(ACTOR));
    }

    /** A scheduled job or a listener: {@code system:<name>}, no session until it picks one. */
    public static Scope system(String name) {
        return new Scope(null, systemActor(name));
    }

    public static String systemActor(String name) {
        return "system:" + name;
    }

    /** A candidate is named by the session their link opens, never by their name. */
    public static String candidateActor(long sessionId) {
        return "candidate:" + sessionId;
    }

    public static <T> T call(@Nullable Long sessionId, @Nullable String actor, Supplier<T> work) {
        try (Scope scope = of(sessionId, actor)) {
            return work.get();
        }
    }

    /**
     * Sets both keys with no scope to restore: only where the end of the unit of work clears them
     * (a Vaadin request, whose end calls {@link #clear()}).
     */
    public static void replace(@Nullable Long sessionId, @Nullable String actor) {
        put(SESSION, sessionId == null ? null : Long.toString(sessionId));
        put(ACTOR, actor);
    }

    /** Removes both keys: for the start and the end of a unit of work on a pooled thread. */
    public static void clear() {
        MDC.remove(SESSION);
        MDC.remove(ACTOR);
    }

    private static void put(String key, @Nullable String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
