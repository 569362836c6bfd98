package io.mockpanel.panel.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouteNotFoundError;
import io.mockpanel.panel.InviteService;
import io.mockpanel.panel.LiveControlService;
import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.panel.PromptKind;
import io.mockpanel.panel.PromptRef;
import io.mockpanel.panel.SessionEventLog;
import io.mockpanel.panel.SessionEvents;
import io.mockpanel.scenario.ScenarioContent;
import io.mockpanel.support.KaribuTest;
import io.mockpanel.support.TestPanel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The candidate's room shows only what the panel pushed, newest question marked; a candidate
 * reaches nothing of the panel's side.
 */
class CandidateRoomViewTest extends KaribuTest {

    @AfterEach
    void closeView() {
        PanelViewSupport.closeView();
    }

    private static final String WAITING = "The session has started. The first prompt will appear here in a moment.";

    @Autowired
    TestPanel testPanel;

    @Autowired
    LiveControlService control;

    @Autowired
    PanelSessionService sessions;

    @Autowired
    SessionEventLog log;

    private TestPanel.Panel panel;
    private List<ScenarioContent> agenda;

    @BeforeEach
    void createPanel() {
        panel = testPanel.live();
        PanelViewSupport.as(panel.lead(), "INTERVIEWER", () -> agenda = sessions.agendaOf(panel.sessionId()));
    }

    private CandidateRoomView openRoom() {
        PanelViewSupport.signInCandidate(testPanel.join(panel, "Casey").principal());
        UI.getCurrent().navigate("room");
        MockVaadin.clientRoundtrip(false);
        return _get(CandidateRoomView.class);
    }

    private void push(PromptRef... refs) {
        PanelViewSupport.as(panel.lead(), "INTERVIEWER", () -> {
            for (PromptRef ref : refs) {
                control.push(panel.sessionId(), ref);
            }
        });
    }

    private static String content(CandidateRoomView view) {
        return view.content.getElement().getTextRecursively();
    }

    /** Every text of the agenda that could be pushed, but was not in the test. */
    private List<String> allQuestions() {
        List<String> questions = new ArrayList<>();
        agenda.forEach(s -> s.discussionAreas().forEach(a -> questions.addAll(a.questions())));
        return questions;
    }

    @Test
    void before_the_first_push_the_room_shows_the_waiting_banner_and_no_scenario() {
        CandidateRoomView view = openRoom();

        assertThat(content(view)).isEqualTo(WAITING);
        assertThat(_find(view, H1.class)).isEmpty();
        assertThat(_get(view, Span.class, spec -> spec.withClasses("room-name")).getText()).isEqualTo("Casey");
        String everything = String.join("\n", PanelViewSupport.allTexts());
        assertThat(everything).contains(WAITING).contains("Answering with STAR");
        for (ScenarioContent scenario : agenda) {
            assertThat(everything).doesNotContain(scenario.title()).doesNotContain(scenario.situation());
        }
        allQuestions().forEach(q -> assertThat(everything).doesNotContain(q));
    }

    @Test
    void before_the_start_the_room_welcomes_the_candidate() {
        TestPanel.Panel scheduled = testPanel.scheduled();
        PanelViewSupport.signInCandidate(testPanel.join(scheduled, "Casey").principal());
        UI.getCurrent().navigate("room");
        MockVaadin.clientRoundtrip(false);

        CandidateRoomView view = _get(CandidateRoomView.class);
        assertThat(content(view)).startsWith("Welcome! The panel has not started yet.");
    }

    @Test
    void after_a_push_the_room_shows_the_pushed_situation_and_nothing_more() {
        push(PromptRef.of(0, PromptKind.OVERVIEW), PromptRef.of(0, PromptKind.SITUATION));

        CandidateRoomView view = openRoom();

        ScenarioContent first = agenda.getFirst();
        assertThat(_get(view, H1.class, spec -> spec.withClasses("room-title")).getText()).isEqualTo(first.title());
        assertThat(_find(view.content, Paragraph.class, spec -> spec.withText(first.situation()))).hasSize(1);
        assertThat(content(view)).doesNotContain(WAITING).doesNotContain("Key challenges")
                .doesNotContain("Questions");
        assertThat(view.clarify.isEnabled()).isTrue();
    }

