package io.mockpanel.panel;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The candidate's invite link: the lead issues, revokes, re-issues and releases it; a candidate
 * opens it without an account. The token is the credential, so the candidate-side methods carry
 * no role check: they answer nothing but "valid" (with the session's own candidate name), "in use
 * elsewhere" or "invalid" — the same "invalid" for unknown, malformed, expired, revoked or ended.
 */
@Service
public class InviteService {

    private static final Logger log = LoggerFactory.getLogger(InviteService.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final InviteProperties properties;
    private final PanelSessionService sessions;
    private final SessionEventLog events;

    InviteService(JdbcClient jdbc, Clock clock, InviteProperties properties, PanelSessionService sessions,
            SessionEventLog events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.sessions = sessions;
        this.events = events;
    }

    /** Issues a new link (any earlier one stops working) and returns it; only the lead may. */
    @PreAuthorize(PanelSessionService.MEMBERS_ROLES)
    @Transactional
    public IssuedInvite issue(long sessionId) {
        sessions.requireLead(sessionId);
        SessionState state = sessions.load(sessionId).orElseThrow().state();
        if (state == SessionState.COMPLETED || state == SessionState.CANCELLED) {
            throw new SessionException("This session has ended; there is nobody to invite any more.");
        }
        String token = InviteTokens.newToken();
        Instant now = clock.instant();
        Instant expires = now.plus(properties.validity());
        jdbc.sql("""
                insert into session_invite (session_id, token_hash, issued_at, expires_at)
                values (?, ?, ?, ?)
                on conflict (session_id) do update set token_hash = excluded.token_hash,
                    issued_at = excluded.issued_at, expires_at = excluded.expires_at, revoked_at = null,
                    bound_browser_hash = null, bound_at = null""")
                .params(sessionId, InviteTokens.hash(token), at(now), at(expires)).update();
        events.append(sessionId, EventTypes.INVITE_ISSUED, Map.of("expiresAt", expires.toString()),
                PanelSessionService.me());
        return new IssuedInvite(token, expires);
    }

    @PreAuthorize(PanelSessionService.MEMBERS_ROLES)
    @Transactional
    public void revoke(long sessionId) {
        sessions.requireLead(sessionId);
        int changed = jdbc.sql("update session_invite set revoked_at = ? where session_id = ? and revoked_at is null")
                .params(at(clock.instant()), sessionId).update();
        if (changed == 0) {
            throw new SessionException("There is no active invite link to revoke.");
        }
        events.append(sessionId, EventTypes.INVITE_REVOKED, Map.of(), PanelSessionService.me());
    }

    /** Unbinds the link from the browser that used it, so the candidate can continue on another. */
    @PreAuthorize(PanelSessionService.MEMBERS_ROLES)
    @Transactional
    public void release(long sessionId) {
        sessions.requireLead(sessionId);
        int changed = jdbc.sql("update session_invite set bound_browser_hash = null, bound_at = null "
                        + "where session_id = ? and bound_browser_hash is not null")
                .param(sessionId).update();
        if (changed == 0) {
            throw new SessionException("The invite link is not bound to any browser.");
        }
        events.append(sessionId, EventTypes.INVITE_RELEASED, Map.of(), PanelSessionService.me());
    }

    @PreAuthorize(PanelSessionService.MEMBERS_ROLES)
    @Transactional(readOnly = true)
    public InviteStatus status(long sessionId) {
        sessions.requireMember(sessionId);
        Instant now = clock.instant();
        return jdbc.sql("select expires_at, revoked_at, bound_browser_hash is not null as bound, "
                        + "candidate_display_name from session_invite where session_id = ?")
                .param(sessionId)
                .query((rs, row) -> {
                    Instant expires = rs.getObject("expires_at", OffsetDateTime.class).toInstant();
                    return new InviteStatus(true, expires, rs.getObject("revoked_at") != null, !expires.isAfter(now),
                            rs.getBoolean("bound"), rs.getString("candidate_display_name"));
                })
                .optional()
                .orElse(new InviteStatus(false, null, false, false, false, null));
    }

    /** What opening the link finds, for this browser (its key may be null on a first visit). */
    @Transactional(readOnly = true)
    public InviteCheck check(String token, @Nullable String browserKey) {
        return find(token, false).map(invite -> verdict(invite, browserKey)).orElseGet(InviteCheck.Invalid::new);
    }

    /**
     * Joins with the link: binds it to this browser on first use and records the candidate's name.
     * Throws {@link InviteRefusedException} when the link does not (or no longer) work here.
     */
    @Transactional
    public CandidatePrincipal join(String token, String browserKey, String displayName) {
        String name = displayName.strip();
        if (name.isEmpty() || name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
            throw new SessionException("Enter the name the panel should see: 1 to 100 characters.");
        }
        Invite invite = find(token, true).orElseThrow(() -> new InviteRefusedException(new InviteCheck.Invalid()));
        InviteCheck verdict = verdict(invite, browserKey);
        if (!(verdict instanceof InviteCheck.Valid)) {
            throw new InviteRefusedException(verdict);
        }
        boolean firstUse = invite.boundBrowserHash() == null;
        jdbc.sql("update session_invite set bound_browser_hash = ?, bound_at = coalesce(bound_at, ?), "
                        + "candidate_display_name = ? where session_id = ?")
                .params(InviteTokens.hash(browserKey), at(clock.instant()), name, invite.sessionId()).update();
        events.append(invite.sessionId(), EventTypes.CANDIDATE_JOINED,
                Map.of("name", name, "firstUse", firstUse), "candidate");
        return new CandidatePrincipal(invite.sessionId(), name);
    }

    /** A new random key for the browser-binding cookie. */
    public static String newBrowserKey() {
        return InviteTokens.newToken();
    }

    private InviteCheck verdict(Invite invite, @Nullable String browserKey) {
        if (invite.boundBrowserHash() == null) {
            return new InviteCheck.Valid(invite.sessionId(), invite.suggestedName(), false);
        }
        if (browserKey != null && InviteTokens.wellFormed(browserKey)
                && java.security.MessageDigest.isEqual(invite.boundBrowserHash(), InviteTokens.hash(browserKey))) {
            return new InviteCheck.Valid(invite.sessionId(), invite.suggestedName(), true);
        }
        return new InviteCheck.InUseElsewhere();
    }

    /** The usable invite behind a token, or empty; the reason for refusing goes to the log only. */
    private Optional<Invite> find(String token, boolean lock) {
        if (!InviteTokens.wellFormed(token)) {
            log.info("Invite link refused: malformed token");
            return Optional.empty();
        }
        byte[] hash = InviteTokens.hash(token);
        Optional<Invite> found = jdbc.sql("""
                select i.session_id, i.expires_at, i.revoked_at, i.bound_browser_hash, s.state,
                       coalesce(i.candidate_display_name, s.candidate_name) as suggested_name
                  from session_invite i join panel_session s on s.id = i.session_id
                 where i.token_hash = ?""" + (lock ? " for update of i" : ""))
                .param(hash)
                .query((rs, row) -> new Invite(rs.getLong("session_id"),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant(), rs.getObject("revoked_at") != null,
                        rs.getBytes("bound_browser_hash"), SessionState.valueOf(rs.getString("state")),
                        rs.getString("suggested_name")))
                .optional();
        String hashPrefix = HexFormat.of().formatHex(Arrays.copyOf(hash, 4));
        if (found.isEmpty()) {
            log.info("Invite link refused: unknown token {}", hashPrefix);
            return Optional.empty();
        }
        Invite invite = found.get();
        String reason = invite.revoked() ? "revoked"
                : !invite.expiresAt().isAfter(clock.instant()) ? "expired"
                : invite.state() == SessionState.COMPLETED || invite.state() == SessionState.CANCELLED ? "session ended"
                : null;
        if (reason != null) {
            log.info("Invite link refused: {} (session {}, token {})", reason, invite.sessionId(), hashPrefix);
            return Optional.empty();
        }
        return found;
    }

    private record Invite(long sessionId, Instant expiresAt, boolean revoked, byte @Nullable [] boundBrowserHash,
            SessionState state, String suggestedName) {
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
