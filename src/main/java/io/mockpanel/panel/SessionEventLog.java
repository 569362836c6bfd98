package io.mockpanel.panel;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The single path of every live change: an event row written in the caller's transaction, with
 * the next number of the session's sequence, and a NOTIFY that PostgreSQL delivers only if that
 * transaction commits. Listeners treat the NOTIFY as a hint and read the rows themselves.
 *
 * <p>Not secured itself: only the feature services call it, after their own access checks.
 */
@Component
public class SessionEventLog {

    /** The PostgreSQL channel; its payload is "sessionId:seq". */
    public static final String CHANNEL = "mockpanel_session_events";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    SessionEventLog(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Appends an event to the session's log. The row lock taken on the session while numbering
     * makes sequence order equal commit order, so a reader that has seen event n has seen all
     * events before it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public SessionEvent append(long sessionId, String type, Object payload, String actor) {
        String payloadJson = json.writeValueAsString(payload);
        // As PostgreSQL keeps it, so the event returned equals the event read back.
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        // One round trip: number, insert and notify.
        long seq = jdbc.sql("""
                with next as (
                    update panel_session set last_event_seq = last_event_seq + 1 where id = :session
                    returning last_event_seq),
                inserted as (
                    insert into session_event (session_id, seq, type, payload, actor, created_at)
                    select :session, last_event_seq, :type, cast(:payload as jsonb), :actor, :at from next
                    returning seq)
                select seq, pg_notify(:channel, :session || ':' || seq) from inserted""")
                .param("session", sessionId)
                .param("type", type)
                .param("payload", payloadJson)
                .param("actor", actor)
                .param("at", now.atOffset(ZoneOffset.UTC))
                .param("channel", CHANNEL)
                .query((rs, row) -> rs.getLong("seq"))
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("no session " + sessionId));
        return new SessionEvent(sessionId, seq, type, payloadJson, actor, now);
    }

    /** The session's events after {@code afterSeq}, oldest first. */
    @Transactional(readOnly = true)
    public List<SessionEvent> after(long sessionId, long afterSeq) {
        return jdbc.sql("select session_id, seq, type, payload::text as payload, actor, created_at "
                        + "from session_event where session_id = ? and seq > ? order by seq")
                .params(sessionId, afterSeq)
                .query(SessionEventLog::event)
                .list();
    }

    /** The session's newest event of a type, if any. */
    @Transactional(readOnly = true)
    public java.util.Optional<SessionEvent> lastOfType(long sessionId, String type) {
        return jdbc.sql("select session_id, seq, type, payload::text as payload, actor, created_at "
                        + "from session_event where session_id = ? and type = ? order by seq desc limit 1")
                .params(sessionId, type)
                .query(SessionEventLog::event)
                .optional();
    }

    @Transactional(readOnly = true)
    public long lastSeq(long sessionId) {
        return jdbc.sql("select last_event_seq from panel_session where id = ?").param(sessionId)
                .query(Long.class).optional().orElse(0L);
    }

    private static SessionEvent event(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new SessionEvent(rs.getLong("session_id"), rs.getLong("seq"), rs.getString("type"),
                rs.getString("payload"), rs.getString("actor"),
                rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant());
    }

    public <T> T payload(SessionEvent event, Class<T> type) {
        return json.readValue(event.payload(), type);
    }
}