    @Test
    void a_push_whose_wake_up_has_not_come_shows_at_the_next_poll() {
        CandidateRoomView view = openRoom();
        push(PromptRef.of(0, PromptKind.SITUATION));

        // No round trip: whatever task a wake-up queued has not run. The poll alone catches up.
        UI ui = UI.getCurrent();
        ComponentUtil.fireEvent(ui, new PollEvent(ui, true));

        assertThat(content(view)).contains(agenda.getFirst().situation()).doesNotContain(WAITING);
    }

    @Test
    void a_push_while_the_room_is_open_appears_without_a_reload() {
        CandidateRoomView view = openRoom();
        assertThat(content(view)).isEqualTo(WAITING);

        push(PromptRef.of(0, PromptKind.SITUATION));
        boolean arrived = PanelViewSupport.awaitUi(() -> content(view).contains(agenda.getFirst().situation()),
                Duration.ofSeconds(10));

        assertThat(arrived).as("the push reached the open room").isTrue();
        assertThat(content(view)).doesNotContain(WAITING);
    }

    @Test
    void the_newest_question_is_marked_current_and_only_that_one() {
        PromptRef older = PromptRef.question(0, 1, 0);
        PromptRef newest = PromptRef.question(0, 0, 0);
        push(PromptRef.of(0, PromptKind.SITUATION), older, newest);

        CandidateRoomView view = openRoom();

        List<ListItem> questions = _find(view.content, ListItem.class).stream()
                .filter(li -> li.getParent().map(p -> p.hasClassName("room-questions")).orElse(false)).toList();
        assertThat(questions).hasSize(2);
        ListItem first = questions.get(0);
        ListItem last = questions.get(1);
        assertThat(first.getElement().getTextRecursively()).contains(agenda.getFirst().discussionAreas().get(1)
                .questions().get(0));
        assertThat(last.getElement().getTextRecursively()).contains(agenda.getFirst().discussionAreas().get(0)
                .questions().get(0)).contains("Current");
        assertThat(last.hasClassName("newest")).isTrue();
        assertThat(last.getElement().getAttribute("aria-current")).isEqualTo("true");
        assertThat(first.hasClassName("newest")).isFalse();
        assertThat(first.getElement().getAttribute("aria-current")).isNull();
        assertThat(first.getElement().getTextRecursively()).doesNotContain("Current");
    }

    @Test
    void no_text_of_an_unpushed_item_is_anywhere_in_the_rooms_component_tree() {
        PromptRef pushedQuestion = PromptRef.question(0, 0, 1);
        push(PromptRef.of(0, PromptKind.OVERVIEW), PromptRef.of(0, PromptKind.SITUATION), pushedQuestion);

        openRoom();

        List<String> texts = PanelViewSupport.allTexts();
        String everything = String.join("\n", texts);
        String pushedText = agenda.getFirst().discussionAreas().get(0).questions().get(1);
        assertThat(everything).contains(pushedText);
        List<String> unpushed = new ArrayList<>(allQuestions());
        unpushed.remove(pushedText);
        unpushed.addAll(agenda.getFirst().keyChallenges());
        unpushed.add(agenda.get(1).title());
        unpushed.add(agenda.get(1).situation());
        unpushed.addAll(agenda.get(1).keyChallenges());
        for (String text : unpushed) {
            assertThat(everything).as("unpushed text on the candidate's page").doesNotContain(text);
        }
        // The panel's own words never reach the candidate either.
        assertThat(everything).doesNotContain(panel.lead()).doesNotContain("Lee Lead");
    }

