package io.mockpanel.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mockpanel.scenario.ScenarioContent;
import io.mockpanel.scenario.ScenarioFilter;
import io.mockpanel.scenario.ScenarioService;
import io.mockpanel.scenario.ScenarioSummary;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Scheduling a session and its call link: checked before anything is saved, lead only, and every
 * change one event in the log (issue 10, decision 0037).
 */
@IntegrationTest
class SessionSchedulingTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    PanelSessionService sessions;

    @Autowired
    SessionScheduling scheduling;

    @Autowired
    ScenarioService scenarios;

    @Autowired
    SessionEventLog log;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestPanel testPanel;

    private TestPanel.Panel panel;
    private List<Long> seedIds;

    @BeforeEach
    void createPanel() {
        panel = testPanel.scheduled();
        TestUsers.signIn(panel.lead(), "INTERVIEWER");
        seedIds = scenarios.search(ScenarioFilter.ALL).stream().limit(2).map(ScenarioSummary::id).toList();
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    /** Tomorrow at 15:00 in Berlin, as the lead picks it. */
    private static LocalDateTime tomorrowAtThree() {
        return LocalDateTime.now(BERLIN).plusDays(1).withHour(15).withMinute(0).withSecond(0).withNano(0);
    }

    private NewSession withSchedule(String title, NewSchedule schedule, String meetingUrl) {
        return new NewSession(title, "Robin Candidate", null, seedIds, List.of(), List.of(), schedule, meetingUrl);
    }

    private long sessionsTitled(String title) {
        return jdbc.sql("select count(*) from panel_session where title = ?").param(title).query(Long.class).single();
    }

    private List<String> types(long sessionId) {
        return log.after(sessionId, 0).stream().map(SessionEvent::type).toList();
    }

    private int agendaMinutes(long sessionId) {
        return sessions.agendaOf(sessionId).stream().mapToInt(ScenarioContent::durationMinutes).sum();
    }

    @Test
    void a_session_created_with_a_start_and_a_link_stores_both_and_logs_them_after_its_creation() {
        long id = sessions.create(withSchedule("Scheduled panel", new NewSchedule(tomorrowAtThree(), "Europe/Berlin",
                90), " https://us02web.zoom.us/j/123456789?pwd=abc "));

        SessionDetails created = sessions.find(id);
        assertThat(created.schedule()).isEqualTo(new SessionSchedule(
                tomorrowAtThree().atZone(BERLIN).toInstant(), BERLIN, 90));
        assertThat(created.meetingLink()).isEqualTo(new MeetingLink("https://us02web.zoom.us/j/123456789?pwd=abc"));
        assertThat(created.meetingLink().label()).isEqualTo("Zoom");
        assertThat(types(id)).containsExactly("SESSION_CREATED", "SESSION_SCHEDULED", "MEETING_LINK_CHANGED");
        LiveSession live = replay(id);
        assertThat(live.schedule()).contains(created.schedule());
        assertThat(live.meetingLink()).contains(created.meetingLink());
        assertThat(scheduling.plan(id)).isEqualTo(new SessionScheduling.SessionPlan(id, "Scheduled panel",
                SessionState.SCHEDULED, created.schedule(), created.meetingLink()));
    }

    private LiveSession replay(long id) {
        var live = new LiveSession(id, sessions.agendaOf(id).stream().map(ScenarioContent::durationMinutes).toList());
        live.apply(log.after(id, 0));
        return live;
    }

    @Test
    void the_planned_length_defaults_to_the_agendas_total_and_a_session_without_a_start_is_not_scheduled() {
        long id = sessions.create(withSchedule("Default length", new NewSchedule(tomorrowAtThree(), "Europe/Berlin",
                null), ""));
        long unscheduled = sessions.create(new NewSession("Later", "Robin", null, seedIds, List.of(), List.of()));

        assertThat(sessions.find(id).schedule().plannedMinutes()).isEqualTo(Math.clamp(agendaMinutes(id), 5, 480));
        assertThat(sessions.find(id).meetingLink()).isNull();
        assertThat(sessions.find(unscheduled).schedule()).isNull();
        assertThat(types(unscheduled)).containsExactly("SESSION_CREATED");
    }

    @Test
    void bad_input_names_its_field_and_saves_nothing() {
        record Case(NewSchedule schedule, String url, ScheduleException.Field field, String message) {
        }
        LocalDateTime pastByAnHour = LocalDateTime.now(BERLIN).minusHours(1);
        List<Case> cases = List.of(
                new Case(new NewSchedule(pastByAnHour, "Europe/Berlin", 60), "", ScheduleException.Field.START,
                        "This start is in the past; pick a date and time from now on."),
                new Case(new NewSchedule(null, "Europe/Berlin", 60), "", ScheduleException.Field.START,
                        "Pick the date and time the session starts."),
                new Case(new NewSchedule(tomorrowAtThree().plusYears(3), "Europe/Berlin", 60), "",
                        ScheduleException.Field.START, "Pick a start within the next two years."),
                new Case(new NewSchedule(tomorrowAtThree(), "Mars/Olympus_Mons", 60), "",
                        ScheduleException.Field.TIME_ZONE,
                        "\"Mars/Olympus_Mons\" is not a time zone; pick one from the list, e.g. Europe/Berlin."),
                new Case(new NewSchedule(tomorrowAtThree(), "+02:00", 60), "", ScheduleException.Field.TIME_ZONE,
                        "\"+02:00\" is not a time zone; pick one from the list, e.g. Europe/Berlin."),
                new Case(new NewSchedule(tomorrowAtThree(), "", 60), "", ScheduleException.Field.TIME_ZONE,
                        "Pick the time zone the start is in."),
                new Case(new NewSchedule(tomorrowAtThree(), "Europe/Berlin", 4), "",
                        ScheduleException.Field.PLANNED_MINUTES, "A session is planned for 5 to 480 minutes."),
                new Case(new NewSchedule(tomorrowAtThree(), "Europe/Berlin", 481), "",
                        ScheduleException.Field.PLANNED_MINUTES, "A session is planned for 5 to 480 minutes."),
                new Case(new NewSchedule(tomorrowAtThree(), "Europe/Berlin", 60), "http://zoom.us/j/1",
                        ScheduleException.Field.MEETING_URL, "A meeting link must start with https:// (a secure address)."));
        for (Case c : cases) {
            String title = "Refused " + System.nanoTime();
            assertThatThrownBy(() -> sessions.create(withSchedule(title, c.schedule(), c.url())))
                    .as(c.toString()).isInstanceOfSatisfying(ScheduleException.class, e -> {
                        assertThat(e.field()).isEqualTo(c.field());
                        assertThat(e.getMessage()).isEqualTo(c.message());
                    });
            assertThat(sessionsTitled(title)).as(c.toString()).isZero();
        }
    }

    @Test
    void a_start_a_few_minutes_ago_is_accepted_and_one_longer_ago_is_not() {
        LocalDateTime threeMinutesAgo = LocalDateTime.now(BERLIN).minusMinutes(3);
        long id = sessions.create(withSchedule("Just now", new NewSchedule(threeMinutesAgo, "Europe/Berlin", 60), ""));
        assertThat(sessions.find(id).schedule().startsAt())
                .isEqualTo(threeMinutesAgo.atZone(BERLIN).toInstant().truncatedTo(ChronoUnit.MINUTES));

        assertThatThrownBy(() -> scheduling.reschedule(id, new NewSchedule(LocalDateTime.now(BERLIN).minusMinutes(6),
                "Europe/Berlin", 60))).isInstanceOf(ScheduleException.class);
    }

    @Test
    void meeting_links_are_https_addresses_without_tricks() {
        assertThat(MeetingLink.parse("https://meet.google.com/abc-defg-hij").orElseThrow().label())
                .isEqualTo("Google Meet");
        assertThat(MeetingLink.parse("https://teams.microsoft.com/l/meetup-join/19%3ameeting").orElseThrow().label())
                .isEqualTo("Microsoft Teams");
        assertThat(MeetingLink.parse("https://zoom.us/j/1").orElseThrow().label()).isEqualTo("Zoom");
        assertThat(MeetingLink.parse("https://whereby.com/panel").orElseThrow().label()).isEqualTo("whereby.com");
        assertThat(MeetingLink.parse("https://notzoom.us/j/1").orElseThrow().label()).isEqualTo("notzoom.us");
        assertThat(MeetingLink.parse("HTTPS://Zoom.US/j/1").orElseThrow().label()).isEqualTo("Zoom");
        assertThat(MeetingLink.parse("   ")).isEmpty();
        assertThat(MeetingLink.parse(null)).isEmpty();
        for (String bad : List.of("javascript:alert(1)", "http://zoom.us/j/1", "zoom.us/j/1", "https://",
                "https://zoom.us@evil.example/j/1", "https://zoom.us/j/1 2", "https://zoom.us/j/1\u0000",
                "https://zoom.us/j/\u202e1", "https://zoom.us/j/\n1", "ftp://zoom.us/j/1",
                "https://zoom.us/" + "a".repeat(MeetingLink.MAX_LENGTH))) {
            assertThatThrownBy(() -> MeetingLink.parse(bad)).as(bad).isInstanceOfSatisfying(ScheduleException.class,
                    e -> assertThat(e.field()).isEqualTo(ScheduleException.Field.MEETING_URL));
        }
    }

    @Test
    void the_lead_reschedules_and_every_change_is_one_event() {
        long id = panel.sessionId();
        SessionSchedule first = scheduling.reschedule(id, new NewSchedule(tomorrowAtThree(), "Europe/Berlin", 60));
        SessionSchedule moved = scheduling.reschedule(id, new NewSchedule(tomorrowAtThree().plusHours(2),
                "America/New_York", 45));

        assertThat(moved.startsAt()).isEqualTo(tomorrowAtThree().plusHours(2).atZone(ZoneId.of("America/New_York"))
                .toInstant());
        assertThat(sessions.find(id).schedule()).isEqualTo(moved);
        List<SessionEvents.SessionScheduled> logged = log.after(id, 0).stream()
                .filter(e -> e.is(SessionEvents.SessionScheduled.class))
                .map(e -> e.decode(SessionEvents.SessionScheduled.class)).toList();
        assertThat(logged).containsExactly(
                new SessionEvents.SessionScheduled(first.startsAt(), "Europe/Berlin", 60),
                new SessionEvents.SessionScheduled(moved.startsAt(), "America/New_York", 45));
        assertThat(log.after(id, 0).getLast().actor()).isEqualTo(panel.lead());
    }

    @Test
    void a_refused_reschedule_keeps_the_schedule_and_writes_no_event() {
        long id = panel.sessionId();
        SessionSchedule kept = scheduling.reschedule(id, new NewSchedule(tomorrowAtThree(), "Europe/Berlin", 60));
        long seq = log.lastSeq(id);

        assertThatThrownBy(() -> scheduling.reschedule(id, new NewSchedule(tomorrowAtThree(), "Europe/Berlin", 0)))
                .isInstanceOf(ScheduleException.class);

        assertThat(sessions.find(id).schedule()).isEqualTo(kept);
        assertThat(log.lastSeq(id)).isEqualTo(seq);
    }

    @Test
    void only_the_lead_changes_the_start_or_the_link_and_only_members_read_the_plan() {
        long id = panel.sessionId();
        NewSchedule schedule = new NewSchedule(tomorrowAtThree(), "Europe/Berlin", 60);
        TestUsers.signIn(panel.panelist(), "INTERVIEWER");
        assertThatThrownBy(() -> scheduling.reschedule(id, schedule)).isInstanceOf(SessionException.class)
                .hasMessage("Only the lead interviewer can do this.");
        assertThatThrownBy(() -> scheduling.changeMeetingLink(id, "https://zoom.us/j/1"))
                .isInstanceOf(SessionException.class).hasMessage("Only the lead interviewer can do this.");
        assertThat(scheduling.plan(id).title()).startsWith("Test panel");
        TestUsers.signIn(panel.coach(), "COACH");
        assertThatThrownBy(() -> scheduling.reschedule(id, schedule)).isInstanceOf(AccessDeniedException.class);
        assertThat(scheduling.plan(id).state()).isEqualTo(SessionState.SCHEDULED);
        TestUsers.signIn(panel.outsider(), "INTERVIEWER");
        assertThatThrownBy(() -> scheduling.reschedule(id, schedule)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> scheduling.plan(id)).isInstanceOf(AccessDeniedException.class);

        TestUsers.signIn(panel.lead(), "INTERVIEWER");
        assertThat(types(id)).containsExactly("SESSION_CREATED");
    }

    @Test
    void a_live_session_keeps_its_start_but_its_link_may_change_until_it_is_over() {
        long id = panel.sessionId();
        sessions.start(id);

        assertThatThrownBy(() -> scheduling.reschedule(id, new NewSchedule(tomorrowAtThree(), "Europe/Berlin", 60)))
                .isInstanceOf(SessionException.class).isNotInstanceOf(ScheduleException.class)
                .hasMessage("This session has already started or ended; its start can no longer move.");
        assertThat(scheduling.changeMeetingLink(id, "https://meet.google.com/abc-defg-hij")).isPresent();

        sessions.end(id);
        assertThatThrownBy(() -> scheduling.changeMeetingLink(id, "https://meet.google.com/xyz-defg-hij"))
                .isInstanceOf(SessionException.class)
                .hasMessage("This session is over; its call link can no longer change.");
        assertThat(sessions.find(id).meetingLink().url()).isEqualTo("https://meet.google.com/abc-defg-hij");
    }

    @Test
    void a_link_with_an_upper_case_scheme_is_stored_as_given() {
        scheduling.changeMeetingLink(panel.sessionId(), "HTTPS://meet.google.com/abc-defg-hij");

        assertThat(sessions.find(panel.sessionId()).meetingLink().url()).isEqualTo("HTTPS://meet.google.com/abc-defg-hij");
    }

    @Test
    void the_link_is_set_changed_and_removed_with_one_event_each_and_an_unchanged_link_writes_none() {
        long id = panel.sessionId();
        scheduling.changeMeetingLink(id, "https://zoom.us/j/1");
        scheduling.changeMeetingLink(id, "https://zoom.us/j/1");
        scheduling.changeMeetingLink(id, "https://zoom.us/j/2");
        scheduling.changeMeetingLink(id, "");
        scheduling.changeMeetingLink(id, null);

        assertThat(log.after(id, 0).stream().filter(e -> e.is(SessionEvents.MeetingLinkChanged.class))
                .map(e -> e.decode(SessionEvents.MeetingLinkChanged.class).url()).toList())
                .containsExactly("https://zoom.us/j/1", "https://zoom.us/j/2", null);
        assertThat(sessions.find(id).meetingLink()).isNull();
        assertThat(replay(id).meetingLink()).isEmpty();
    }

    @Test
    void cancelling_a_scheduled_session_is_the_existing_cancel_event() {
        long id = panel.sessionId();
        scheduling.reschedule(id, new NewSchedule(tomorrowAtThree(), "Europe/Berlin", 60));

        sessions.cancel(id);

        assertThat(types(id)).endsWith("SESSION_SCHEDULED", "SESSION_CANCELLED");
        assertThat(scheduling.plan(id).state()).isEqualTo(SessionState.CANCELLED);
        assertThatThrownBy(() -> scheduling.reschedule(id, new NewSchedule(tomorrowAtThree(), "Europe/Berlin", 60)))
                .isInstanceOf(SessionException.class);
    }

    @Test
    void a_wall_clock_time_skipped_by_daylight_saving_moves_forward_as_a_calendar_does() {
        // 29 March 2026 02:30 does not exist in Berlin; a start then in the future is found by year.
        int year = LocalDateTime.now(BERLIN).getYear() + 1;
        LocalDateTime lastSundayOfMarch = LocalDateTime.of(year, 3, 31, 2, 30)
                .with(java.time.temporal.TemporalAdjusters.lastInMonth(java.time.DayOfWeek.SUNDAY));
        SessionSchedule schedule = ScheduleRules.check(new NewSchedule(lastSundayOfMarch, "Europe/Berlin", 60), 60,
                Instant.now());
        assertThat(schedule.localStart().toLocalTime()).isEqualTo(java.time.LocalTime.of(3, 30));
        assertThat(Duration.between(Instant.now(), schedule.startsAt())).isPositive();
    }
}
