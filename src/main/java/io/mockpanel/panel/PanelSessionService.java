package io.mockpanel.panel;

import io.mockpanel.base.DisplayText;
import io.mockpanel.scenario.ScenarioContent;
import io.mockpanel.scenario.ScenarioService;
import io.mockpanel.security.AppRoles;
import io.mockpanel.security.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Setting up and running sessions: the API of the panel feature's session life cycle. Only
 * members see a session; only its lead starts, ends or cancels it. The reads and role checks live
 * in {@link SessionMembership}, {@link SessionQueries} and {@link SessionAgendas}, unsecured; this
 * class is where they are secured for everyone else.
 */
@Service
@org.springframework.modulith.NamedInterface("api")
public class PanelSessionService {

    static final String MEMBERS_ROLES = "hasAnyRole('" + AppRoles.INTERVIEWER + "','" + AppRoles.COACH + "')";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final int MAX_AGENDA = 12;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final ScenarioService scenarios;
    private final SessionEventLog events;
    private final CandidateRecords candidates;
    private final SessionMembership membership;
    private final SessionAgendas agendas;
    private final SessionQueries queries;
    private final SessionInvitations invitations;

    PanelSessionService(JdbcClient jdbc, JsonMapper json, Clock clock, ScenarioService scenarios,
            SessionEventLog events, CandidateRecords candidates, SessionMembership membership,
            SessionAgendas agendas, SessionQueries queries, SessionInvitations invitations) {
        this.invitations = invitations;
        this.candidates = candidates;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.scenarios = scenarios;
        this.events = events;
        this.membership = membership;
        this.agendas = agendas;
        this.queries = queries;
    }

    /**
     * Creates a session led by the current interviewer, with a snapshot of each scenario, and, when
     * given, its start and its call link (checked first: a bad one creates nothing).
     */
    @PreAuthorize("hasRole('" + AppRoles.INTERVIEWER + "')")
    @Transactional
    public long create(NewSession request) {
        String lead = me();
        String title = required(request.title(), "title", 200);
        String candidate = required(request.candidateName(), "candidate's name", 100);
        String email = request.candidateEmail() == null || request.candidateEmail().isBlank()
                ? null : request.candidateEmail().strip();
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            throw new SessionException("\"" + email + "\" is not an email address; leave it empty or write it "
                    + "like name@example.com.");
        }
        if (request.scenarioIds().isEmpty()) {
            throw new SessionException("Add at least one scenario to the agenda.");
        }
        if (request.scenarioIds().size() > MAX_AGENDA) {
            throw new SessionException("An agenda holds at most " + MAX_AGENDA + " scenarios.");
        }
        List<ScenarioContent> agenda = new ArrayList<>();
        for (long scenarioId : request.scenarioIds()) {
            agenda.add(scenarios.find(scenarioId)
                    .orElseThrow(() -> new SessionException("A chosen scenario is no longer in the library; "
                            + "pick the agenda again."))
                    .content());
        }
        // Checked before anything is written, so that a bad start or link saves nothing.
        Instant now = clock.instant();
        SessionSchedule schedule = request.schedule() == null ? null
                : ScheduleRules.check(request.schedule(), agenda.stream().mapToInt(ScenarioContent::durationMinutes)
                        .sum(), now);
        MeetingLink meetingLink = MeetingLink.parse(request.meetingUrl()).orElse(null);
        var panelists = new LinkedHashSet<>(request.panelists());
        panelists.remove(lead);
        var observers = new LinkedHashSet<>(request.observers());
        checkActive(panelists, "INTERVIEWER", "a co-panelist");
        checkActive(observers, "COACH", "an observing coach");