    @Test
    void moving_to_the_next_scenario_leaves_nothing_of_the_previous_one() {
        push(PromptRef.of(0, PromptKind.SITUATION), PromptRef.question(0, 0, 0), PromptRef.of(1, PromptKind.OVERVIEW));

        CandidateRoomView view = openRoom();

        String everything = String.join("\n", PanelViewSupport.allTexts());
        assertThat(_get(view, H1.class, spec -> spec.withClasses("room-title")).getText())
                .isEqualTo(agenda.get(1).title());
        assertThat(everything).doesNotContain(agenda.getFirst().situation())
                .doesNotContain(agenda.getFirst().discussionAreas().get(0).questions().get(0))
                .doesNotContain(agenda.getFirst().title());
    }

    @Test
    void the_first_prompt_after_the_waiting_banner_is_announced_to_screen_readers() {
        CandidateRoomView view = openRoom();
        assertThat(view.announcer.getText()).isEmpty();

        push(PromptRef.of(0, PromptKind.OVERVIEW));
        view.render();
        assertThat(view.announcer.getText()).isEqualTo("Scenario: " + agenda.getFirst().title());

        push(PromptRef.question(0, 0, 0));
        view.render();
        assertThat(view.announcer.getText())
                .isEqualTo("New question: " + agenda.getFirst().discussionAreas().get(0).questions().get(0));
    }

    @Test
    void opening_the_room_with_prompts_already_shown_announces_nothing() {
        push(PromptRef.of(0, PromptKind.SITUATION));

        CandidateRoomView view = openRoom();

        assertThat(view.announcer.getText()).isEmpty();
    }

    @Test
    void asking_for_a_clarification_tells_the_panel() {
        push(PromptRef.question(0, 0, 0));
        CandidateRoomView view = openRoom();

        _click(view.clarify);

        assertThat(log.after(panel.sessionId(), 0)).filteredOn(e -> e.is(SessionEvents.ClarificationRequested.class))
                .hasSize(1).first().extracting(e -> e.actor()).isEqualTo("candidate");
    }

    @Test
    void the_room_shows_the_candidates_own_session_only() {
        TestPanel.Panel other = testPanel.live();
        PanelViewSupport.as(other.lead(), "INTERVIEWER",
                () -> control.push(other.sessionId(), PromptRef.of(1, PromptKind.SITUATION)));

        CandidateRoomView view = openRoom();

        assertThat(content(view)).isEqualTo(WAITING);
    }

    // --- access follows the invite ------------------------------------------------------------------

    static Stream<Arguments> endsOfTheLink() {
        return Stream.of(
                Arguments.of("revokes the link", (java.util.function.Consumer<LinkEnd>) e -> e.invites().revoke(e.id())),
                Arguments.of("issues a new link", (java.util.function.Consumer<LinkEnd>) e -> e.invites().issue(e.id())),
                Arguments.of("releases the link from the browser",
                        (java.util.function.Consumer<LinkEnd>) e -> e.invites().release(e.id())));
    }

    record LinkEnd(InviteService invites, long id) {
    }

    @Autowired
    InviteService invites;

    @ParameterizedTest(name = "when the lead {0}")
    @MethodSource("endsOfTheLink")
    void the_open_room_closes_with_the_plain_page_and_later_pushes_never_arrive(String what,
            java.util.function.Consumer<LinkEnd> end) {
        push(PromptRef.of(0, PromptKind.SITUATION));
        CandidateRoomView view = openRoom();
        assertThat(content(view)).contains(agenda.getFirst().situation());

        PanelViewSupport.as(panel.lead(), "INTERVIEWER", () -> end.accept(new LinkEnd(invites, panel.sessionId())));
        boolean closed = PanelViewSupport.awaitUi(() -> !_find(view, Paragraph.class,
                spec -> spec.withId("invite-message")).isEmpty(), Duration.ofSeconds(10));

        assertThat(closed).as("pushed to the open room, not on its next click").isTrue();
        assertThat(_get(view, Paragraph.class, spec -> spec.withId("invite-message")).getText())
                .isEqualTo(JoinView.INVALID_TEXT);
        assertThat(String.join("\n", PanelViewSupport.allTexts())).doesNotContain(agenda.getFirst().situation())
                .doesNotContain("Request clarification");
        assertThat(SecurityContextHolder.getContext().getAuthentication()).as("signed out of the room").isNull();
        assertThat(bus.subscriberCount(panel.sessionId())).as("no more wake-ups for this room").isZero();

        String later = agenda.getFirst().discussionAreas().get(0).questions().get(0);
        push(PromptRef.question(0, 0, 0));
        PanelViewSupport.awaitUi(() -> false, Duration.ofMillis(700));
        assertThat(String.join("\n", PanelViewSupport.allTexts())).doesNotContain(later);
    }

