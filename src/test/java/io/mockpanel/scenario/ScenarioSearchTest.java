package io.mockpanel.scenario;

import static io.mockpanel.scenario.LibraryFiles.oneScenario;
import static io.mockpanel.scenario.LibraryFiles.unique;
import static io.mockpanel.scenario.LibraryFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestUsers;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Searching the library. The expectations on seed scenarios are exact because test imports never
 * use a seed category, level or phrase; tests that need their own data import it under unique titles.
 */
@IntegrationTest
class ScenarioSearchTest {

    private static final String TECHNICAL = "🚀 Technical Leadership Scenarios";
    private static final String INNOVATION = "🎯 Innovation and Strategy Scenarios";
    private static final String PRINCIPAL = "Principal Engineer / Staff Engineer";

    @Autowired
    ScenarioService service;

    @BeforeEach
    void signIn() {
        TestUsers.signIn("searcher", "INTERVIEWER");
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private List<String> titles(@Nullable String text, @Nullable String category, @Nullable String level) {
        return service.search(new ScenarioFilter(text, category, level)).stream().map(ScenarioSummary::title).toList();
    }

    @Test
    void text_matches_a_title_ignoring_case() {
        assertThat(titles("crisis MANAGEMENT and incident", null, null))
                .containsExactly("Crisis Management and Incident Response");
    }

    @Test
    void text_matches_the_situation() {
        assertThat(titles("Monolithic Architecture", null, null))
                .containsExactly("Technology Transformation Leadership");
    }

    @Test
    void text_matches_the_text_of_a_question() {
        // Only a question of scenario 1 says "rollback strategies"; its title and situation do not.
        assertThat(titles("ROLLBACK STRATEGIES", null, null))
                .containsExactly("Technology Transformation Leadership");
    }

    @Test
    void text_matches_a_key_challenge() {
        // A challenge of scenario 2; its title, situation and questions say nothing about fatigue.
        assertThat(titles("team STRESS and fatigue", null, null))
                .containsExactly("Crisis Management and Incident Response");
    }

    @Test
    void category_narrows_to_the_scenarios_of_that_category() {
        assertThat(titles(null, TECHNICAL, null))
                .containsExactly("Architecture Decision Making", "Team Performance and Development");
    }

    @Test
    void level_narrows_to_the_scenarios_of_that_level() {
        assertThat(titles(null, null, PRINCIPAL))
                .containsExactly("Architecture Decision Making", "Technology Innovation and R&D");
    }

    @Test
    void category_level_and_text_combine_as_and() {
        assertThat(titles(null, INNOVATION, PRINCIPAL)).containsExactly("Technology Innovation and R&D");
        assertThat(titles(null, TECHNICAL, PRINCIPAL)).containsExactly("Architecture Decision Making");
        // "rollback" is in scenario 1 and scenario 3; the category keeps only scenario 3.
        assertThat(titles("rollback", null, null))
                .containsExactly("Technology Transformation Leadership", "Architecture Decision Making");
        assertThat(titles("rollback", TECHNICAL, null)).containsExactly("Architecture Decision Making");
        assertThat(titles("rollback", INNOVATION, PRINCIPAL)).isEmpty();
    }

    @Test
    void a_category_or_level_must_match_exactly_not_as_a_substring() {
        assertThat(titles(null, "Technical Leadership", null)).isEmpty();
        assertThat(titles(null, null, "Principal Engineer")).isEmpty();
    }

    @Test
    void blank_filter_parts_do_not_narrow() {
        List<String> all = titles(null, null, null);
        assertThat(all).hasSizeGreaterThanOrEqualTo(LibraryFiles.SEED_TITLES.size());
        assertThat(titles("   ", " ", "")).isEqualTo(all);
    }

    @Test
    void text_without_any_match_finds_nothing() {
        assertThat(titles(unique("no such phrase"), null, null)).isEmpty();
    }

    @Test
    void percent_and_underscore_in_the_text_are_literal_characters() throws Exception {
        TestUsers.signIn("searcher", "INTERVIEWER");
        String token = unique("tok").replace(' ', '-');
        String literal = unique("Literal wildcard");
        String lookalike = unique("Lookalike wildcard");
        service.importLibrary(utf8(LibraryFiles.library(
                LibraryFiles.scenario(literal, "Uptime reached 99%" + token + " and a_b" + token + " and c\\d" + token),
                LibraryFiles.scenario(lookalike, "Uptime reached 99.9 " + token + " and axb" + token + " and cxd" + token))),
                "wildcards.md");

        // As LIKE wildcards, "%", "_" and "\" would match the look-alike scenario too.
        assertThat(titles("99%" + token, null, null)).containsExactly(literal);
        assertThat(titles("a_b" + token, null, null)).containsExactly(literal);
        assertThat(titles("c\\d" + token, null, null)).containsExactly(literal);
        assertThat(titles(token, null, null)).containsExactlyInAnyOrder(literal, lookalike);
        assertThat(titles("%", null, null)).contains(literal).doesNotContain(lookalike);
    }

    @Test
    void a_nul_character_in_the_text_is_left_out_instead_of_failing_in_the_database() {
        assertThat(titles("Cri\u0000sis management", null, null))
                .containsExactly("Crisis Management and Incident Response");
        assertThat(titles("\u0000", null, null)).hasSize(service.search(ScenarioFilter.ALL).size());
    }

    @Test
    void other_control_characters_search_as_spaces_and_broken_surrogates_are_left_out() {
        assertThat(titles("crisis\tmanagement\r\nand\u0007 incident", null, null))
                .containsExactly("Crisis Management and Incident Response");
        assertThat(titles("Crisis\uD83DManagement\uDE00", null, null)).isEmpty();
        assertThat(titles("Crisis \uD83D Management", null, null))
                .containsExactly("Crisis Management and Incident Response");
    }

    @Test
    void a_category_or_level_holding_a_nul_matches_nothing_and_fails_nothing() {
        assertThat(titles(null, TECHNICAL + "\u0000", null)).isEmpty();
        assertThat(titles(null, null, "\u0000" + PRINCIPAL)).isEmpty();
    }

    @Test
    void a_text_far_longer_than_the_search_field_allows_is_cut_not_refused_by_the_database() {
        String crisis = "Crisis Management and Incident Response";

        assertThat(titles(crisis + " ".repeat(10) + "x".repeat(100_000), null, null)).isEmpty();
        assertThat(titles(crisis + "\u0000".repeat(100_000), null, null)).containsExactly(crisis);
    }

    @Test
    void summaries_count_the_areas_and_questions_of_a_scenario() throws Exception {
        String title = unique("Counted");
        service.importLibrary(utf8(oneScenario(title, "Counting.")), "counted.md");
        ScenarioSummary summary = service.search(new ScenarioFilter(title, null, null)).getFirst();
        assertThat(summary.title()).isEqualTo(title);
        assertThat(summary.areaCount()).isEqualTo(2);
        assertThat(summary.questionCount()).isEqualTo(3);
        assertThat(summary.company()).isEqualTo("Acme");
        assertThat(summary.category()).isEqualTo(LibraryFiles.TEST_CATEGORY);
    }
}
