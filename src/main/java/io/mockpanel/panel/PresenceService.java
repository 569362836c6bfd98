package io.mockpanel.panel;

import io.mockpanel.security.AppRoles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who has the session open: panel members with the console, the candidate with the room.
 * Opening and closing are events (so every console updates at once); a quiet heartbeat keeps
 * {@code seen_at} fresh, and someone not seen for {@link #STALE} counts as gone even if their
 * browser died without closing.
 */
@Service
public class PresenceService {

    public static final String CANDIDATE = "candidate";
    static final Duration STALE = Duration.ofSeconds(45);
    static final String PRESENCE_CHANGED = "PRESENCE_CHANGED";

    /** One participant's presence. */
    public record Presence(String participant, boolean online) {
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

    @PreAuthorize("hasAnyRole('" + AppRoles.INTERVIEWER + "','" + AppRoles.COACH + "','" + AppRoles.CANDIDATE + "')")
    @Transactional
    public void enter(long sessionId) {
        mark(sessionId, participant(sessionId), true);
    }

    @PreAuthorize("hasAnyRole('" + AppRoles.INTERVIEWER + "','" + AppRoles.COACH + "','" + AppRoles.CANDIDATE + "')")
    @Transactional
    public void leave(long sessionId) {
        mark(sessionId, participant(sessionId), false);
    }

    /** Refreshes "seen" without an event: called by a slow poll while the page is open. */
    @PreAuthorize("hasAnyRole('" + AppRoles.INTERVIEWER + "','" + AppRoles.COACH + "','" + AppRoles.CANDIDATE + "')")
    @Transactional
    public void heartbeat(long sessionId) {
        jdbc.sql("update session_presence set seen_at = ? where session_id = ? and participant = ? and connected")
                .params(at(clock.instant()), sessionId, participant(sessionId)).update();
    }

    @PreAuthorize(PanelSessionService.MEMBERS_ROLES)
    @Transactional(readOnly = true)
    public List<Presence> presence(long sessionId) {
        sessions.requireMember(sessionId);
        Instant freshSince = clock.instant().minus(STALE);
        return jdbc.sql("select participant, connected, seen_at from session_presence where session_id = ?")
                .param(sessionId)
                .query((rs, row) -> new Presence(rs.getString("participant"), rs.getBoolean("connected")
                        && rs.getObject("seen_at", OffsetDateTime.class).toInstant().isAfter(freshSince)))
                .list();
    }

    private void mark(long sessionId, String participant, boolean connected) {
        Boolean before = jdbc.sql("select connected from session_presence where session_id = ? and participant = ? "
                        + "for update")
                .params(sessionId, participant).query(Boolean.class).optional().orElse(null);
        jdbc.sql("""
                insert into session_presence (session_id, participant, connected, seen_at) values (?, ?, ?, ?)
                on conflict (session_id, participant) do update set connected = excluded.connected,
                    seen_at = excluded.seen_at""")
                .params(sessionId, participant, connected, at(clock.instant())).update();
        if (before == null || before != connected) {
            events.append(sessionId, PRESENCE_CHANGED, Map.of("participant", participant, "connected", connected),
                    participant);
        }
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
