package io.mockpanel.scenario;

import static io.mockpanel.scenario.LibraryFiles.idOf;
import static io.mockpanel.scenario.LibraryFiles.library;
import static io.mockpanel.scenario.LibraryFiles.unique;
import static io.mockpanel.scenario.LibraryFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestUsers;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Markdown export: reading back what was exported gives exactly what the library holds. */
@IntegrationTest
class ScenarioExportTest {

    @Autowired
    ScenarioService service;

    private final ScenarioMarkdownReader reader = new ScenarioMarkdownReader();

    @BeforeEach
    void signIn() {
        TestUsers.signIn("exporter", "INTERVIEWER");
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private List<ScenarioContent> storedScenarios() {
        return service.search(ScenarioFilter.ALL).stream()
                .map(summary -> service.find(summary.id()).orElseThrow().content())
                .toList();
    }

    /** Texts that begin with Markdown syntax, so the export must escape them to read back the same. */
    private String importTrickyScenario() throws ScenarioFormatException {
        String title = unique("#1 priority");
        service.importLibrary(utf8(library("""
                ### Scenario 1: \\%s
                **Level**: \\- dash level
                **Duration**: 15

                **Situation**: \\**Bold**: looks like a field but is the situation.

                **Key Challenges**:
                - \\### not a heading
                - \\> not a quote

                **Expected Discussion Points**:

                #### 1. \\+ plus area
                - \\* starred question?
                - 2. numbered question?
                """.formatted(title))), "tricky.md");
        return title;
    }

    @Test
    void the_exported_library_reads_back_as_exactly_the_stored_scenarios_and_guidance() throws Exception {
        String tricky = importTrickyScenario();
        assertThat(service.find(idOf(service, tricky).orElseThrow()).orElseThrow().content().situation())
                .isEqualTo("**Bold**: looks like a field but is the situation.");
        List<ScenarioContent> stored = storedScenarios();

        LibraryDocument exported = reader.read(service.exportLibrary());

        // The writer groups scenarios by category, so the order may differ from the library's.
        assertThat(exported.scenarios()).containsExactlyInAnyOrderElementsOf(stored);
        assertThat(exported.guidance()).containsExactlyInAnyOrderElementsOf(service.guidance());
        assertThat(exported.scenarios()).extracting(ScenarioContent::title)
                .startsWith(LibraryFiles.SEED_TITLES.toArray(String[]::new));
    }

    @Test
    void importing_the_exported_library_changes_nothing() throws Exception {
        importTrickyScenario();
        List<ScenarioSummary> before = service.search(ScenarioFilter.ALL);
        List<GuidanceList> guidanceBefore = service.guidance();
        byte[] export = utf8(service.exportLibrary());

        ImportPreview preview = service.preview(export);
        ImportResult result = service.importLibrary(export, "scenario-library.md");

        assertThat(preview.changesAnything()).isFalse();
        assertThat(result).isEqualTo(new ImportResult(0, 0, before.size(), 0));
        assertThat(service.search(ScenarioFilter.ALL)).isEqualTo(before);
        assertThat(service.guidance()).isEqualTo(guidanceBefore);
    }

    @Test
    void an_exported_seed_scenario_reads_back_as_that_one_scenario() throws Exception {
        ScenarioSummary crisis = service.search(ScenarioFilter.ALL).get(1);
        ScenarioContent stored = service.find(crisis.id()).orElseThrow().content();

        LibraryDocument exported = reader.read(service.exportScenario(crisis.id()).orElseThrow());

        assertThat(exported.scenarios()).containsExactly(stored);
        assertThat(exported.guidance()).isEmpty();
        assertThat(stored.title()).isEqualTo("Crisis Management and Incident Response");
    }

    @Test
    void an_exported_scenario_with_escaped_texts_and_no_company_reads_back_the_same() throws Exception {
        String tricky = importTrickyScenario();
        long id = idOf(service, tricky).orElseThrow();
        ScenarioContent stored = service.find(id).orElseThrow().content();
        assertThat(stored.company()).isNull();

        String markdown = service.exportScenario(id).orElseThrow();

        assertThat(markdown).doesNotContain("**Company**");
        assertThat(reader.read(markdown).scenarios()).containsExactly(stored);
    }
}
