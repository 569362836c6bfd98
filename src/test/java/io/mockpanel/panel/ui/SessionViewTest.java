package io.mockpanel.panel.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._fireValueChange;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.mockpanel.panel.SessionEvents;
import io.mockpanel.panel.LiveControlService;
import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.panel.PromptKind;
import io.mockpanel.panel.PromptRef;
import io.mockpanel.panel.SessionEvent;
import io.mockpanel.panel.SessionEventLog;
import io.mockpanel.panel.SessionState;
import io.mockpanel.panel.SessionTimeline;
import io.mockpanel.scenario.ScenarioContent;
import io.mockpanel.support.KaribuTest;
import io.mockpanel.support.TestPanel;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The session console: life cycle buttons for the lead, push and mirror, read-only for observers. */
class SessionViewTest extends KaribuTest {

    @AfterEach
    void closeView() {
        PanelViewSupport.closeView();
    }

    @Autowired
    TestPanel testPanel;

    @Autowired
    PanelSessionService sessions;

    @Autowired
    LiveControlService control;

    @Autowired
    SessionEventLog log;

    private SessionView open(TestPanel.Panel panel, String username, String role) {
        login(username, role);
        UI.getCurrent().navigate("sessions/" + panel.sessionId());
        MockVaadin.clientRoundtrip(false);
        return _get(SessionView.class);
    }

    private List<ScenarioContent> agenda(TestPanel.Panel panel) {
        List<ScenarioContent>[] agenda = new List[1];
        PanelViewSupport.as(panel.lead(), "INTERVIEWER", () -> agenda[0] = sessions.agendaOf(panel.sessionId()));
        return agenda[0];
    }

    private static String state() {
        return _get(Span.class, spec -> spec.withId("session-state")).getText();
    }

    private static boolean present(String id) {
        return !_find(Button.class, spec -> spec.withId(id)).isEmpty();
    }

