package io.mockpanel.scenario.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouterLink;
import io.mockpanel.scenario.LibraryFiles;
import io.mockpanel.scenario.ScenarioFilter;
import io.mockpanel.scenario.ScenarioService;
import io.mockpanel.scenario.ScenarioSummary;
import io.mockpanel.support.KaribuTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The library page. Filters are set with the fields' setValue: Karibu 2.6.2's _setValue calls an
 * AbstractFieldSupport method that Vaadin 25.2 no longer has (NoSuchMethodError), and the view's
 * listeners do not care whether a change came from the browser.
 */
class ScenarioLibraryViewTest extends KaribuTest {

    private static final String NO_MATCH =
            "No scenario matches. Clear the search or the filters to see the whole library.";

    @Autowired
    ScenarioService service;

    private ScenarioLibraryView open(String username, String role) {
        login(username, role);
        UI.getCurrent().navigate("");
        MockVaadin.clientRoundtrip(false);
        return _get(ScenarioLibraryView.class);
    }

    private static List<String> cardTitles(ScenarioLibraryView view) {
        return _find(view.cards, RouterLink.class, spec -> spec.withClasses("scenario-card-title")).stream()
                .map(RouterLink::getText).toList();
    }

    private static String resultCount() {
        return _get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("result-count")).getText();
    }

    @Test
    void interviewer_sees_a_card_for_every_scenario_including_the_seed() {
        ScenarioLibraryView view = open("ivy", "INTERVIEWER");
        List<ScenarioSummary> library = service.search(ScenarioFilter.ALL);

        assertThat(_find(view.cards, Card.class)).hasSize(library.size()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(cardTitles(view)).containsExactlyElementsOf(library.stream().map(ScenarioSummary::title).toList())
                .containsAll(LibraryFiles.SEED_TITLES);
        assertThat(resultCount()).isEqualTo(library.size() + " scenarios");
        assertThat(_find(view.cards, Paragraph.class, spec -> spec.withClasses("empty-state"))).isEmpty();
    }

    @Test
    void a_card_title_links_to_the_scenario_detail() {
        ScenarioLibraryView view = open("ivy", "INTERVIEWER");
        ScenarioSummary crisis = service.search(new ScenarioFilter("Crisis Management and Incident Response", null,
                null)).getFirst();

        RouterLink link = _get(view.cards, RouterLink.class,
                spec -> spec.withClasses("scenario-card-title").withText(crisis.title()));

        assertThat(link.getHref()).isEqualTo("scenarios/" + crisis.id());
    }

    @Test
    void typing_in_the_search_field_narrows_the_cards_and_updates_the_count() {
        ScenarioLibraryView view = open("ivy", "INTERVIEWER");

        view.search.setValue("monolithic ARCHITECTURE");
        MockVaadin.clientRoundtrip(false);

        assertThat(cardTitles(view)).containsExactly("Technology Transformation Leadership");
        assertThat(resultCount()).isEqualTo("1 scenario");
    }

    @Test
    void clearing_the_search_shows_the_whole_library_again() {
        ScenarioLibraryView view = open("ivy", "INTERVIEWER");
        view.search.setValue("rollback");
        assertThat(cardTitles(view))
                .containsExactly("Technology Transformation Leadership", "Architecture Decision Making");
        assertThat(resultCount()).isEqualTo("2 scenarios");

        view.search.setValue("");

        assertThat(cardTitles(view)).hasSize(service.search(ScenarioFilter.ALL).size());
    }

    @Test
    void the_category_filter_narrows_the_cards() {
        ScenarioLibraryView view = open("ivy", "INTERVIEWER");
        assertThat(view.category.getListDataView().getItems()).contains("🚀 Technical Leadership Scenarios");

        view.category.setValue("🚀 Technical Leadership Scenarios");

        assertThat(cardTitles(view)).containsExactly("Architecture Decision Making", "Team Performance and Development");
        assertThat(resultCount()).isEqualTo("2 scenarios");
    }

    @Test
    void the_level_filter_combines_with_the_category_filter() {
        ScenarioLibraryView view = open("ivy", "INTERVIEWER");

        view.level.setValue("Principal Engineer / Staff Engineer");
        assertThat(cardTitles(view)).containsExactly("Architecture Decision Making", "Technology Innovation and R&D");

        view.category.setValue("🎯 Innovation and Strategy Scenarios");
        assertThat(cardTitles(view)).containsExactly("Technology Innovation and R&D");
        assertThat(resultCount()).isEqualTo("1 scenario");
    }

    @Test
    void a_search_without_match_shows_the_empty_state() {
        ScenarioLibraryView view = open("ivy", "INTERVIEWER");

        view.search.setValue(LibraryFiles.unique("nothing like this"));

        assertThat(_find(view.cards, Card.class)).isEmpty();
        assertThat(_get(view.cards, Paragraph.class, spec -> spec.withClasses("empty-state")).getText())
                .isEqualTo(NO_MATCH);
        assertThat(resultCount()).isEqualTo("0 scenarios");
    }

    @Test
    void a_nul_character_typed_or_pasted_into_the_search_narrows_the_cards_and_says_it_was_left_out() {
        ScenarioLibraryView view = open("ivy", "INTERVIEWER");

        view.search.setValue("monolithic\u0000 ARCHITECTURE");
        MockVaadin.clientRoundtrip(false);

        assertThat(cardTitles(view)).containsExactly("Technology Transformation Leadership");
        assertThat(resultCount()).isEqualTo("1 scenario");
        assertThat(view.search.getHelperText()).isEqualTo(
                "Control characters (such as NUL) cannot be searched for and were left out.");

        view.search.setValue("rollback");
        assertThat(resultCount()).isEqualTo("2 scenarios");
        assertThat(view.search.getHelperText()).isNullOrEmpty();
    }

    @Test
    void the_import_link_is_shown_to_an_interviewer() {
        open("ivy", "INTERVIEWER");
        assertThat(_get(RouterLink.class, spec -> spec.withId("import-link")).getHref()).isEqualTo("scenarios/import");
    }

    @Test
    void the_import_link_is_shown_to_an_admin() {
        open("ada", "ADMIN");
        assertThat(_find(RouterLink.class, spec -> spec.withId("import-link"))).hasSize(1);
    }

    @Test
    void the_import_link_is_absent_for_a_coach() {
        ScenarioLibraryView view = open("cole", "COACH");
        assertThat(_find(RouterLink.class, spec -> spec.withId("import-link"))).isEmpty();
        // The coach still sees the library itself.
        assertThat(cardTitles(view)).containsAll(LibraryFiles.SEED_TITLES);
    }
}
