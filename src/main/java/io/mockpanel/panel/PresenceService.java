package io.mockpanel.panel;

import io.mockpanel.security.AppRoles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who has the session open, per screen: every console and candidate room that attaches gets a
 * connection row, removed when it detaches and refreshed by a quiet heartbeat. A person is online
 * while at least one of their screens is connected and was seen within {@link #STALE}, so a second
 * tab, a reload or the late cleanup of an old page never marks them offline, and a browser that
 * died without closing drops out by itself. A PRESENCE_CHANGED event is written only when a
 * person goes from no screen to one or from one to none, so consoles update at once.
 */
@Service
public class PresenceService {

    public static final String CANDIDATE = "candidate";
    static final Duration STALE = Duration.ofSeconds(45);
    /** Rows of screens gone without a word (a crashed node, a killed browser) are deleted after this. */
    private static final Duration FORGOTTEN = Duration.ofHours(1);
    private static final String ANYONE = "hasAnyRole('" + AppRoles.INTERVIEWER + "','" + AppRoles.COACH + "','"
            + AppRoles.CANDIDATE + "')";

    /** One participant's presence: online when at least one screen is connected; how many are. */
    public record Presence(String participant, boolean online, int screens) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PanelSessionService sessions;
    private final SessionEventLog events;

    PresenceService(JdbcClient jdbc, Clock clock, PanelSessionService sessions, SessionEventLog events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.sessions = sessions;
        this.events = events;
    }

    /** A screen of the current user (or the candidate) opened the session; returns its connection id. */
    @PreAuthorize(ANYONE)
    @Transactional
    public UUID enter(long sessionId) {
        String participant = participant(sessionId);
        UUID connection = UUID.randomUUID();
        Instant now = clock.instant();
        lockPresence(sessionId);
        boolean wasOnline = screens(sessionId, participant, now) > 0;
        jdbc.sql("insert into session_connection (connection_id, session_id, participant, opened_at, seen_at) "
                        + "values (?, ?, ?, ?, ?)")
                .params(connection, sessionId, participant, at(now), at(now)).update();
        jdbc.sql("delete from session_connection where session_id = ? and seen_at < ?")
                .params(sessionId, at(now.minus(FORGOTTEN))).update();
        if (!wasOnline) {
            changed(sessionId, participant, true);
        }
        return connection;
    }

    /** The screen closed: its row goes, and the person goes offline if it was their last one. */
    @PreAuthorize(ANYONE)
    @Transactional
    public void leave(long sessionId, UUID connection) {
        String participant = participant(sessionId);
        Instant now = clock.instant();
        lockPresence(sessionId);
        int removed = jdbc.sql("delete from session_connection where connection_id = ? and session_id = ? "
                        + "and participant = ?")
                .params(connection, sessionId, participant).update();
        if (removed > 0 && screens(sessionId, participant, now) == 0) {
            changed(sessionId, participant, false);
        }
    }

    /**
     * Refreshes a screen's "seen" without an event, from a slow poll while the page is open. A
     * screen that was stale (a phone that slept) or whose row is gone comes back online, with an
     * event if that makes its person online again.
     */
    @PreAuthorize(ANYONE)
    @Transactional
    public void heartbeat(long sessionId, UUID connection) {
        String participant = participant(sessionId);
        Instant now = clock.instant();
        Boolean wasFresh = jdbc.sql("""
                update session_connection c set seen_at = ?
                  from (select seen_at from session_connection where connection_id = ? for update) before
                 where c.connection_id = ? and c.session_id = ? and c.participant = ?
                returning before.seen_at > ?""")
                .params(at(now), connection, connection, sessionId, participant, at(now.minus(STALE)))
                .query(Boolean.class).optional().orElse(null);
        if (Boolean.TRUE.equals(wasFresh)) {
            return;
        }
        lockPresence(sessionId);
        boolean othersOnline = jdbc.sql("select count(*) from session_connection where session_id = ? "
                        + "and participant = ? and seen_at > ? and connection_id <> ?")
                .params(sessionId, participant, at(now.minus(STALE)), connection).query(Long.class).single() > 0;
        if (wasFresh == null) {
            jdbc.sql("insert into session_connection (connection_id, session_id, participant, opened_at, seen_at) "
                            + "values (?, ?, ?, ?, ?) on conflict (connection_id) do update set seen_at = excluded.seen_at")
                    .params(connection, sessionId, participant, at(now), at(now)).update();
        }
        if (!othersOnline) {
            changed(sessionId, participant, true);
        }
    }

    /** Everyone with at least one screen of the session; people without any are simply absent. */
    @PreAuthorize(PanelSessionService.MEMBERS_ROLES)
    @Transactional(readOnly = true)
    public List<Presence> presence(long sessionId) {
        sessions.requireMember(sessionId);
        return readPresence(sessionId);
    }

    /**
     * The same for a screen that follows the session: its cursor was issued after the membership
     * check, so this is one query (a console reads it on every presence change).
     */
    @PreAuthorize(PanelSessionService.MEMBERS_ROLES)
    @Transactional(readOnly = true)
    public List<Presence> presence(SessionCursor cursor) {
        return readPresence(cursor.sessionId());
    }

    private List<Presence> readPresence(long sessionId) {
        return jdbc.sql("""
                select participant, count(*) filter (where seen_at > ?) as screens
                  from session_connection where session_id = ? group by participant""")
                .params(at(clock.instant().minus(STALE)), sessionId)
                .query((rs, row) -> new Presence(rs.getString("participant"), rs.getInt("screens") > 0,
                        rs.getInt("screens")))
                .list();
    }

    /**
     * Serialises the presence changes of one session (entering, leaving), so "was online before"
     * is never read by two screens at once; a transaction-scoped advisory lock in a key space of
     * its own, held for a few statements.
     */
    private void lockPresence(long sessionId) {
        jdbc.sql("select pg_advisory_xact_lock(?, ?)").params(PRESENCE_LOCK_SPACE, Long.hashCode(sessionId))
                .query((rs, row) -> 1).list();
    }

    /** The first key of presence advisory locks ("PRES"); the session id is the second. */
    private static final int PRESENCE_LOCK_SPACE = 0x50524553;

    private long screens(long sessionId, String participant, Instant now) {
        return jdbc.sql("select count(*) from session_connection where session_id = ? and participant = ? "
                        + "and seen_at > ?")
                .params(sessionId, participant, at(now.minus(STALE))).query(Long.class).single();
    }

    private void changed(long sessionId, String participant, boolean online) {
        events.append(sessionId, new SessionEvents.PresenceChanged(participant, online), participant);
    }

    /** The candidate of this very session, or a member of it; anyone else is refused. */
    private String participant(long sessionId) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CandidatePrincipal candidate) {
            if (candidate.sessionId() != sessionId) {
                throw new AccessDeniedException("a candidate's link opens one session only");
            }
            return CANDIDATE;
        }
        sessions.requireMember(sessionId);
        return PanelSessionService.me();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