    private static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }

    private static String mirrorText(SessionView view) {
        return view.see.mirror.getElement().getTextRecursively();
    }

    private List<SessionEvent> events(long sessionId, String type) {
        return log.after(sessionId, 0).stream().filter(e -> e.type().equals(type)).toList();
    }

    @Test
    void the_lead_starts_a_scheduled_session_and_the_state_badge_says_live() {
        TestPanel.Panel panel = testPanel.scheduled();
        SessionView view = open(panel, panel.lead(), "INTERVIEWER");

        assertThat(state()).isEqualTo("Scheduled");
        assertThat(present("start-session")).isTrue();
        assertThat(present("cancel-session")).isTrue();
        assertThat(present("end-session")).isFalse();
        assertThat(view.agenda.pushNext.isEnabled()).as("nothing to push before the start").isFalse();
        assertThat(view.getPageTitle()).isEqualTo("Test panel " + panel.lead().substring(5));

        _click(button("start-session"));

        assertThat(state()).isEqualTo("Live");
        assertThat(present("start-session")).isFalse();
        assertThat(present("end-session")).isTrue();
        assertThat(present("cancel-session")).isTrue();
        assertThat(view.agenda.pushNext.isEnabled()).isTrue();
        assertThat(sessions.find(panel.sessionId()).state()).isEqualTo(SessionState.LIVE);
        assertThat(events(panel.sessionId(), SessionEvents.SessionStarted.TYPE)).hasSize(1);
    }

    @Test
    void ending_the_session_leaves_a_read_only_console() {
        TestPanel.Panel panel = testPanel.live();
        SessionView view = open(panel, panel.lead(), "INTERVIEWER");

        _click(button("end-session"));
        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("confirm-end"));
        assertThat(ConfirmDialogKt._getText(confirm)).contains("candidate's screen shows that the session is over")
                .contains("link stops working");
        assertThat(state()).as("nothing happens before the confirmation").isEqualTo("Live");
        ConfirmDialogKt._fireConfirm(confirm);

        assertThat(state()).isEqualTo("Completed");
        assertThat(button("open-review").isVisible()).as("the review is offered, not forced: scoring may go on")
                .isTrue();
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("sessions/" + panel.sessionId());
        assertThat(present("end-session")).isFalse();
        assertThat(present("cancel-session")).isFalse();
        assertThat(present("start-session")).isFalse();
        assertThat(view.agenda.pushNext.isEnabled()).isFalse();
        assertThat(_find(view, Button.class, spec -> spec.withClasses("push-button")))
                .isNotEmpty().allMatch(b -> !b.isEnabled());
    }

    @Test
    void cancelling_a_scheduled_session_from_the_console() {
        TestPanel.Panel panel = testPanel.scheduled();
        open(panel, panel.lead(), "INTERVIEWER");

        _click(button("cancel-session"));
        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("confirm-cancel"));
        ConfirmDialogKt._fireCancel(confirm);
        assertThat(state()).as("kept when the lead changes their mind").isEqualTo("Scheduled");
        assertThat(sessions.find(panel.sessionId()).state()).isEqualTo(SessionState.SCHEDULED);

        _click(button("cancel-session"));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("confirm-cancel")));

        assertThat(state()).isEqualTo("Cancelled");
        assertThat(present("start-session")).isFalse();
        assertThat(present("cancel-session")).isFalse();
        assertThat(sessions.find(panel.sessionId()).state()).isEqualTo(SessionState.CANCELLED);
    }

    @Test
    void push_next_pushes_the_next_item_and_the_mirror_shows_what_the_candidate_sees() {
        TestPanel.Panel panel = testPanel.live();
        List<ScenarioContent> agenda = agenda(panel);
        SessionView view = open(panel, panel.lead(), "INTERVIEWER");
        assertThat(mirrorText(view)).isEqualTo("Candidate seesNothing pushed yet.");

        _click(view.agenda.pushNext);

        ScenarioContent first = agenda.getFirst();
        assertThat(mirrorText(view)).contains(first.title() + first.level() + first.durationMinutes() + " min")
                .doesNotContain("Situation");
        _click(view.agenda.pushNext);
        assertThat(mirrorText(view)).contains("Situation" + first.situation());
        assertThat(events(panel.sessionId(), SessionEvents.PromptPushed.TYPE)).extracting(SessionEvent::actor)
                .containsExactly(panel.lead(), panel.lead());
        Div onScreen = _get(view, Div.class, spec -> spec.withClasses("agenda-item on-screen"));
        assertThat(onScreen.getElement().getTextRecursively()).startsWith("Situation").contains("On screen");
    }

    @Test
    void pushing_a_question_from_the_agenda_tree_shows_it_as_the_newest_in_the_mirror() {
        TestPanel.Panel panel = testPanel.live();
        List<ScenarioContent> agenda = agenda(panel);
        SessionView view = open(panel, panel.lead(), "INTERVIEWER");
        String q1 = agenda.getFirst().discussionAreas().get(0).questions().get(0);
        String q2 = agenda.getFirst().discussionAreas().get(1).questions().get(0);

        _click(_get(view, Button.class, spec -> spec.withAttribute("aria-label", "Push: " + q2)));
        _click(_get(view, Button.class, spec -> spec.withAttribute("aria-label", "Push: " + q1)));

        List<ListItem> shown = _find(view.see.mirror, ListItem.class);
        assertThat(shown).extracting(item -> _get(item, Paragraph.class).getText()).containsExactly(q2, q1);
        assertThat(shown.getLast().hasClassName("newest")).isTrue();
        assertThat(shown.getFirst().hasClassName("newest")).isFalse();
    }

    @Test
    void a_scenario_not_on_screen_has_its_items_built_when_it_comes_on_screen_or_is_opened_with_their_state() {
        TestPanel.Panel panel = testPanel.live();
        List<ScenarioContent> agenda = agenda(panel);
        assertThat(agenda).hasSizeGreaterThanOrEqualTo(2);
        String firstsQuestion = agenda.getFirst().discussionAreas().getFirst().questions().getFirst();
        String secondsQuestion = agenda.get(1).discussionAreas().getFirst().questions().getFirst();
        SessionView view = open(panel, panel.lead(), "INTERVIEWER");
        List<Details> scenarios = _find(view.agenda, Details.class, spec -> spec.withClasses("agenda-scenario"));
        assertThat(scenarios).hasSize(agenda.size());
        // only the scenario on screen (the first, before anything is pushed) holds rows: a console
        // with a long agenda does not hold every scenario's rows
        assertThat(scenarios.get(1).getContent().findAny()).isEmpty();
        _click(_get(view, Button.class, spec -> spec.withAttribute("aria-label", "Push: " + firstsQuestion)));

        // another panelist pushes the second scenario's question: this console builds that
        // scenario's rows and marks the item on screen
        PanelViewSupport.as(panel.panelist(), "INTERVIEWER",
                () -> control.push(panel.sessionId(), io.mockpanel.panel.PromptRef.question(1, 0, 0)));
        PanelViewSupport.awaitUi(() -> scenarios.get(1).getContent().findAny().isPresent(), Duration.ofSeconds(10));
        Div onScreen = _get(view, Div.class, spec -> spec.withClasses("agenda-item on-screen"));
        assertThat(onScreen.getElement().getTextRecursively()).startsWith(secondsQuestion).contains("On screen");
        assertThat(scenarios.get(1).isOpened()).isTrue();
        // the scenario that was on screen before is closed and holds no rows any more
        assertThat(scenarios.getFirst().isOpened()).isFalse();
        assertThat(scenarios.getFirst().getContent().findAny()).isEmpty();

        // a console opened now builds the scenario on screen only; opening the first by hand builds
        // its rows with what happened in it
        SessionView coachView = open(panel, panel.coach(), "COACH");
        List<Details> coachScenarios = _find(coachView.agenda, Details.class, spec -> spec.withClasses("agenda-scenario"));
        assertThat(coachScenarios.get(1).getContent().findAny()).isPresent();
        assertThat(coachScenarios.getFirst().getContent().findAny()).isEmpty();
        coachScenarios.getFirst().setOpened(true);
        Div firstQuestionRow = _find(coachView.agenda, Div.class, spec -> spec.withClasses("agenda-item")).stream()
                .filter(row -> row.getElement().getTextRecursively().startsWith(firstsQuestion)).findFirst().orElseThrow();
        assertThat(firstQuestionRow.getElement().getTextRecursively()).contains("Pushed");
        // closing it by hand drops its rows again
        coachScenarios.getFirst().setOpened(false);
        assertThat(coachScenarios.getFirst().getContent().findAny()).isEmpty();
    }

    @Test
    void a_push_whose_wake_up_has_not_come_shows_at_the_next_poll() {
        TestPanel.Panel panel = testPanel.live();
        String situation = agenda(panel).getFirst().situation();
        SessionView view = open(panel, panel.panelist(), "INTERVIEWER");
        PanelViewSupport.as(panel.lead(), "INTERVIEWER",
                () -> control.push(panel.sessionId(), PromptRef.of(0, PromptKind.SITUATION)));

        // No round trip: whatever task a wake-up queued has not run. The poll alone catches up.
        UI ui = UI.getCurrent();
        ComponentUtil.fireEvent(ui, new PollEvent(ui, true));

        assertThat(mirrorText(view)).contains(situation);
    }

    @Test
    void marking_a_question_covered_in_the_tree_records_it() {
        TestPanel.Panel panel = testPanel.live();
        List<ScenarioContent> agenda = agenda(panel);
        SessionView view = open(panel, panel.lead(), "INTERVIEWER");
        String q = agenda.getFirst().discussionAreas().get(0).questions().get(1);
        Checkbox covered = coveredBox(view, q);

        // A click in the browser: the new value comes from the client.
        covered.setValue(true);
        _fireValueChange(covered, true);

        assertThat(events(panel.sessionId(), SessionEvents.QuestionCovered.TYPE)).hasSize(1);
        PanelViewSupport.as(panel.lead(), "INTERVIEWER", () -> assertThat(
                timeline.load(panel.sessionId()).covered()).containsOnlyKeys(PromptRef.question(0, 0, 1)));
        Checkbox after = coveredBox(view, q);
        assertThat(after.getValue()).isTrue();
        assertThat(after.getTooltip().getText()).startsWith("Covered at ");
    }

    @Autowired
    SessionTimeline timeline;

    private static Checkbox coveredBox(SessionView view, String question) {
        List<Checkbox> boxes = _find(view, Checkbox.class).stream()
                .filter(c -> c.getAriaLabel().filter(("Covered: " + question)::equals).isPresent()).toList();
        assertThat(boxes).hasSize(1);
        return boxes.getFirst();
    }

    @Test
    void the_timer_buttons_start_pause_and_extend_the_scenarios_countdown() {
        TestPanel.Panel panel = testPanel.live();
        List<ScenarioContent> agenda = agenda(panel);
        SessionView view = open(panel, panel.lead(), "INTERVIEWER");
        assertThat(present("timer-toggle")).as("no timer before the first push").isFalse();
        _click(view.agenda.pushNext);

        assertThat(button("timer-toggle").getText()).as("the first push starts the scenario's countdown")
                .isEqualTo("Pause");
        _click(button("timer-toggle"));
        assertThat(button("timer-toggle").getText()).isEqualTo("Start");
        _click(button("timer-toggle"));
        assertThat(button("timer-toggle").getText()).isEqualTo("Pause");
        _click(button("timer-extend"));
        _click(button("timer-toggle"));

        assertThat(button("timer-toggle").getText()).isEqualTo("Start");
        assertThat(log.after(panel.sessionId(), 0)).extracting(SessionEvent::type).containsSubsequence(
                SessionEvents.TimerStarted.TYPE, SessionEvents.TimerPaused.TYPE, SessionEvents.TimerStarted.TYPE,
                SessionEvents.TimerExtended.TYPE, SessionEvents.TimerPaused.TYPE);
        int minutes = agenda.getFirst().durationMinutes() + 5;
        String shown = view.see.timer.countdown.getText();
        assertThat(shown).matches("\\d\\d:\\d\\d");
        assertThat(Duration.ofMinutes(Long.parseLong(shown.substring(0, 2))).plusSeconds(Long.parseLong(shown.substring(3))))
                .isBetween(Duration.ofMinutes(minutes).minusSeconds(30), Duration.ofMinutes(minutes));
    }

    @Test
    void an_observing_coach_sees_an_observing_label_and_no_control_at_all_not_even_a_disabled_one() {
        TestPanel.Panel panel = testPanel.live();
        PanelViewSupport.as(panel.lead(), "INTERVIEWER", () -> {
            control.pushNext(panel.sessionId());
            control.startTimer(panel.sessionId(), 0);
            control.markCovered(panel.sessionId(), PromptRef.question(0, 0, 0), true);
        });

        SessionView view = open(panel, panel.coach(), "COACH");

        assertThat(state()).isEqualTo("Live");
        assertThat(_get(view, Span.class, spec -> spec.withId("observing")).getText()).isEqualTo("Observing");
        assertThat(_find(view, Div.class, spec -> spec.withId("agenda-tree"))).hasSize(1);
        assertThat(mirrorText(view)).contains(agenda(panel).getFirst().title());
        assertThat(view.see.timer.countdown.getText()).isNotBlank();
        assertThat(present("push-next") || present("timer-toggle") || present("timer-extend")).isFalse();
        assertThat(_find(view, Button.class, spec -> spec.withClasses("push-button"))).isEmpty();
        assertThat(_find(view.agenda, Checkbox.class)).isEmpty();
        assertThat(_get(view.agenda, Div.class, spec -> spec.withClasses("agenda-item covered"))
                .getElement().getTextRecursively()).as("coverage shown as text").contains("Covered");
        assertThat(present("start-session") || present("end-session") || present("cancel-session")).isFalse();
        assertThat(_find(view, Button.class, spec -> spec.withId("issue-invite"))).isEmpty();
        assertThat(_find(view, Button.class).stream().filter(SessionViewTest::isShown).filter(b -> !b.isEnabled())
                .map(b -> b.getText() + " " + b.getId().orElse(""))).as("every button an observer sees can be used")
                .isEmpty();
    }

    /** Visible itself and all the way up (a hidden parent hides the button). */
    private static boolean isShown(com.vaadin.flow.component.Component component) {
        for (var c = java.util.Optional.of(component); c.isPresent(); c = c.get().getParent()) {
            if (!c.get().isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void a_panelist_can_push_but_cannot_run_the_session_life_cycle() {
        TestPanel.Panel panel = testPanel.live();
        SessionView view = open(panel, panel.panelist(), "INTERVIEWER");

        assertThat(present("end-session") || present("cancel-session") || present("start-session")).isFalse();
        assertThat(_find(view, Button.class, spec -> spec.withId("issue-invite"))).isEmpty();
        _click(view.agenda.pushNext);

        assertThat(events(panel.sessionId(), SessionEvents.PromptPushed.TYPE)).extracting(SessionEvent::actor)
                .containsExactly(panel.panelist());
    }

    @Test
    void an_outsider_gets_session_not_found_and_nothing_of_the_session() {
        TestPanel.Panel panel = testPanel.live();
        List<ScenarioContent> agenda = agenda(panel);
        SessionView view = open(panel, panel.outsider(), "INTERVIEWER");

        assertThat(_get(view, H2.class).getText()).isEqualTo("Session not found");
        assertThat(view.getPageTitle()).isEqualTo("Session not found");
        assertThat(_find(Div.class, spec -> spec.withId("agenda-tree"))).isEmpty();
        assertThat(_find(Div.class, spec -> spec.withId("mirror"))).isEmpty();
        assertThat(_find(Span.class, spec -> spec.withId("session-state"))).isEmpty();
        String everything = String.join("\n", PanelViewSupport.allTexts());
        assertThat(everything).doesNotContain(agenda.getFirst().title()).doesNotContain("Casey Candidate")
                .doesNotContain("Test panel " + panel.lead().substring(5));
    }

    @Test
    void a_coach_who_does_not_observe_and_a_made_up_id_get_session_not_found_too() {
        TestPanel.Panel panel = testPanel.live();
        TestPanel.Panel other = testPanel.scheduled();

        SessionView view = open(panel, other.coach(), "COACH");
        assertThat(_get(view, H2.class).getText()).isEqualTo("Session not found");

        UI.getCurrent().navigate("sessions/not-a-number");
        MockVaadin.clientRoundtrip(false);
        assertThat(_get(SessionView.class, spec -> { }).getPageTitle()).isEqualTo("Session not found");
        UI.getCurrent().navigate("sessions/" + Long.MAX_VALUE);
        MockVaadin.clientRoundtrip(false);
        assertThat(_get(_get(SessionView.class), H2.class).getText()).isEqualTo("Session not found");
    }

    @Test
    void an_event_appended_by_another_user_reaches_the_open_console_through_postgresql() {
        TestPanel.Panel panel = testPanel.live();
        List<ScenarioContent> agenda = agenda(panel);
        SessionView view = open(panel, panel.lead(), "INTERVIEWER");
        assertThat(mirrorText(view)).endsWith("Nothing pushed yet.");

        // The panelist pushes from their own browser: only the NOTIFY tells the lead's console.
        PanelViewSupport.as(panel.panelist(), "INTERVIEWER",
                () -> control.push(panel.sessionId(), PromptRef.of(0, PromptKind.SITUATION)));
        boolean arrived = PanelViewSupport.awaitUi(
                () -> mirrorText(view).contains("Situation" + agenda.getFirst().situation()), Duration.ofSeconds(10));

        assertThat(arrived).as("the panelist's push reached the lead's console").isTrue();
        Div onScreen = _get(view, Div.class, spec -> spec.withClasses("agenda-item on-screen"));
        assertThat(onScreen.getElement().getTextRecursively()).startsWith("Situation");
        assertThat(log.after(panel.sessionId(), 0)).extracting(SessionEvent::type, SessionEvent::actor)
                .contains(tuple(SessionEvents.PromptPushed.TYPE, panel.panelist()));
    }
}
