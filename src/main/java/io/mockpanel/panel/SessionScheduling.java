package io.mockpanel.panel;

import io.mockpanel.scenario.ScenarioContent;
import io.mockpanel.security.AppRoles;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When a session starts and where its call is: the lead sets both at creation
 * ({@link PanelSessionService#create}) and changes them here; each change is one row of the
 * session's columns and one event ({@link SessionEvents.SessionScheduled},
 * {@link SessionEvents.MeetingLinkChanged}) in one transaction, so open screens catch up by
 * sequence. Members read the plan with {@link #plan}; cancelling stays {@link PanelSessionService#cancel}.
 */
@Service
@org.springframework.modulith.NamedInterface("api")
public class SessionScheduling {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SessionEventLog events;
    private final SessionMembership membership;
    private final SessionAgendas agendas;
    private final SessionInvitations invitations;

    SessionScheduling(JdbcClient jdbc, Clock clock, SessionEventLog events, SessionMembership membership,
            SessionAgendas agendas, SessionInvitations invitations) {
        this.invitations = invitations;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.membership = membership;
        this.agendas = agendas;
    }

    /** What a session is planned as: for its members, and for invitations built on it. */
    public record SessionPlan(long sessionId, String title, SessionState state, @Nullable SessionSchedule schedule,
            @Nullable MeetingLink meetingLink) {

        public Optional<SessionSchedule> scheduled() {
            return Optional.ofNullable(schedule);
        }

        public Optional<MeetingLink> call() {
            return Optional.ofNullable(meetingLink);
        }
    }

    /**
     * Sets or moves the start of a session that has not started yet; lead only. The length defaults
     * to the agenda's total.
     *
     * @throws ScheduleException naming the field that is wrong; nothing is saved then
     * @throws SessionException when the session is live or over
     */
    @PreAuthorize("hasRole('" + AppRoles.INTERVIEWER + "')")
    @Transactional
    public SessionSchedule reschedule(long sessionId, NewSchedule request) {
        membership.requireLead(sessionId);
        int agendaMinutes = agendas.agenda(sessionId).stream().mapToInt(ScenarioContent::durationMinutes).sum();
        SessionSchedule schedule = ScheduleRules.check(request, agendaMinutes, clock.instant());
        // Locks the row, so that two first schedules cannot both invite the panel.
        boolean firstStart = jdbc.sql("select starts_at is null from panel_session where id = ? for update")
                .param(sessionId).query(Boolean.class).single();
        int changed = jdbc.sql("update panel_session set starts_at = ?, time_zone = ?, planned_minutes = ? "
                        + "where id = ? and state = 'SCHEDULED'")
                .params(schedule.startsAt().atOffset(ZoneOffset.UTC), schedule.timeZone().getId(),
                        schedule.plannedMinutes(), sessionId)
                .update();
        if (changed == 0) {
            throw new SessionException("This session has already started or ended; its start can no longer move.");
        }
        events.append(sessionId, scheduled(schedule), PanelSessionService.me());
        if (firstStart) {
            // Nobody holds a calendar entry yet (a candidate's mail needs a start): invitations, not updates.
            invitations.invitePanel(sessionId);
        } else {
            invitations.rescheduled(sessionId);
        }
        return schedule;
    }

    /**
     * Sets, changes or (with a blank {@code url}) removes the call's link of a session that is not
     * over; lead only. Saving the link it already has writes nothing.
     *
     * @throws ScheduleException when the link is not a usable https address
     */
    @PreAuthorize("hasRole('" + AppRoles.INTERVIEWER + "')")
    @Transactional
    public Optional<MeetingLink> changeMeetingLink(long sessionId, @Nullable String url) {
        membership.requireLead(sessionId);
        Optional<MeetingLink> link = MeetingLink.parse(url);
        String stored = link.map(MeetingLink::url).orElse(null);
        // "is distinct from": an unchanged link is no event; the row lock also orders concurrent changes.
        int changed = jdbc.sql("update panel_session set meeting_url = ? where id = ? "
                        + "and state in ('SCHEDULED', 'LIVE') and meeting_url is distinct from ?")
                .params(stored, sessionId, stored).update();
        if (changed == 0) {
            SessionState state = jdbc.sql("select state from panel_session where id = ?").param(sessionId)
                    .query(String.class).optional().map(SessionState::valueOf).orElseThrow();
            if (state == SessionState.COMPLETED || state == SessionState.CANCELLED) {
                throw new SessionException("This session is over; its call link can no longer change.");
            }
            return link;
        }
        events.append(sessionId, new SessionEvents.MeetingLinkChanged(stored), PanelSessionService.me());
        return link;
    }

    /** The session's title, state, start and call link, for its members. */
    @PreAuthorize(PanelSessionService.MEMBERS_ROLES)
    @Transactional(readOnly = true)
    public SessionPlan plan(long sessionId) {
        membership.requireMember(sessionId);
        return jdbc.sql("select id, title, state, starts_at, time_zone, planned_minutes, meeting_url "
                        + "from panel_session where id = ?")
                .param(sessionId)
                .query((rs, row) -> new SessionPlan(rs.getLong("id"), rs.getString("title"),
                        SessionState.valueOf(rs.getString("state")),
                        schedule(rs.getObject("starts_at", java.time.OffsetDateTime.class), rs.getString("time_zone"),
                                (Integer) rs.getObject("planned_minutes")),
                        rs.getString("meeting_url") == null ? null : new MeetingLink(rs.getString("meeting_url"))))
                .single();
    }

    static SessionEvents.SessionScheduled scheduled(SessionSchedule schedule) {
        return new SessionEvents.SessionScheduled(schedule.startsAt(), schedule.timeZone().getId(),
                schedule.plannedMinutes());
    }

    /** The schedule of a session row's columns; null while it is not scheduled. */
    static @Nullable SessionSchedule schedule(java.time.@Nullable OffsetDateTime startsAt, @Nullable String timeZone,
            @Nullable Integer plannedMinutes) {
        if (startsAt == null || timeZone == null || plannedMinutes == null) {
            return null;
        }
        return new SessionSchedule(startsAt.toInstant(), java.time.ZoneId.of(timeZone), plannedMinutes);
    }
}
