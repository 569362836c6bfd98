package io.mockpanel.scenario;

import static io.mockpanel.scenario.LibraryFiles.SEED_TITLES;
import static org.assertj.core.api.Assertions.assertThat;

import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestUsers;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The seed library as the application stored it at start-up. Other tests add scenarios to the
 * same database, so the seed is recognised by title and by being first (lowest ids), never by a
 * total count.
 */
@IntegrationTest
class SeedLibraryTest {

    private static final List<String> SEED_CATEGORIES = List.of(
            "🎯 Executive Leadership Scenarios",
            "🚀 Technical Leadership Scenarios",
            "💼 Cross-Functional Collaboration Scenarios",
            "🎯 Innovation and Strategy Scenarios");

    private static final List<String> SEED_GUIDANCE = List.of(
            "Preparation Strategies", "Response Framework", "Common Mistakes to Avoid", "Advanced Tips");

    /** What Windows-1252 makes of UTF-8 bytes 0x80–0x9F; none of it belongs in the repaired seed. */
    private static final String CP1252_HIGH = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";

    @Autowired
    ScenarioService service;

    @Autowired
    SeedLibraryLoader seedLoader;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void signIn() {
        TestUsers.signIn("seed-reader", "INTERVIEWER");
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private List<ScenarioSummary> library() {
        return service.search(ScenarioFilter.ALL);
    }

    private LibraryDocument storedSeed() {
        List<ScenarioContent> scenarios = library().subList(0, SEED_TITLES.size()).stream()
                .map(summary -> service.find(summary.id()).orElseThrow().content())
                .toList();
        List<GuidanceList> guidance = service.guidance().subList(0, SEED_GUIDANCE.size());
        return new LibraryDocument(scenarios, guidance);
    }

    @Test
    void the_first_eight_scenarios_of_the_library_are_the_seed_titles_in_file_order() {
        assertThat(library()).extracting(ScenarioSummary::title).startsWith(SEED_TITLES.toArray(String[]::new));
    }

    @Test
    void each_seed_title_is_stored_exactly_once() {
        List<String> titles = library().stream().map(ScenarioSummary::title).toList();
        for (String seedTitle : SEED_TITLES) {
            assertThat(titles.stream().filter(t -> t.equalsIgnoreCase(seedTitle)).count())
                    .as(seedTitle).isEqualTo(1);
            assertThat(LibraryFiles.rowsTitled(jdbc, seedTitle)).as(seedTitle).isEqualTo(1);
        }
    }

    @Test
    void every_seed_scenario_is_stored_exactly_as_the_seed_file_describes_it() throws Exception {
        LibraryDocument file = new ScenarioMarkdownReader().read(ScenarioMarkdownReaderTest.seed());
        assertThat(storedSeed().scenarios()).containsExactlyElementsOf(file.scenarios());
        assertThat(storedSeed().guidance()).containsExactlyElementsOf(file.guidance());
    }

    @Test
    void seed_categories_are_stored_with_real_emoji() {
        ScenarioContent first = storedSeed().scenarios().getFirst();
        assertThat(first.category()).isEqualTo("🎯 Executive Leadership Scenarios");
        assertThat(first.category().codePointAt(0)).isEqualTo(0x1F3AF);
        assertThat(storedSeed().scenarios()).extracting(ScenarioContent::category).containsExactly(
                SEED_CATEGORIES.get(0), SEED_CATEGORIES.get(0), SEED_CATEGORIES.get(1), SEED_CATEGORIES.get(1),
                SEED_CATEGORIES.get(2), SEED_CATEGORIES.get(2), SEED_CATEGORIES.get(3), SEED_CATEGORIES.get(3));
    }

    @Test
    void no_stored_seed_text_contains_mojibake() {
        List<String> strings = ScenarioMarkdownReaderTest.allStrings(storedSeed());
        assertThat(strings).hasSizeGreaterThan(100);
        assertThat(strings).allSatisfy(text -> assertThat(text.chars())
                .as("mojibake in \"%s\"", text)
                .noneMatch(c -> (c >= 0x80 && c <= 0xFF) || CP1252_HIGH.indexOf(c) >= 0 || c == 0xFFFD));
        // The seed's only non-ASCII characters are the three emoji of its headings.
        assertThat(strings.stream().flatMapToInt(String::codePoints).filter(cp -> cp >= 0x80).distinct().sorted())
                .containsExactly(0x1F3AF, 0x1F4BC, 0x1F680);
    }

    @Test
    void the_seed_was_recorded_as_a_single_import_by_the_system() {
        var seedImports = jdbc.sql("""
                select imported_by, scenarios_added, scenarios_updated, guidance_changed
                  from scenario_import where source_name = 'seed-library.md'""")
                .query((rs, row) -> List.of(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
                .list();
        assertThat(seedImports).containsExactly(List.of("system", 8, 0, 4));
    }

    @Test
    void the_seed_loader_does_nothing_once_the_library_has_been_imported() throws Exception {
        long importsBefore = jdbc.sql("select count(*) from scenario_import").query(Long.class).single();
        List<ScenarioSummary> libraryBefore = library();

        seedLoader.run(new DefaultApplicationArguments());

        assertThat(jdbc.sql("select count(*) from scenario_import").query(Long.class).single())
                .isEqualTo(importsBefore);
        assertThat(library()).isEqualTo(libraryBefore);
    }

    @Test
    void categories_start_with_the_seed_categories_in_order_of_first_appearance() {
        assertThat(service.categories()).startsWith(SEED_CATEGORIES.toArray(String[]::new)).doesNotHaveDuplicates();
    }

    @Test
    void levels_start_with_the_seed_levels_in_order_of_first_appearance() {
        assertThat(service.levels()).startsWith(
                "CTO/VP Engineering",
                "Principal Engineer / Staff Engineer",
                "Engineering Manager / Senior Manager",
                "Senior Manager / Director",
                "Director / Senior Director",
                "VP Engineering / CTO").doesNotHaveDuplicates();
    }

    @Test
    void guidance_starts_with_the_four_seed_lists_of_the_best_practices_section() {
        List<GuidanceList> seedLists = service.guidance().subList(0, SEED_GUIDANCE.size());
        assertThat(seedLists).extracting(GuidanceList::title).containsExactlyElementsOf(SEED_GUIDANCE);
        assertThat(seedLists).extracting(GuidanceList::section)
                .containsOnly("🎯 Best Practices for Advanced Leadership Interviews");
    }

    @Test
    void the_response_framework_is_the_star_method() {
        GuidanceList framework = service.guidance().stream()
                .filter(list -> list.title().equals("Response Framework")).findFirst().orElseThrow();
        assertThat(framework.items()).containsExactly(
                new GuidanceItem("Situation", "Set the context and scale"),
                new GuidanceItem("Task", "Define your responsibilities and objectives"),
                new GuidanceItem("Action", "Detail specific strategies and approaches"),
                new GuidanceItem("Result", "Quantify outcomes and lessons learned"));
    }

    @Test
    void find_returns_a_stored_scenario_by_id() {
        ScenarioSummary crisis = library().get(1);
        ScenarioDetails details = service.find(crisis.id()).orElseThrow();
        assertThat(details.id()).isEqualTo(crisis.id());
        assertThat(details.content().title()).isEqualTo("Crisis Management and Incident Response");
        assertThat(details.content().durationMinutes()).isEqualTo(45);
        assertThat(details.content().company()).isEqualTo("Any");
    }

    @Test
    void find_of_an_unknown_id_is_empty() {
        assertThat(service.find(Long.MAX_VALUE)).isEmpty();
        assertThat(service.find(-1)).isEmpty();
        assertThat(service.exportScenario(Long.MAX_VALUE)).isEmpty();
    }
}
