package io.mockpanel.panel;

import io.mockpanel.scenario.GuidanceList;
import io.mockpanel.scenario.ScenarioContent;
import io.mockpanel.scenario.ScenarioService;
import io.mockpanel.security.AppRoles;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The candidate's side of a session. The candidate's session comes from their principal, never
 * from a parameter, and the screen is built on the server from pushed items only: content that
 * was not pushed never leaves the server. Access follows the invite: every request checks the
 * principal's grant against it, and a room that reads an invite event or the end of the session
 * in the log checks again, so a revoked candidate is out with the next wake-up.
 */
@Service
@PreAuthorize("hasRole('" + AppRoles.CANDIDATE + "')")
@org.springframework.modulith.NamedInterface("api")
public class CandidateRoomService {

    /** Events after which the room checks whether its candidate may stay. */
    private static final Set<Class<? extends SessionEvents.Payload>> ACCESS_EVENTS = Set.of(
            SessionEvents.InviteIssued.class, SessionEvents.InviteRevoked.class, SessionEvents.InviteReleased.class);

    private final SessionAgendas agendas;
    private final SessionQueries queries;
    private final SessionTimeline timeline;
    private final SessionEventLog events;
    private final ScenarioService scenarios;
    private final InviteService invites;
    private final RateLimits rateLimits;
    private final Clock clock;
    private final PanelMeters meters;
    private final CandidateZones zones;

    CandidateRoomService(SessionAgendas agendas, SessionQueries queries, SessionTimeline timeline,
            SessionEventLog events, ScenarioService scenarios, InviteService invites, RateLimits rateLimits,
            Clock clock, PanelMeters meters, CandidateZones zones) {
        this.meters = meters;
        this.zones = zones;
        this.agendas = agendas;
        this.queries = queries;
        this.timeline = timeline;
        this.events = events;
        this.scenarios = scenarios;
        this.invites = invites;
        this.rateLimits = rateLimits;
        this.clock = clock;
    }

    /** The session this candidate's link opened. */
    public long sessionId() {
        return me().sessionId();
    }

    /** What the candidate sees now, read from scratch (the room keeps a {@link CandidateRoom} instead). */
    @Transactional(readOnly = true)
    public CandidateScreen screen() {
        return screen(open());
    }

    /**
     * The candidate's session state to keep in the room; {@link #screen(CandidateRoom)} brings it
     * up to date with one read of the new events, so a push costs the room one small query.
     *
     * @throws RoomClosedException when the link no longer admits this browser, or the session ended
     */
    @Transactional(readOnly = true)
    public CandidateRoom open() {
        CandidatePrincipal me = me();
        InviteService.Grant grant = invites.grant(me);
        if (grant.access() != CandidateAccess.ALLOWED) {
            throw new RoomClosedException(grant.access());
        }
        return new CandidateRoom(me, agendas.agenda(me.sessionId()),
                timeline.followWithoutAccessCheck(me.sessionId()), grant.expiresAt());
    }

    /**
     * What the candidate sees now. A session that ended shows its end (the room closes calmly);
     * an invite event in the new events makes the room check its access.
     *
     * @throws RoomClosedException when the link no longer admits this browser
     */
    @Transactional(readOnly = true)
    public CandidateScreen screen(CandidateRoom room) {
        CandidatePrincipal me = me();
        if (!room.candidate().equals(me)) {
            throw new AccessDeniedException("a candidate's link opens one session only");
        }
        List<SessionEvent> fresh = room.cursor().advance();
        if (fresh.stream().anyMatch(event -> ACCESS_EVENTS.stream().anyMatch(event::is))
                && invites.access(me) == CandidateAccess.REVOKED) {
            throw new RoomClosedException(CandidateAccess.REVOKED);
        }
        CandidateScreen screen = CandidateScreen.build(me.displayName(), room.agenda(), room.live(), clock.instant());
        // Inside the room's UI access, right before it redraws: the push latency's end (decision 0042).
        meters.applied(PanelMeters.Screen.ROOM, fresh);
        return screen;
    }

    /**
     * Checks the grant again once the link's validity has run out (an expiry writes no event); until
     * then it costs nothing.
     */
    @Transactional(readOnly = true)
    public CandidateAccess access(CandidateRoom room) {
        Instant expires = room.linkExpiresAt();
        if (expires != null && clock.instant().isBefore(expires)) {
            return CandidateAccess.ALLOWED;
        }
        return invites.access(me());
    }

    /** What the room keeps between updates; opaque to the view. */
    public record CandidateRoom(CandidatePrincipal candidate, List<ScenarioContent> agenda, SessionCursor cursor,
            @Nullable Instant linkExpiresAt) {

        LiveSession live() {
            return cursor.live();
        }
    }

    /**
     * The signed-in candidate's session once it is completed, while their link still admits their
     * browser (not revoked, replaced, released or expired): what a candidate may look back on, e.g.
     * to assess themselves. Empty for a running or cancelled session and for a link that ended.
     */
    @Transactional(readOnly = true)
    public OptionalLong completedSession() {
        CandidatePrincipal me = me();
        if (invites.access(me) != CandidateAccess.SESSION_ENDED) {
            return OptionalLong.empty();
        }
        return queries.load(me.sessionId()).filter(s -> s.state() == SessionState.COMPLETED)
                .map(s -> OptionalLong.of(s.id())).orElseGet(OptionalLong::empty);
    }

    /** The STAR response framework from the library's guidance, as an aid. */
    public Optional<GuidanceList> starFramework() {
        return scenarios.responseFramework();
    }

    /**
     * Signals the panel that the candidate would like a question clarified. Limited, so that a
     * candidate (or a script in their browser) cannot flood every console with requests.
     */
    @Transactional
    public void requestClarification() {
        CandidatePrincipal me = me();
        requireAccess(me);
        SessionDetails session = queries.load(me.sessionId()).orElseThrow();
        if (session.state() != SessionState.LIVE) {
            throw new SessionException("The session is not running right now.");
        }
        rateLimits.acquire(RateLimits.Limit.CLARIFICATION, Long.toString(me.sessionId()),
                "The panel already has your request for a clarification.");
        LiveSession live = timeline.loadWithoutAccessCheck(me.sessionId());
        String prompt = live.current().map(ref -> ref.label(session.agenda())).orElse("");
        events.append(me.sessionId(), new SessionEvents.ClarificationRequested(me.displayName(), prompt),
                "candidate");
    }

    /**
     * Records the time zone the candidate's browser names, so that later mails to them give the
     * time in it (decision 0045). An id that is not a known IANA region is ignored, as is a browser
     * the link no longer admits; the same zone again writes nothing.
     */
    @Transactional
    public void rememberZone(@Nullable String zoneId) {
        CandidatePrincipal me = me();
        Optional<java.time.ZoneId> zone = CandidateZones.known(zoneId);
        if (zone.isPresent() && invites.access(me) == CandidateAccess.ALLOWED) {
            zones.remember(me.sessionId(), zone.get());
        }
    }

    private void requireAccess(CandidatePrincipal me) {
        CandidateAccess access = invites.access(me);
        if (access != CandidateAccess.ALLOWED) {
            throw new RoomClosedException(access);
        }
    }

    private static CandidatePrincipal me() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CandidatePrincipal candidate) {
            return candidate;
        }
        throw new AccessDeniedException("not a candidate");
    }
}