    @Autowired
    io.mockpanel.panel.SessionEventBus bus;

    @Test
    void ending_the_session_shows_a_calm_closing_screen_without_a_current_badge_or_a_countdown() {
        push(PromptRef.of(0, PromptKind.SITUATION), PromptRef.question(0, 0, 0));
        CandidateRoomView view = openRoom();
        assertThat(content(view)).contains("Current");

        PanelViewSupport.as(panel.lead(), "INTERVIEWER", () -> sessions.end(panel.sessionId()));
        boolean closed = PanelViewSupport.awaitUi(() -> !_find(view, Paragraph.class,
                spec -> spec.withId("invite-message")).isEmpty(), Duration.ofSeconds(10));

        assertThat(closed).isTrue();
        assertThat(_get(view, Paragraph.class, spec -> spec.withId("invite-message")).getText())
                .isEqualTo(CandidateRoomView.ENDED_TEXT);
        String everything = String.join("\n", PanelViewSupport.allTexts());
        assertThat(everything).doesNotContain("Current").doesNotContain("Time left")
                .doesNotContain(agenda.getFirst().situation());
        assertThat(_find(view, Countdown.class)).isEmpty();

        UI.getCurrent().navigate("room");
        MockVaadin.clientRoundtrip(false);
        assertThat(_get(Paragraph.class, spec -> spec.withId("invite-message")).getText())
                .as("a reload shows the same calm page").isEqualTo(CandidateRoomView.ENDED_TEXT);
    }

    @Test
    void a_browser_that_lost_its_http_session_comes_back_into_the_room_by_its_cookie() {
        TestPanel.Candidate candidate = testPanel.join(panel, "Casey");
        push(PromptRef.of(0, PromptKind.SITUATION));
        PanelViewSupport.fakeRequest().setCookiesInt(new jakarta.servlet.http.Cookie[] {
                new jakarta.servlet.http.Cookie(CandidateSignIn.BROWSER_COOKIE, candidate.browserKey())});
        PanelViewSupport.useSpringSecurityRequestWrapper();

        UI.getCurrent().navigate("room");
        MockVaadin.clientRoundtrip(false);

        CandidateRoomView view = _get(CandidateRoomView.class);
        assertThat(content(view)).contains(agenda.getFirst().situation());
        assertThat(SecurityContextHolder.getContext().getAuthentication().getPrincipal())
                .isEqualTo(candidate.principal());
    }

    @Test
    void without_a_grant_or_a_cookie_the_room_shows_the_plain_page_and_nothing_of_the_session() {
        push(PromptRef.of(0, PromptKind.SITUATION));
        PanelViewSupport.fakeRequest().setCookiesInt(new jakarta.servlet.http.Cookie[] {
                new jakarta.servlet.http.Cookie(CandidateSignIn.BROWSER_COOKIE, InviteService.newBrowserKey())});

        UI.getCurrent().navigate("room");
        MockVaadin.clientRoundtrip(false);

        assertThat(_get(Paragraph.class, spec -> spec.withId("invite-message")).getText())
                .isEqualTo(JoinView.INVALID_TEXT);
        assertThat(String.join("\n", PanelViewSupport.allTexts())).doesNotContain(agenda.getFirst().situation());
    }

