package io.mockpanel.panel;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import io.mockpanel.base.DisplayText;
import io.mockpanel.base.PublicUrl;
import io.mockpanel.mail.MailOutbox;
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
    private final SessionQueries queries;
    private final SessionEventLog events;
    private final RateLimits rateLimits;
    private final SessionInvitations invitations;
    private final MailOutbox outbox;
    private final PublicUrl publicUrl;
    private final CandidateGrants grants;
    private final PanelMeters meters;

    InviteService(JdbcClient jdbc, Clock clock, InviteProperties properties, PanelSessionService sessions,
            SessionQueries queries, SessionEventLog events, RateLimits rateLimits, SessionInvitations invitations,
            MailOutbox outbox, PublicUrl publicUrl, CandidateGrants grants, PanelMeters meters) {
        this.grants = grants;
        this.meters = meters;
        this.invitations = invitations;
        this.outbox = outbox;
        this.publicUrl = publicUrl;
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.sessions = sessions;
        this.queries = queries;
        this.events = events;
        this.rateLimits = rateLimits;
    }

    /** Issues a new link (any earlier one stops working) and returns it; only the lead may. */
    @PreAuthorize(PanelSessionService.MEMBERS_ROLES)
    @Transactional
    public IssuedInvite issue(long sessionId) {
        return issue(sessionId, false);
    }

    /**
     * Issues a new link and, with {@code byMail}, queues the candidate's invitation carrying it in the
     * same transaction (the token exists only now). Refused before anything is written when the
     * session has no start or the candidate no e-mail address.
     */
    @PreAuthorize(PanelSessionService.MEMBERS_ROLES)
    @Transactional
    public IssuedInvite issue(long sessionId, boolean byMail) {
        sessions.requireLead(sessionId);
        if (byMail) {
            invitations.requireMailable(sessionId);
        }
        SessionState state = queries.load(sessionId).orElseThrow().state();
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
                    bound_browser_hash = null, bound_at = null, candidate_grant = null""")
                .params(sessionId, InviteTokens.hash(token), at(now), at(expires)).update();
        events.append(sessionId, new SessionEvents.InviteIssued(expires), PanelSessionService.me());
        IssuedInvite invite = new IssuedInvite(token, expires);
        if (byMail) {
            invitations.inviteCandidate(sessionId, java.net.URI.create(publicUrl.link(invite.path())));
        }
        return invite;
    }

    /** Ends the link: it no longer opens the room, and a candidate who joined with it is out at once. */
    @PreAuthorize(PanelSessionService.MEMBERS_ROLES)
    @Transactional
    public void revoke(long sessionId) {
        sessions.requireLead(sessionId);
        int changed = jdbc.sql("update session_invite set revoked_at = ?, candidate_grant = null "
                        + "where session_id = ? and revoked_at is null")
                .params(at(clock.instant()), sessionId).update();
        if (changed == 0) {
            throw new SessionException("There is no active invite link to revoke.");
        }
        events.append(sessionId, new SessionEvents.InviteRevoked(), PanelSessionService.me());
    }

    /**
     * Unbinds the link from the browser that used it, so the candidate can continue on another;
     * that browser is out of the room at once.
     */
    @PreAuthorize(PanelSessionService.MEMBERS_ROLES)
    @Transactional
    public void release(long sessionId) {
        sessions.requireLead(sessionId);
        int changed = jdbc.sql("update session_invite set bound_browser_hash = null, bound_at = null, "
                        + "candidate_grant = null where session_id = ? and bound_browser_hash is not null")
                .param(sessionId).update();
        if (changed == 0) {
            throw new SessionException("The invite link is not bound to any browser.");
        }
        events.append(sessionId, new SessionEvents.InviteReleased(), PanelSessionService.me());
    }

    /** Sends a failed mail of the session again; the lead's only. */
    @PreAuthorize(PanelSessionService.MEMBERS_ROLES)
    @Transactional
    public boolean retryMail(long sessionId, long mailId) {
        sessions.requireLead(sessionId);
        return outbox.retry(sessionId, mailId);
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
     * The browser gets a grant that lasts until the lead revokes, re-issues or releases the link; a
     * browser that returns keeps its grant. Throws {@link InviteRefusedException} when the link does
     * not (or no longer) work here, {@link RateLimitedException} when {@code clientAddress} joined
     * too often.
     */
    @Transactional
    public CandidatePrincipal join(String token, String browserKey, String displayName, String clientAddress) {
        String name = DisplayText.strip(displayName);
        DisplayText.problem(name, "name the panel should see", 100).ifPresent(problem -> {
            throw new SessionException(problem);
        });
        rateLimits.acquire(RateLimits.Limit.JOIN, clientAddress,
                "Too many attempts to join from your network in a short time.");
        Invite invite = find(token, true).orElse(null);
        InviteCheck verdict = invite == null ? new InviteCheck.Invalid() : verdict(invite, browserKey);
        if (invite == null || !(verdict instanceof InviteCheck.Valid)) {
            meters.joinRefused(PanelMeters.JoinRefusal.of(verdict));
            throw new InviteRefusedException(verdict);
        }
        boolean firstUse = invite.boundBrowserHash() == null;
        UUID grant = invite.grant() != null ? invite.grant() : UUID.randomUUID();
        jdbc.sql("update session_invite set bound_browser_hash = ?, bound_at = coalesce(bound_at, ?), "
                        + "candidate_display_name = ?, candidate_grant = ? where session_id = ?")
                .params(InviteTokens.hash(browserKey), at(clock.instant()), name, grant, invite.sessionId()).update();
        if (invite.grant() == null || !name.equals(invite.suggestedName())) {
            // A returning browser under the same name changes nothing the panel sees: no event.
            events.append(invite.sessionId(), new SessionEvents.CandidateJoined(name, firstUse), "candidate");
        }
        return new CandidatePrincipal(invite.sessionId(), name, grant);
    }

    /**
     * Whether a joined candidate may still be in the room: one small read, done on every candidate
     * request and whenever the room sees an invite event or the end of the session in its log.
     */
    @Transactional(readOnly = true)
    public CandidateAccess access(CandidatePrincipal candidate) {
        return grant(candidate).access();
    }

    /** The candidate's access and, while allowed, until when the link is valid. */
    @Transactional(readOnly = true)
    public Grant grant(CandidatePrincipal candidate) {
        return grants.grant(candidate);
    }

    /** A candidate's access, and the link's expiry while it admits them. */
    public record Grant(CandidateAccess access, @Nullable Instant expiresAt) {
    }

    /**
     * A browser whose candidate lost their HTTP session (the server restarted, or the session
     * expired) comes back into the room it still holds a grant for, by its HttpOnly browser key:
     * the same thing the link and that key would do together. Empty when the browser holds no
     * usable grant; {@link Return#sessionEnded()} when its session has ended since.
     */
    @Transactional(readOnly = true)
    public Optional<Return> returnTo(@Nullable String browserKey) {
        return grants.returnTo(browserKey);
    }

    /** Where a returning browser goes: back in as this candidate, or to the closing screen. */
    public record Return(CandidatePrincipal candidate, boolean sessionEnded) {
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
                select i.session_id, i.expires_at, i.revoked_at, i.bound_browser_hash, i.candidate_grant, s.state,
                       coalesce(i.candidate_display_name, s.candidate_name) as suggested_name
                  from session_invite i join panel_session s on s.id = i.session_id
                 where i.token_hash = ?""" + (lock ? " for update of i" : ""))
                .param(hash)
                .query((rs, row) -> new Invite(rs.getLong("session_id"),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant(), rs.getObject("revoked_at") != null,
                        rs.getBytes("bound_browser_hash"), rs.getObject("candidate_grant", UUID.class),
                        SessionState.valueOf(rs.getString("state")),
                        rs.getString("suggested_name")))
                .optional();
        String hashPrefix = java.util.HexFormat.of().formatHex(java.util.Arrays.copyOf(hash, 4));
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
            @Nullable UUID grant, SessionState state, String suggestedName) {
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
