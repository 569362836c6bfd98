package io.mockpanel.panel.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.router.RouteNotFoundError;
import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.panel.SessionDetails;
import io.mockpanel.panel.SessionMember;
import io.mockpanel.panel.SessionRole;
import io.mockpanel.panel.SessionState;
import io.mockpanel.scenario.ScenarioFilter;
import io.mockpanel.scenario.ScenarioService;
import io.mockpanel.scenario.ScenarioSummary;
import io.mockpanel.security.Person;
import io.mockpanel.support.KaribuTest;
import io.mockpanel.support.TestPanel;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Setting up a session in the form: fields, agenda from the library, panel, then the console. */
class NewSessionViewTest extends KaribuTest {

    @AfterEach
    void closeView() {
        PanelViewSupport.closeView();
    }

    @Autowired
    TestPanel testPanel;

    @Autowired
    PanelSessionService sessions;

    @Autowired
    ScenarioService scenarios;

    @Autowired
    JdbcClient jdbc;

    private TestPanel.Panel panel;

    @BeforeEach
    void createPanel() {
        panel = testPanel.scheduled();
    }

    private NewSessionView open() {
        login(panel.lead(), "INTERVIEWER");
        UI.getCurrent().navigate("sessions/new");
        MockVaadin.clientRoundtrip(false);
        return _get(NewSessionView.class);
    }

    private static List<ScenarioSummary> library(NewSessionView view) {
        return view.scenarioPicker.getListDataView().getItems().toList();
    }

    private static Person person(com.vaadin.flow.component.combobox.MultiSelectComboBox<Person> box, String username) {
        return box.getListDataView().getItems().filter(p -> p.username().equals(username)).findFirst().orElseThrow();
    }

    private long sessionsLed() {
        return jdbc.sql("select count(*) from panel_session where lead_username = ?").param(panel.lead())
                .query(Long.class).single();
    }

    @Test
    void a_filled_form_creates_the_session_with_its_agenda_and_panel_and_opens_its_console() {
        NewSessionView view = open();
        List<ScenarioSummary> library = library(view);
        ScenarioSummary first = library.get(2);
        ScenarioSummary second = library.get(0);

        view.title.setValue("VP Engineering mock");
        view.candidateName.setValue("Robin Candidate");
        view.candidateEmail.setValue("robin@example.com");
        view.scenarioPicker.setValue(first);
        view.scenarioPicker.setValue(second);
        view.panelists.setValue(Set.of(person(view.panelists, panel.panelist())));
        view.observers.setValue(Set.of(person(view.observers, panel.coach())));
        assertThat(view.scenarioPicker.getValue()).as("the picker is cleared for the next pick").isNull();
        assertThat(_find(_get(OrderedList.class, spec -> spec.withId("agenda-list")), ListItem.class)).hasSize(2);
        _click(view.create);
        MockVaadin.clientRoundtrip(false);

        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(SessionView.class);
        String path = UI.getCurrent().getInternals().getActiveViewLocation().getPath();
        assertThat(path).matches("sessions/\\d+");
        long id = Long.parseLong(path.substring("sessions/".length()));
        SessionDetails created = sessions.find(id);
        assertThat(created.title()).isEqualTo("VP Engineering mock");
        assertThat(created.candidateName()).isEqualTo("Robin Candidate");
        assertThat(created.candidateEmail()).isEqualTo("robin@example.com");
        assertThat(created.state()).isEqualTo(SessionState.SCHEDULED);
        assertThat(created.agenda()).extracting(c -> c.title()).containsExactly(first.title(), second.title());
        assertThat(created.members()).extracting(SessionMember::username, SessionMember::role).containsExactly(
                tuple(panel.lead(), SessionRole.LEAD), tuple(panel.panelist(), SessionRole.PANELIST),
                tuple(panel.coach(), SessionRole.OBSERVER));
    }

    @Test
    void an_empty_agenda_shows_the_services_message_and_creates_nothing() {
        NewSessionView view = open();
        long before = sessionsLed();

        view.title.setValue("No agenda");
        view.candidateName.setValue("Robin");
        _click(view.create);

        assertThat(view.error.isVisible()).isTrue();
        assertThat(view.error.getText()).isEqualTo("Add at least one scenario to the agenda.");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(NewSessionView.class);
        assertThat(sessionsLed()).isEqualTo(before);
    }

    @Test
    void a_missing_title_shows_the_services_message_and_a_fixed_form_then_succeeds() {
        NewSessionView view = open();
        long before = sessionsLed();
        view.candidateName.setValue("Robin");
        view.scenarioPicker.setValue(library(view).getFirst());

        _click(view.create);
        assertThat(view.error.isVisible()).isTrue();
        assertThat(view.error.getText()).isEqualTo("The title is required (1 to 200 characters).");
        assertThat(sessionsLed()).isEqualTo(before);

        view.title.setValue("Now with a title");
        _click(view.create);
        MockVaadin.clientRoundtrip(false);
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(SessionView.class);
        assertThat(sessionsLed()).isEqualTo(before + 1);
    }

    @Test
    void the_agenda_can_be_reordered_and_trimmed_before_creating() {
        NewSessionView view = open();
        List<ScenarioSummary> library = library(view);
        ScenarioSummary a = library.get(0);
        ScenarioSummary b = library.get(1);
        ScenarioSummary c = library.get(3);
        view.title.setValue("Reordered");
        view.candidateName.setValue("Robin");
        view.scenarioPicker.setValue(a);
        view.scenarioPicker.setValue(b);
        view.scenarioPicker.setValue(c);

        _click(_get(Button.class, spec -> spec.withAttribute("aria-label", "Move " + c.title() + " up")));
        _click(_get(Button.class, spec -> spec.withAttribute("aria-label", "Remove " + a.title())));
        _click(view.create);
        MockVaadin.clientRoundtrip(false);

        String path = UI.getCurrent().getInternals().getActiveViewLocation().getPath();
        long id = Long.parseLong(path.substring("sessions/".length()));
        assertThat(sessions.find(id).agenda()).extracting(s -> s.title()).containsExactly(c.title(), b.title());
    }

    @Test
    void the_form_offers_the_other_interviewers_as_panelists_and_the_coaches_as_observers() {
        NewSessionView view = open();

        List<String> panelists = view.panelists.getListDataView().getItems().map(Person::username).toList();
        List<String> observers = view.observers.getListDataView().getItems().map(Person::username).toList();
        assertThat(panelists).contains(panel.panelist(), panel.outsider()).doesNotContain(panel.lead(), panel.coach());
        assertThat(observers).contains(panel.coach()).doesNotContain(panel.lead(), panel.panelist());
        assertThat(library(view)).extracting(ScenarioSummary::id)
                .containsExactlyElementsOf(scenarios.search(ScenarioFilter.ALL).stream().map(ScenarioSummary::id).toList());
    }

    @Test
    void a_coach_cannot_open_the_form() {
        login(panel.coach(), "COACH");
        UI.getCurrent().navigate("sessions/new");
        MockVaadin.clientRoundtrip(false);

        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(RouteNotFoundError.class);
        assertThat(_find(NewSessionView.class)).isEmpty();
    }
}