    @Test
    void the_countdown_says_plainly_whether_it_runs_or_is_paused() {
        push(PromptRef.of(0, PromptKind.SITUATION));
        CandidateRoomView view = openRoom();
        assertThat(view.timerLabel.getText()).as("the first push started it").isEqualTo("Time left");

        PanelViewSupport.as(panel.lead(), "INTERVIEWER", () -> control.pauseTimer(panel.sessionId(), 0));
        boolean paused = PanelViewSupport.awaitUi(() -> view.timerLabel.getText().startsWith("Paused"),
                Duration.ofSeconds(10));

        assertThat(paused).isTrue();
        assertThat(view.timerLabel.getText()).isEqualTo("Paused · time left");
        assertThat(view.timerLabel.hasClassName("paused")).isTrue();
        assertThat(view.countdown.getElement().getAttribute("aria-label")).startsWith("Timer paused");
    }

    @Test
    void a_third_clarification_request_in_a_row_is_refused_calmly_and_reaches_nobody() {
        push(PromptRef.question(0, 0, 0));
        CandidateRoomView view = openRoom();

        _click(view.clarify);
        _click(view.clarify);
        com.github.mvysny.kaributesting.v10.NotificationsKt.clearNotifications();
        _click(view.clarify);

        assertThat(com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications())
                .extracting(n -> n.getElement().getProperty("text"))
                .singleElement().asString().startsWith("The panel already has your request for a clarification.");
        assertThat(log.after(panel.sessionId(), 0)).filteredOn(e -> e.is(SessionEvents.ClarificationRequested.class))
                .hasSize(2);
    }

    // --- what a candidate cannot open --------------------------------------------------------------

    /** The library view is package-private in its own package. */
    @SuppressWarnings("unchecked")
    private static Class<? extends Component> libraryView() {
        try {
            return (Class<? extends Component>) Class.forName("io.mockpanel.scenario.ui.ScenarioLibraryView");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Arguments> panelRoutes() {
        return Stream.of(
                Arguments.of("the console of their own session", "sessions/{own}", SessionView.class),
                Arguments.of("the console of another session", "sessions/{other}", SessionView.class),
                Arguments.of("the library", "", libraryView()),
                Arguments.of("my sessions", "sessions", MySessionsView.class),
                Arguments.of("the new session form", "sessions/new", NewSessionView.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("panelRoutes")
    void a_candidate_cannot_open_any_view_of_the_panel(String what, String route, Class<? extends Component> view) {
        TestPanel.Panel other = testPanel.scheduled();
        PanelViewSupport.signInCandidate(testPanel.join(panel, "Casey").principal());

        UI.getCurrent().navigate(route.replace("{own}", String.valueOf(panel.sessionId()))
                .replace("{other}", String.valueOf(other.sessionId())));
        MockVaadin.clientRoundtrip(false);

        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(RouteNotFoundError.class);
        assertThat(_find(view)).isEmpty();
        String everything = String.join("\n", PanelViewSupport.allTexts());
        assertThat(everything).doesNotContain(agenda.getFirst().title());
    }

    @Test
    void only_a_candidate_opens_the_room() {
        push(PromptRef.of(0, PromptKind.SITUATION));
        login(panel.lead(), "INTERVIEWER");
        UI.getCurrent().navigate("room");
        MockVaadin.clientRoundtrip(false);

        CandidateRoomView view = _get(CandidateRoomView.class);
        assertThat(_get(view, Paragraph.class, spec -> spec.withId("invite-message")).getText())
                .isEqualTo(JoinView.INVALID_TEXT);
        assertThat(String.join("\n", PanelViewSupport.allTexts())).doesNotContain(agenda.getFirst().situation());
        assertThat(SecurityContextHolder.getContext().getAuthentication().getName()).isEqualTo(panel.lead());
    }
}
