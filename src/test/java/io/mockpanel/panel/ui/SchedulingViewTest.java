package io.mockpanel.panel.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import io.mockpanel.panel.NewSchedule;
import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.panel.SessionDetails;
import io.mockpanel.panel.SessionScheduling;
import io.mockpanel.panel.SessionState;
import io.mockpanel.support.KaribuTest;
import io.mockpanel.support.TestPanel;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Scheduling in the UI (issue 10): the lead picks a start in their zone when creating a session
 * and moves it from the console, everyone reads it in their browser's zone with the zone named,
 * My sessions is an agenda, and the call's link reaches the panel and the candidate.
 */
class SchedulingViewTest extends KaribuTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final String MEET = "https://meet.google.com/abc-defg-hij";

    @Autowired
    TestPanel testPanel;

    @Autowired
    PanelSessionService sessions;

    @Autowired
    SessionScheduling scheduling;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private TestPanel.Panel panel;

    @BeforeEach
    void createPanel() {
        panel = testPanel.scheduled();
    }

    @AfterEach
    void closeView() {
        PanelViewSupport.closeView();
    }

    /** What Vaadin 25 reads from the browser with the page's first request: here only the zone. */
    private static void browserZone(ZoneId zone) {
        ExtendedClientDetails.updateFromValues(UI.getCurrent(),
                Map.of("v-sw", "1440", "v-sh", "900", "v-tzid", zone.getId())::get);
    }

    private static LocalDateTime tomorrowAtThree(ZoneId zone) {
        return LocalDateTime.now(zone).plusDays(1).withHour(15).withMinute(0).withSecond(0).withNano(0);
    }

    private SessionView console(String username, String role) {
        login(username, role);
        UI.getCurrent().navigate("sessions/" + panel.sessionId());
        MockVaadin.clientRoundtrip(false);
        return _get(SessionView.class);
    }

    private void asLead(Runnable action) {
        PanelViewSupport.as(panel.lead(), "INTERVIEWER", action);
    }

    private static String when() {
        return _get(Span.class, spec -> spec.withId("session-when")).getText();
    }

    @Test
    void the_lead_creates_a_session_with_a_start_in_their_zone_and_a_call_link_and_the_console_shows_both() {
        browserZone(BERLIN);
        login(panel.lead(), "INTERVIEWER");
        UI.getCurrent().navigate("sessions/new");
        MockVaadin.clientRoundtrip(false);
        NewSessionView form = _get(NewSessionView.class);
        assertThat(form.schedule.zone.getValue()).as("the lead's browser zone by default").isEqualTo("Europe/Berlin");

        form.title.setValue("Scheduled in the form");
        form.candidateName.setValue("Robin Candidate");
        form.scenarioPicker.setValue(form.scenarioPicker.getListDataView().getItems().findFirst().orElseThrow());
        form.schedule.start.setValue(tomorrowAtThree(BERLIN));
        form.schedule.minutes.setValue(90);
        form.meetingUrl.setValue(MEET);
        _click(form.create);
        MockVaadin.clientRoundtrip(false);

        SessionView console = _get(SessionView.class);
        SessionDetails created = sessions.find(Long.parseLong(UI.getCurrent().getInternals().getActiveViewLocation()
                .getPath().substring("sessions/".length())));
        assertThat(created.schedule().startsAt()).isEqualTo(tomorrowAtThree(BERLIN).atZone(BERLIN).toInstant());
        assertThat(created.schedule().plannedMinutes()).isEqualTo(90);
        assertThat(when()).startsWith("Starts ").contains(", 15:00 ").contains("(Europe/Berlin)").endsWith("· 90 min");
        Anchor call = _get(console.scheduleLine, Anchor.class);
        assertThat(call.getHref()).isEqualTo(MEET);
        assertThat(call.getElement().getAttribute("target")).isEqualTo("_blank");
        assertThat(call.getElement().getAttribute("rel")).isEqualTo("noopener noreferrer");
        assertThat(call.getElement().getTextRecursively()).isEqualTo("Open the call (Google Meet)");
    }

    @Test
    void without_a_browser_zone_the_form_offers_utc_and_the_service_takes_it() {
        login(panel.lead(), "INTERVIEWER");
        UI.getCurrent().navigate("sessions/new");
        MockVaadin.clientRoundtrip(false);
        NewSessionView form = _get(NewSessionView.class);
        assertThat(form.schedule.zone.getValue()).isEqualTo("UTC");

        form.title.setValue("In UTC");
        form.candidateName.setValue("Robin");
        form.scenarioPicker.setValue(form.scenarioPicker.getListDataView().getItems().findFirst().orElseThrow());
        form.schedule.start.setValue(tomorrowAtThree(ZoneId.of("UTC")));
        _click(form.create);
        MockVaadin.clientRoundtrip(false);

        assertThat(when()).contains(", 15:00 ").contains("(UTC)");
    }

    @Test
    void a_start_in_the_past_or_a_plain_http_link_is_refused_on_its_field_and_creates_nothing() {
        browserZone(BERLIN);
        login(panel.lead(), "INTERVIEWER");
        UI.getCurrent().navigate("sessions/new");
        MockVaadin.clientRoundtrip(false);
        NewSessionView form = _get(NewSessionView.class);
        long before = sessionsLed();
        form.title.setValue("Refused");
        form.candidateName.setValue("Robin");
        form.scenarioPicker.setValue(form.scenarioPicker.getListDataView().getItems().findFirst().orElseThrow());
        form.schedule.start.setValue(LocalDateTime.now(BERLIN).minusHours(2));

        _click(form.create);
        assertThat(form.schedule.start.isInvalid()).isTrue();
        assertThat(form.schedule.start.getErrorMessage())
                .isEqualTo("This start is in the past; pick a date and time from now on.");

        form.schedule.start.setValue(tomorrowAtThree(BERLIN));
        form.meetingUrl.setValue("http://zoom.us/j/1");
        _click(form.create);
        assertThat(form.schedule.start.isInvalid()).isFalse();
        assertThat(form.meetingUrl.isInvalid()).isTrue();
        assertThat(form.meetingUrl.getErrorMessage()).isEqualTo("A meeting link must start with https:// (a secure address).");

        form.schedule.minutes.setValue(500);
        form.meetingUrl.setValue("");
        _click(form.create);
        assertThat(form.schedule.minutes.getErrorMessage()).isEqualTo("A session is planned for 5 to 480 minutes.");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(NewSessionView.class);
        assertThat(sessionsLed()).isEqualTo(before);
    }

    private long sessionsLed() {
        return jdbc.sql("select count(*) from panel_session where lead_username = ?").param(panel.lead())
                .query(Long.class).single();
    }

    @Test
    void the_lead_schedules_and_reschedules_from_the_console_and_then_cancels() {
        browserZone(BERLIN);
        SessionView console = console(panel.lead(), "INTERVIEWER");
        assertThat(when()).isEqualTo("Not scheduled");
        assertThat(console.scheduleLine.reschedule.getText()).isEqualTo("Schedule");

        _click(console.scheduleLine.reschedule);
        ScheduleDialog dialog = _get(ScheduleDialog.class);
        assertThat(dialog.fields.zone.getValue()).isEqualTo("Europe/Berlin");
        dialog.fields.start.setValue(tomorrowAtThree(BERLIN));
        dialog.fields.minutes.setValue(1);
        _click(dialog.save);
        assertThat(dialog.isOpened()).as("a refused value keeps the dialog open").isTrue();
        assertThat(dialog.fields.minutes.getErrorMessage()).isEqualTo("A session is planned for 5 to 480 minutes.");
        assertThat(when()).isEqualTo("Not scheduled");

        dialog.fields.minutes.setValue(60);
        _click(dialog.save);
        assertThat(dialog.isOpened()).isFalse();
        assertThat(when()).contains(", 15:00 ").contains("(Europe/Berlin)").endsWith("· 60 min");

        _click(console.scheduleLine.reschedule);
        ScheduleDialog again = _get(ScheduleDialog.class);
        assertThat(again.getHeaderTitle()).isEqualTo("Reschedule the session");
        assertThat(again.fields.start.getValue()).isEqualTo(tomorrowAtThree(BERLIN));
        again.fields.start.setValue(tomorrowAtThree(BERLIN).plusHours(2));
        _click(again.save);
        assertThat(when()).contains(", 17:00 ");

        _click(console.scheduleLine.editLink);
        MeetingLinkDialog linkDialog = _get(MeetingLinkDialog.class);
        linkDialog.url.setValue("https://zoom.us@evil.example/j/1");
        _click(linkDialog.save);
        assertThat(linkDialog.url.isInvalid()).isTrue();
        linkDialog.url.setValue("https://us02web.zoom.us/j/123");
        _click(linkDialog.save);
        assertThat(_get(console.scheduleLine, Anchor.class).getHref()).isEqualTo("https://us02web.zoom.us/j/123");

        _click(_get(Button.class, spec -> spec.withId("cancel-session")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("confirm-cancel")));
        assertThat(sessions.find(panel.sessionId()).state()).isEqualTo(SessionState.CANCELLED);
        assertThat(console.scheduleLine.reschedule.isVisible()).isFalse();
        assertThat(console.scheduleLine.editLink.isVisible()).isFalse();
    }

    @Test
    void a_panelist_in_another_zone_reads_the_start_in_their_zone_named_and_cannot_move_it() {
        LocalDateTime berlinTime = tomorrowAtThree(BERLIN);
        asLead(() -> scheduling.reschedule(panel.sessionId(), new NewSchedule(berlinTime, "Europe/Berlin", 60)));
        browserZone(NEW_YORK);

        SessionView console = console(panel.panelist(), "INTERVIEWER");

        String newYorkTime = HH_MM.format(berlinTime.atZone(BERLIN).withZoneSameInstant(NEW_YORK));
        assertThat(when()).contains(", " + newYorkTime + " ").contains("(America/New_York)");
        assertThat(_get(Span.class, spec -> spec.withId("session-when")).getElement().getAttribute("title"))
                .startsWith("In the session's zone: ").contains("15:00").contains("(Europe/Berlin)");
        assertThat(_find(console.scheduleLine, Button.class)).isEmpty();
    }

    @Test
    void without_a_browser_zone_the_start_reads_in_the_sessions_zone() {
        LocalDateTime tokyoTime = tomorrowAtThree(ZoneId.of("Asia/Tokyo"));
        asLead(() -> scheduling.reschedule(panel.sessionId(), new NewSchedule(tokyoTime, "Asia/Tokyo", 60)));

        console(panel.coach(), "COACH");

        assertThat(when()).contains(", 15:00 ").contains("(Asia/Tokyo)");
    }

    @Test
    void a_change_by_the_lead_reaches_an_open_console_by_sequence() {
        browserZone(BERLIN);
        SessionView console = console(panel.panelist(), "INTERVIEWER");

        asLead(() -> {
            scheduling.reschedule(panel.sessionId(), new NewSchedule(tomorrowAtThree(BERLIN), "Europe/Berlin", 45));
            scheduling.changeMeetingLink(panel.sessionId(), MEET);
        });

        assertThat(PanelViewSupport.awaitUi(() -> when().endsWith("· 45 min")
                && !_find(console.scheduleLine, Anchor.class).isEmpty(), Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void my_sessions_is_an_agenda_upcoming_soonest_first_then_not_scheduled_then_past_with_late_ones_flagged() {
        browserZone(BERLIN);
        String suffix = panel.lead().substring(5);
        long tomorrow = createAs(panel.lead(), "Tomorrow " + suffix, tomorrowAtThree(BERLIN));
        long soon = createAs(panel.lead(), "Soon " + suffix, LocalDateTime.now(BERLIN).plusMinutes(40));
        long late = createAs(panel.lead(), "Late " + suffix, LocalDateTime.now(BERLIN).plusMinutes(30));
        long past = createAs(panel.lead(), "Past " + suffix, LocalDateTime.now(BERLIN).plusMinutes(50));
        // Its start passed 12 and a half minutes ago, and nobody started it.
        jdbc.sql("update panel_session set starts_at = ? where id = ?")
                .params(clock.instant().minusSeconds(12 * 60 + 30).atOffset(ZoneOffset.UTC), late).update();
        asLead(() -> {
            sessions.start(past);
            sessions.end(past);
        });

        MySessionsView view = mySessions(panel.lead());

        assertThat(_find(view.cards, H3.class)).extracting(H3::getText)
                .containsExactly("Upcoming", "Not scheduled", "Past");
        assertThat(titles(view)).containsExactly("Late " + suffix, "Soon " + suffix, "Tomorrow " + suffix,
                "Test panel " + suffix, "Past " + suffix);
        assertThat(whenOf(view, "Soon " + suffix)).matches("in (39|40) min · .*\\(Europe/Berlin\\) · \\d+ min");
        assertThat(whenOf(view, "Tomorrow " + suffix)).startsWith("tomorrow 15:00 · ");
        assertThat(whenOf(view, "Late " + suffix)).as("how late is the flag's to say").doesNotContain("ago")
                .contains("(Europe/Berlin)");
        assertThat(flag(view, "Late " + suffix)).matches("Should have started 1[23] min ago");
        assertThat(flag(view, "Soon " + suffix)).isNull();

        // A panelist of the late session is told it is late, without being asked to start it.
        UI.getCurrent().navigate("sessions/new");
        MySessionsView panelistView = mySessions(panel.panelist());
        assertThat(flag(panelistView, "Late " + suffix)).matches("Due 1[23] min ago");
        assertThat(tomorrow).isNotEqualTo(soon);
    }

    private long createAs(String lead, String title, LocalDateTime start) {
        long[] id = new long[1];
        List<Long> scenarioIds = scenarioIds();
        PanelViewSupport.as(lead, "INTERVIEWER", () -> id[0] = sessions.create(new io.mockpanel.panel.NewSession(
                title, "Casey Candidate", null, scenarioIds, List.of(panel.panelist()), List.of(),
                new NewSchedule(start, "Europe/Berlin", null), null)));
        return id[0];
    }

    private List<Long> scenarioIds() {
        return jdbc.sql("select source_scenario_id from session_scenario where session_id = ? order by position")
                .param(panel.sessionId()).query(Long.class).list();
    }

    private MySessionsView mySessions(String username) {
        login(username, "INTERVIEWER");
        UI.getCurrent().navigate("sessions");
        MockVaadin.clientRoundtrip(false);
        return _get(MySessionsView.class);
    }

    private static List<String> titles(MySessionsView view) {
        return _find(view.cards, Card.class).stream()
                .map(card -> _get(card, Span.class, spec -> spec.withClasses("scenario-card-title")).getText())
                .toList();
    }

    private static Card card(MySessionsView view, String title) {
        return _find(view.cards, Card.class).stream()
                .filter(card -> _get(card, Span.class, spec -> spec.withClasses("scenario-card-title")).getText()
                        .equals(title))
                .findFirst().orElseThrow();
    }

    private static String whenOf(MySessionsView view, String title) {
        return _get(card(view, title), Div.class, spec -> spec.withClasses("session-when")).getElement()
                .getTextRecursively();
    }

    private static String flag(MySessionsView view, String title) {
        return _find(card(view, title), Span.class, spec -> spec.withClasses("overdue")).stream()
                .map(Span::getText).findFirst().orElse(null);
    }

    @Test
    void the_candidate_gets_the_call_link_in_the_waiting_room_and_in_the_room() {
        asLead(() -> {
            scheduling.reschedule(panel.sessionId(), new NewSchedule(tomorrowAtThree(BERLIN), "Europe/Berlin", 60));
            scheduling.changeMeetingLink(panel.sessionId(), MEET);
        });
        browserZone(NEW_YORK);
        PanelViewSupport.signInCandidate(testPanel.join(panel, "Casey").principal());
        UI.getCurrent().navigate("room");
        MockVaadin.clientRoundtrip(false);
        CandidateRoomView room = _get(CandidateRoomView.class);

        assertThat(room.call.isVisible()).isTrue();
        Anchor call = _get(room.call, Anchor.class);
        assertThat(call.getHref()).isEqualTo(MEET);
        assertThat(call.getElement().getAttribute("target")).isEqualTo("_blank");
        assertThat(call.getElement().getAttribute("rel")).isEqualTo("noopener noreferrer");
        assertThat(call.getElement().getTextRecursively()).isEqualTo("Open the call (Google Meet)");
        String newYorkTime = HH_MM.format(tomorrowAtThree(BERLIN).atZone(BERLIN).withZoneSameInstant(NEW_YORK));
        assertThat(_get(room.call, Span.class, spec -> spec.withId("room-when")).getText())
                .startsWith("The panel starts ").contains(", " + newYorkTime + " ").contains("(America/New_York)");

        asLead(() -> {
            sessions.start(panel.sessionId());
            scheduling.changeMeetingLink(panel.sessionId(), "https://teams.microsoft.com/l/meetup-join/x");
        });
        room.render();

        assertThat(_get(room.call, Anchor.class).getElement().getTextRecursively())
                .isEqualTo("Open the call (Microsoft Teams)");
        assertThat(room.call.when.isVisible()).as("once it runs, only the call").isFalse();
    }
}
