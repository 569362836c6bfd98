package io.mockpanel.scenario.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import io.mockpanel.scenario.DiscussionArea;
import io.mockpanel.scenario.LibraryFiles;
import io.mockpanel.scenario.ScenarioContent;
import io.mockpanel.scenario.ScenarioService;
import io.mockpanel.support.KaribuTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ScenarioDetailViewTest extends KaribuTest {

    @Autowired
    ScenarioService service;

    private long idOf(String title) {
        return LibraryFiles.idOf(service, title).orElseThrow();
    }

    private ScenarioDetailView open(String route) {
        UI.getCurrent().navigate(route);
        MockVaadin.clientRoundtrip(false);
        return _get(ScenarioDetailView.class);
    }

    private static <T extends Component & HasText> List<String> texts(Component root, Class<T> type) {
        return _find(root, type).stream().map(HasText::getText).toList();
    }

    @Test
    void a_seed_scenario_shows_its_title_situation_challenges_and_every_area_with_its_questions() {
        login("ivy", "INTERVIEWER");
        long id = idOf("Technology Transformation Leadership");
        ScenarioContent content = service.find(id).orElseThrow().content();

        ScenarioDetailView view = open("scenarios/" + id);

        assertThat(_get(view, H2.class).getText()).isEqualTo("Technology Transformation Leadership");
        assertThat(_get(view, Span.class, spec -> spec.withClasses("detail-category")).getText())
                .isEqualTo("🎯 Executive Leadership Scenarios");
        Section situation = _get(view, Section.class, spec -> spec.withClasses("detail-situation"));
        assertThat(_get(situation, Paragraph.class).getText()).isEqualTo(content.situation())
                .startsWith("You're leading a 500-person engineering organization");
        assertThat(texts(_get(view, UnorderedList.class), ListItem.class))
                .containsExactlyElementsOf(content.keyChallenges())
                .hasSize(5);

        List<Div> areaCards = _find(view, Div.class, spec -> spec.withClasses("area-card"));
        assertThat(areaCards).hasSize(4);
        List<String> expectedHeadings = new ArrayList<>();
        for (int i = 0; i < content.discussionAreas().size(); i++) {
            DiscussionArea area = content.discussionAreas().get(i);
            expectedHeadings.add((i + 1) + ". " + area.title());
            assertThat(texts(areaCards.get(i), ListItem.class)).as(area.title())
                    .containsExactlyElementsOf(area.questions()).hasSize(4);
        }
        assertThat(expectedHeadings).containsExactly(
                "1. Vision and Strategy", "2. Change Management", "3. Risk Management", "4. Success Metrics");
        assertThat(texts(view, H4.class)).containsExactlyElementsOf(expectedHeadings);
        assertThat(texts(view, ListItem.class)).contains("What rollback strategies would you implement?");
        assertThat(view.getPageTitle()).isEqualTo("Technology Transformation Leadership");
    }

    @Test
    void the_detail_shows_the_level_duration_and_company_badges() {
        login("ivy", "INTERVIEWER");
        ScenarioDetailView view = open("scenarios/" + idOf("Crisis Management and Incident Response"));

        Div badges = _get(view, Div.class, spec -> spec.withClasses("badges"));
        assertThat(texts(badges, Span.class)).containsExactly("CTO/VP Engineering", "45 min", "Any");
    }

    @Test
    void a_scenario_without_company_or_challenges_shows_neither() throws Exception {
        login("ivy", "INTERVIEWER");
        String title = LibraryFiles.unique("Plain detail");
        service.importLibrary(LibraryFiles.utf8(LibraryFiles.library("""
                ### Scenario 1: %s
                **Level**: Director
                **Duration**: 25 minutes

                **Situation**: Nothing but a situation.

                **Expected Discussion Points**:

                #### 1. Single area
                - Single question?
                """.formatted(title))), "plain.md");

        ScenarioDetailView view = open("scenarios/" + idOf(title));

        assertThat(_get(view, H2.class).getText()).isEqualTo(title);
        assertThat(texts(view, H3.class)).containsExactly("Situation", "Areas of discussion");
        assertThat(_find(view, UnorderedList.class)).isEmpty();
        assertThat(texts(_get(view, Div.class, spec -> spec.withClasses("badges")), Span.class))
                .containsExactly("Director", "25 min");
        assertThat(texts(view, H4.class)).containsExactly("1. Single area");
    }

    @Test
    void a_coach_can_read_a_scenario() {
        login("cole", "COACH");
        ScenarioDetailView view = open("scenarios/" + idOf("Vendor and Partner Management"));
        assertThat(_get(view, H2.class).getText()).isEqualTo("Vendor and Partner Management");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775807", "-1", "0", "abc", "12abc", "99999999999999999999"})
    void an_unknown_or_malformed_id_shows_scenario_not_found(String id) {
        login("ivy", "INTERVIEWER");

        ScenarioDetailView view = open("scenarios/" + id);

        assertThat(_get(view, H2.class).getText()).isEqualTo("Scenario not found");
        assertThat(view.getPageTitle()).isEqualTo("Scenario not found");
        assertThat(_find(view, Section.class)).isEmpty();
    }

    @Test
    void opening_another_scenario_replaces_the_previous_one() {
        login("ivy", "INTERVIEWER");
        open("scenarios/" + idOf("Architecture Decision Making"));

        ScenarioDetailView view = open("scenarios/" + idOf("Product-Technology Alignment"));

        assertThat(texts(view, H2.class)).containsExactly("Product-Technology Alignment");
        assertThat(_find(view, Div.class, spec -> spec.withClasses("area-card"))).hasSize(4);
    }

    @Test
    void a_scenario_not_found_links_back_to_the_library() {
        login("ivy", "INTERVIEWER");
        ScenarioDetailView view = open("scenarios/abc");
        var back = _get(view, com.vaadin.flow.router.RouterLink.class);
        assertThat(back.getText()).isEqualTo("Back to the library");
        assertThat(back.getHref()).isEmpty(); // the library's route is ""
    }
}