        long person = candidates.forSession(candidate, email, now);
        long id = jdbc.sql("insert into panel_session (title, candidate_name, candidate_email, candidate_id, "
                        + "lead_username, state, created_at, starts_at, time_zone, planned_minutes, meeting_url) "
                        + "values (?, ?, ?, ?, ?, 'SCHEDULED', ?, ?, ?, ?, ?) returning id")
                .params(title, candidate, email, person, lead, at(now),
                        schedule == null ? null : at(schedule.startsAt()),
                        schedule == null ? null : schedule.timeZone().getId(),
                        schedule == null ? null : schedule.plannedMinutes(),
                        meetingLink == null ? null : meetingLink.url())
                .query(Long.class).single();
        addMember(id, lead, SessionRole.LEAD);
        panelists.forEach(username -> addMember(id, username, SessionRole.PANELIST));
        observers.forEach(username -> addMember(id, username, SessionRole.OBSERVER));
        for (int position = 0; position < agenda.size(); position++) {
            jdbc.sql("insert into session_scenario (session_id, position, source_scenario_id, content) "
                            + "values (?, ?, ?, cast(? as jsonb))")
                    .params(id, position, request.scenarioIds().get(position),
                            json.writeValueAsString(agenda.get(position)))
                    .update();
        }
        events.append(id, new SessionEvents.SessionCreated(title), lead);
        if (schedule != null) {
            events.append(id, SessionScheduling.scheduled(schedule), lead);
            invitations.invitePanel(id);
        }
        if (meetingLink != null) {
            events.append(id, new SessionEvents.MeetingLinkChanged(meetingLink.url()), lead);
        }
        return id;
    }

    /** The current user's sessions (as lead, panelist or observer), newest first. */
    @PreAuthorize(MEMBERS_ROLES)
    @Transactional(readOnly = true)
    public List<SessionSummary> mySessions() {
        return queries.sessionsOf(me());
    }

    /** The whole session, for its members only. */
    @PreAuthorize(MEMBERS_ROLES)
    @Transactional(readOnly = true)
    public SessionDetails find(long sessionId) {
        membership.requireMember(sessionId);
        return queries.load(sessionId).orElseThrow();
    }

    @PreAuthorize("hasRole('" + AppRoles.INTERVIEWER + "')")
    @Transactional
    public void start(long sessionId) {
        transition(sessionId, SessionState.SCHEDULED, SessionState.LIVE, new SessionEvents.SessionStarted(),
                "Only a scheduled session can be started.");
    }

    @PreAuthorize("hasRole('" + AppRoles.INTERVIEWER + "')")
    @Transactional
    public void end(long sessionId) {
        transition(sessionId, SessionState.LIVE, SessionState.COMPLETED, new SessionEvents.SessionEnded(),
                "Only a live session can be ended.");
    }

    @PreAuthorize("hasRole('" + AppRoles.INTERVIEWER + "')")
    @Transactional
    public void cancel(long sessionId) {
        membership.requireLead(sessionId);
        int changed = jdbc.sql("update panel_session set state = 'CANCELLED', ended_at = ? "
                        + "where id = ? and state in ('SCHEDULED', 'LIVE')")
                .params(at(clock.instant()), sessionId).update();
        if (changed == 0) {
            throw new SessionException("This session has already ended; it cannot be cancelled.");
        }
        events.append(sessionId, new SessionEvents.SessionCancelled(), me());
        invitations.cancelled(sessionId);
    }

    /** The member's role in the session, if the current user is a member. */
    @PreAuthorize(MEMBERS_ROLES)
    @Transactional(readOnly = true)
    public Optional<SessionRole> myRole(long sessionId) {
        return membership.roleOf(sessionId, me());
    }

    /**
     * The current user's role in the session; refuses anyone who is not on it. Other features
     * (scoring, notes) call this before touching a session's data.
     */
    @PreAuthorize(MEMBERS_ROLES)
    @Transactional(readOnly = true)
    public SessionRole requireMember(long sessionId) {
        return membership.requireMember(sessionId);
    }

    /** Refuses anyone but the session's lead. */
    @PreAuthorize(MEMBERS_ROLES)
    @Transactional(readOnly = true)
    public void requireLead(long sessionId) {
        membership.requireLead(sessionId);
    }

    /** Refuses observers: only the lead and panelists act on a session (push, note, score). */
    @PreAuthorize(MEMBERS_ROLES)
    @Transactional(readOnly = true)
    public SessionRole requirePanelist(long sessionId) {
        return membership.requirePanelist(sessionId);
    }

    /** The agenda snapshot, for members. */
    @PreAuthorize(MEMBERS_ROLES)
    @Transactional(readOnly = true)
    public List<ScenarioContent> agendaOf(long sessionId) {
        membership.requireMember(sessionId);
        return agendas.agenda(sessionId);
    }

    /**
     * The agenda snapshot for a coach or an admin, member or not: they may look at every session
     * (review's access rule), so the role is the check. Empty for a session that does not exist.
     */
    @PreAuthorize("hasAnyRole('" + AppRoles.COACH + "','" + AppRoles.ADMIN + "')")
    @Transactional(readOnly = true)
    public List<ScenarioContent> agendaForCoaches(long sessionId) {
        return agendas.agenda(sessionId);
    }

    /** The signed-in user, for this feature's services; refuses a call without one. */
    static String me() {
        return CurrentUser.username().orElseThrow(() -> new AccessDeniedException("not signed in"));
    }

    // --- internals ---------------------------------------------------------------------------------

    private void transition(long sessionId, SessionState from, SessionState to, SessionEvents.Payload event,
            String refusal) {
        membership.requireLead(sessionId);
        String timeColumn = to == SessionState.LIVE ? "started_at" : "ended_at";
        int changed = jdbc.sql("update panel_session set state = ?, " + timeColumn + " = ? where id = ? and state = ?")
                .params(to.name(), at(clock.instant()), sessionId, from.name()).update();
        if (changed == 0) {
            throw new SessionException(refusal);
        }
        events.append(sessionId, event, me());
    }

    private void checkActive(java.util.Collection<String> usernames, String role, String what) {
        for (String username : usernames) {
            boolean ok = jdbc.sql("select exists (select 1 from user_account where username = ? and role = ? "
                            + "and enabled)")
                    .params(username, role).query(Boolean.class).single();
            if (!ok) {
                throw new SessionException("\"" + username + "\" cannot be " + what + ": there is no active "
                        + role.toLowerCase() + " account with that name.");
            }
        }
    }

    private void addMember(long sessionId, String username, SessionRole role) {
        jdbc.sql("insert into session_member (session_id, username, role) values (?, ?, ?)")
                .params(sessionId, username, role.name()).update();
    }

    private static String required(@Nullable String value, String what, int max) {
        String stripped = DisplayText.strip(value == null ? "" : value);
        DisplayText.problem(stripped, what, max).ifPresent(problem -> {
            throw new SessionException(problem);
        });
        return stripped;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
