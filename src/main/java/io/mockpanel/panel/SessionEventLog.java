package io.mockpanel.panel;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import io.mockpanel.base.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The single path of every live change: an event row written in the caller's transaction, with
 * the next number of the session's sequence, and a NOTIFY that PostgreSQL delivers only if that
 * transaction commits. Listeners treat the NOTIFY as a hint and read the rows themselves.
 *
 * <p>Not secured itself: only the feature services call it, after their own access checks.
 */
@Component
@org.springframework.modulith.NamedInterface("api")
public class SessionEventLog {

    /**
     * The PostgreSQL channel. Its payload is "sessionId:seq:c" for an event the candidate's room
     * shows or acts on and "sessionId:seq:p" for one only the panel does (see
     * {@link SessionEvents.CandidateVisible}), so that rooms are not woken by the panel's notes and
     * scores, followed by ":" and the event's time in epoch milliseconds (the listener's lag meter,
     * decision 0042); {@link SessionNotificationListener} reads it.
     */
    public static final String CHANNEL = "mockpanel_session_events";

    /** The hint's last part: the candidate's room is woken by the event, or only the panel is. */
    static final String FOR_CANDIDATE = "c";
    static final String FOR_PANEL = "p";

    private static final Logger log = LoggerFactory.getLogger(SessionEventLog.class);

    /**
     * The session's life cycle, logged at INFO (what an operator follows); every other event (notes,
     * presence, drafts: hundreds per panel) only at DEBUG. Only the type and number: never a payload.
     */
    private static final Set<String> LIFE_CYCLE = Set.of(SessionEvents.SessionCreated.TYPE,
            SessionEvents.SessionScheduled.TYPE, SessionEvents.SessionStarted.TYPE, SessionEvents.SessionEnded.TYPE,
            SessionEvents.SessionCancelled.TYPE, SessionEvents.PromptPushed.TYPE, SessionEvents.InviteIssued.TYPE, SessionEvents.InviteRevoked.TYPE,
            SessionEvents.InviteReleased.TYPE, SessionEvents.CandidateJoined.TYPE, SessionEvents.ScoreSubmitted.TYPE,
            SessionEvents.ScoresRevealed.TYPE, SessionEvents.ConsensusRecorded.TYPE,
            SessionEvents.VerdictRecorded.TYPE);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PanelMeters meters;

    SessionEventLog(JdbcClient jdbc, Clock clock, PanelMeters meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Appends an event to the session's log. The row lock taken on the session while numbering
     * makes sequence order equal commit order, so a reader that has seen event n has seen all
     * events before it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public SessionEvent append(long sessionId, SessionEvents.Payload payload, String actor) {
        String type = payload.type();
        String payloadJson = SessionEventCodec.encode(payload);
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
                select seq, pg_notify(:channel, :session || ':' || seq || ':' || :audience || ':' || :millis)
                from inserted""")
                .param("session", sessionId)
                .param("type", type)
                .param("payload", payloadJson)
                .param("actor", actor)
                .param("at", now.atOffset(ZoneOffset.UTC))
                .param("channel", CHANNEL)
                .param("audience", payload.candidateMaySee() ? FOR_CANDIDATE : FOR_PANEL)
                .param("millis", now.toEpochMilli())
                .query((rs, row) -> rs.getLong("seq"))
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("no session " + sessionId));
        meters.eventAppended(type);
        logAfterCommit(sessionId, seq, type);
        return new SessionEvent(sessionId, seq, type, payloadJson, actor, now);
    }

    /** After the commit (a rolled back change never happened), on the caller's thread and log context. */
    private static void logAfterCommit(long sessionId, long seq, String type) {
        boolean info = LIFE_CYCLE.contains(type);
        if (!(info ? log.isInfoEnabled() : log.isDebugEnabled())) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try (LogContext.Scope scope = LogContext.session(sessionId)) {
                    if (info) {
                        log.info("Session {}: event {} {}", sessionId, seq, type);
                    } else {
                        log.debug("Session {}: event {} {}", sessionId, seq, type);
                    }
                }
            }
        });
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

    /** The session's newest event of a kind, if any. */
    @Transactional(readOnly = true)
    public <P extends SessionEvents.Payload> Optional<P> last(long sessionId, Class<P> kind) {
        return jdbc.sql("select session_id, seq, type, payload::text as payload, actor, created_at "
                        + "from session_event where session_id = ? and type = ? order by seq desc limit 1")
                .params(sessionId, SessionEventTypes.typeOf(kind))
                .query(SessionEventLog::event)
                .optional()
                .map(event -> event.decode(kind));
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
}
