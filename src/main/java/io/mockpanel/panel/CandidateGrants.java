package io.mockpanel.panel;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The candidate's side of an invite once joined: whether their grant still admits them, and the
 * way back in for a browser that lost its HTTP session. Reads only; {@link InviteService} is the
 * API (and opens the transactions) for these.
 */
@Component
class CandidateGrants {

    private final JdbcClient jdbc;
    private final Clock clock;

    CandidateGrants(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    InviteService.Grant grant(CandidatePrincipal candidate) {
        return jdbc.sql("""
                select s.state, i.expires_at,
                       i.candidate_grant = ? and i.revoked_at is null and i.expires_at > ? as granted
                  from panel_session s left join session_invite i on i.session_id = s.id
                 where s.id = ?""")
                .params(candidate.grant(), at(clock.instant()), candidate.sessionId())
                .query((rs, row) -> {
                    if (!rs.getBoolean("granted")) {
                        return new InviteService.Grant(CandidateAccess.REVOKED, null);
                    }
                    SessionState state = SessionState.valueOf(rs.getString("state"));
                    Instant expires = rs.getObject("expires_at", OffsetDateTime.class).toInstant();
                    return new InviteService.Grant(state == SessionState.COMPLETED || state == SessionState.CANCELLED
                            ? CandidateAccess.SESSION_ENDED : CandidateAccess.ALLOWED, expires);
                })
                .optional()
                .orElse(new InviteService.Grant(CandidateAccess.REVOKED, null));
    }

    Optional<InviteService.Return> returnTo(@Nullable String browserKey) {
        if (browserKey == null || !InviteTokens.wellFormed(browserKey)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select i.session_id, i.candidate_display_name, i.candidate_grant, s.state
                  from session_invite i join panel_session s on s.id = i.session_id
                 where i.bound_browser_hash = ? and i.candidate_grant is not null and i.revoked_at is null
                   and i.expires_at > ?
                 order by case s.state when 'LIVE' then 0 when 'SCHEDULED' then 1 else 2 end, i.bound_at desc
                 limit 1""")
                .params(InviteTokens.hash(browserKey), at(clock.instant()))
                .query((rs, row) -> {
                    SessionState state = SessionState.valueOf(rs.getString("state"));
                    var candidate = new CandidatePrincipal(rs.getLong("session_id"),
                            rs.getString("candidate_display_name"), rs.getObject("candidate_grant", UUID.class));
                    return new InviteService.Return(candidate, state == SessionState.COMPLETED || state == SessionState.CANCELLED);
                })
                .optional();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
