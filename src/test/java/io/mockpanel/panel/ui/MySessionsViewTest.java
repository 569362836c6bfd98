package io.mockpanel.panel.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouteNotFoundError;
import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.security.ui.LoginView;
import io.mockpanel.support.KaribuTest;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** "My sessions": each member sees the panel's session with the action that fits; only interviewers create. */
class MySessionsViewTest extends KaribuTest {

    @AfterEach
    void closeView() {
        PanelViewSupport.closeView();
    }

    @Autowired
    TestPanel testPanel;

    @Autowired
    PanelSessionService sessions;

    private MySessionsView open(String username, String role) {
        login(username, role);
        UI.getCurrent().navigate("sessions");
        MockVaadin.clientRoundtrip(false);
        return _get(MySessionsView.class);
    }

    private static List<Card> cards(MySessionsView view) {
        return _find(view.cards, Card.class);
    }

    private static String action(Card card) {
        return _get(card, Button.class).getText();
    }

    private static List<String> badges(Card card) {
        return _find(card, Span.class).stream().filter(s -> s.getElement().getThemeList().contains("badge"))
                .map(Span::getText).toList();
    }

    @Test
    void the_lead_sees_the_scheduled_session_with_prepare_and_start_and_a_new_session_button() {
        TestPanel.Panel panel = testPanel.scheduled();

        MySessionsView view = open(panel.lead(), "INTERVIEWER");

        assertThat(cards(view)).hasSize(1);
        Card card = cards(view).getFirst();
        assertThat(_find(card, Span.class, spec -> spec.withText("Test panel " + panel.lead().substring(5))))
                .hasSize(1);
        assertThat(action(card)).isEqualTo("Prepare and start");
        assertThat(badges(card)).containsExactly("Scheduled", "Lead", "2 scenarios");
        assertThat(_find(Button.class, spec -> spec.withId("new-session"))).hasSize(1);
        assertThat(_get(Span.class, spec -> spec.withClasses("result-count")).getText()).isEqualTo("1 session");
    }

    @Test
    void a_panelist_sees_the_scheduled_session_with_open_and_a_new_session_button() {
        TestPanel.Panel panel = testPanel.scheduled();

        MySessionsView view = open(panel.panelist(), "INTERVIEWER");

        assertThat(cards(view)).hasSize(1);
        assertThat(action(cards(view).getFirst())).isEqualTo("Open");
        assertThat(badges(cards(view).getFirst())).containsExactly("Scheduled", "Panelist", "2 scenarios");
        assertThat(_find(Button.class, spec -> spec.withId("new-session"))).hasSize(1);
    }

    @Test
    void an_observing_coach_sees_the_session_with_open_and_no_new_session_button() {
        TestPanel.Panel panel = testPanel.scheduled();

        MySessionsView view = open(panel.coach(), "COACH");

        assertThat(cards(view)).hasSize(1);
        assertThat(action(cards(view).getFirst())).isEqualTo("Open");
        assertThat(badges(cards(view).getFirst())).containsExactly("Scheduled", "Observer", "2 scenarios");
        assertThat(_find(Button.class, spec -> spec.withId("new-session"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withText("New session"))).isEmpty();
    }

    @Test
    void every_member_is_offered_to_join_a_live_session() {
        TestPanel.Panel panel = testPanel.live();

        for (String[] member : new String[][] {{panel.lead(), "INTERVIEWER"}, {panel.panelist(), "INTERVIEWER"},
                {panel.coach(), "COACH"}}) {
            MySessionsView view = open(member[0], member[1]);
            assertThat(cards(view)).as(member[0]).hasSize(1);
            assertThat(action(cards(view).getFirst())).as(member[0]).isEqualTo("Join the live session");
            assertThat(badges(cards(view).getFirst()).getFirst()).isEqualTo("Live");
        }
    }

    @Test
    void an_ended_session_is_offered_for_review() {
        TestPanel.Panel panel = testPanel.live();
        TestUsers.signIn(panel.lead(), "INTERVIEWER");
        sessions.end(panel.sessionId());

        MySessionsView view = open(panel.lead(), "INTERVIEWER");

        assertThat(action(cards(view).getFirst())).isEqualTo("Review");
        assertThat(badges(cards(view).getFirst()).getFirst()).isEqualTo("Completed");
    }

    @Test
    void the_review_action_of_a_past_session_opens_its_review_page() {
        TestPanel.Panel panel = testPanel.live();
        TestUsers.signIn(panel.lead(), "INTERVIEWER");
        sessions.end(panel.sessionId());
        MySessionsView view = open(panel.panelist(), "INTERVIEWER");

        _click(_get(cards(view).getFirst(), Button.class));
        MockVaadin.clientRoundtrip(false);

        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("sessions/" + panel.sessionId() + "/review");
    }

    @Test
    void an_outsider_sees_none_of_the_panels_sessions() {
        TestPanel.Panel panel = testPanel.scheduled();

        MySessionsView view = open(panel.outsider(), "INTERVIEWER");

        assertThat(cards(view)).isEmpty();
        assertThat(_get(view.cards, Paragraph.class).getText()).startsWith("No sessions yet. Create one with New session");
        assertThat(_get(Span.class, spec -> spec.withClasses("result-count")).getText()).isEqualTo("0 sessions");
    }

    @Test
    void the_action_of_a_card_opens_the_sessions_console() {
        TestPanel.Panel panel = testPanel.scheduled();
        MySessionsView view = open(panel.panelist(), "INTERVIEWER");

        _click(_get(cards(view).getFirst(), Button.class));
        MockVaadin.clientRoundtrip(false);

        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(SessionView.class);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("sessions/" + panel.sessionId());
    }

    @Test
    void new_session_opens_the_form_for_an_interviewer() {
        TestPanel.Panel panel = testPanel.scheduled();
        open(panel.outsider(), "INTERVIEWER");

        _click(_get(Button.class, spec -> spec.withId("new-session")));
        MockVaadin.clientRoundtrip(false);

        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(NewSessionView.class);
    }

    @Test
    void an_anonymous_visitor_is_sent_to_the_login_view() {
        UI.getCurrent().navigate("sessions");
        MockVaadin.clientRoundtrip(false);

        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(LoginView.class);
        assertThat(_find(MySessionsView.class)).isEmpty();
    }

    @Test
    void an_admin_without_sessions_role_does_not_get_the_list() {
        login("ada-" + System.nanoTime(), "ADMIN");
        UI.getCurrent().navigate("sessions");
        MockVaadin.clientRoundtrip(false);

        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(RouteNotFoundError.class);
        assertThat(_find(MySessionsView.class)).isEmpty();
    }
}
