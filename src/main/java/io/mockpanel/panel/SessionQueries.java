package io.mockpanel.panel;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads of the session rows: one session with its members and agenda, and a user's list. No
 * access checks: {@link PanelSessionService} and the feature's other services make them first.
 */
@Component
class SessionQueries {

    private final JdbcClient jdbc;
    private final SessionMembership membership;
    private final SessionAgendas agendas;

    SessionQueries(JdbcClient jdbc, SessionMembership membership, SessionAgendas agendas) {
        this.jdbc = jdbc;
        this.membership = membership;
        this.agendas = agendas;
    }

    Optional<SessionDetails> load(long sessionId) {
        return jdbc.sql("select * from panel_session where id = ?").param(sessionId)
                .query((rs, row) -> new SessionDetails(rs.getLong("id"), rs.getString("title"),
                        rs.getString("candidate_name"), rs.getString("candidate_email"),
                        SessionState.valueOf(rs.getString("state")), rs.getString("lead_username"),
                        membership.members(sessionId), agendas.agenda(sessionId),
                        instant(rs.getObject("created_at", OffsetDateTime.class)),
                        instantOrNull(rs.getObject("started_at", OffsetDateTime.class)),
                        instantOrNull(rs.getObject("ended_at", OffsetDateTime.class)),
                        SessionScheduling.schedule(rs.getObject("starts_at", OffsetDateTime.class),
                                rs.getString("time_zone"), (Integer) rs.getObject("planned_minutes")),
                        rs.getString("meeting_url") == null ? null : new MeetingLink(rs.getString("meeting_url"))))
                .optional();
    }

    /**
     * The sessions {@code username} is on (as lead, panelist or observer), as an agenda: live, then
     * scheduled ones by start (soonest first, overdue ones first of all), then those not scheduled
     * (newest first), then past ones (the latest first).
     */
    List<SessionSummary> sessionsOf(String username) {
        return jdbc.sql("""
                select s.id, s.title, s.candidate_name, s.state, m.role, lead.display_name as lead_name,
                       (select count(*) from session_scenario sc where sc.session_id = s.id) as scenarios,
                       s.created_at, s.started_at, s.starts_at, s.time_zone, s.planned_minutes
                  from panel_session s
                  join session_member m on m.session_id = s.id and m.username = ?
                  join user_account lead on lead.username = s.lead_username
                 order by case when s.state = 'LIVE' then 0
                               when s.state = 'SCHEDULED' and s.starts_at is not null then 1
                               when s.state = 'SCHEDULED' then 2 else 3 end,
                          case when s.state = 'SCHEDULED' then s.starts_at end nulls last,
                          coalesce(s.ended_at, s.created_at) desc""")
                .param(username)
                .query((rs, row) -> new SessionSummary(rs.getLong("id"), rs.getString("title"),
                        rs.getString("candidate_name"), SessionState.valueOf(rs.getString("state")),
                        SessionRole.valueOf(rs.getString("role")), rs.getString("lead_name"), rs.getInt("scenarios"),
                        instant(rs.getObject("created_at", OffsetDateTime.class)),
                        instantOrNull(rs.getObject("started_at", OffsetDateTime.class)),
                        SessionScheduling.schedule(rs.getObject("starts_at", OffsetDateTime.class),
                                rs.getString("time_zone"), (Integer) rs.getObject("planned_minutes"))))
                .list();
    }

    private static Instant instant(OffsetDateTime time) {
        return time.toInstant();
    }

    private static @Nullable Instant instantOrNull(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
