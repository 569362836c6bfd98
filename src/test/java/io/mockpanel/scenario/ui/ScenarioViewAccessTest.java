package io.mockpanel.scenario.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteNotFoundError;
import io.mockpanel.security.ui.LoginView;
import io.mockpanel.support.KaribuTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who reaches which scenario view. A signed-in user who may not open a view gets Vaadin's "not
 * found" page (the route is not revealed); an anonymous visitor is sent to the login view.
 */
class ScenarioViewAccessTest extends KaribuTest {

    @Autowired
    JdbcClient jdbc;

    /** A route of every scenario view (the detail of a seed scenario) and the view it opens. */
    static Stream<Arguments> scenarioViews() {
        return Stream.of(
                Arguments.of("", ScenarioLibraryView.class),
                Arguments.of("scenarios/{seed}", ScenarioDetailView.class),
                Arguments.of("scenarios/import", ScenarioImportView.class),
                Arguments.of("guidance", GuidanceView.class));
    }

    /** The views a coach may read: all but the import. */
    static Stream<Arguments> coachViews() {
        return scenarioViews().filter(args -> args.get()[1] != ScenarioImportView.class);
    }

    private void navigate(String route) {
        long seedId = jdbc.sql("select id from scenario where title = 'Crisis Management and Incident Response'")
                .query(Long.class).single();
        UI.getCurrent().navigate(route.replace("{seed}", String.valueOf(seedId)));
        MockVaadin.clientRoundtrip(false);
    }

    @ParameterizedTest
    @MethodSource("scenarioViews")
    void a_candidate_is_denied_every_scenario_view(String route, Class<? extends Component> view) {
        login("candy", "CANDIDATE");

        navigate(route);

        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(RouteNotFoundError.class);
        assertThat(_find(view)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("scenarioViews")
    void an_anonymous_visitor_is_sent_to_the_login_view(String route, Class<? extends Component> view) {
        navigate(route);

        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(LoginView.class);
        assertThat(_find(view)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("scenarioViews")
    void an_interviewer_reaches_every_scenario_view(String route, Class<? extends Component> view) {
        login("ivy", "INTERVIEWER");

        navigate(route);

        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(view);
    }

    @ParameterizedTest
    @MethodSource("coachViews")
    void a_coach_reaches_the_views_for_reading(String route, Class<? extends Component> view) {
        login("cole", "COACH");

        navigate(route);

        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(view);
    }
}
