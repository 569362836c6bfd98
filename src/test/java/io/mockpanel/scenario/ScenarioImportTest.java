package io.mockpanel.scenario;

import static io.mockpanel.scenario.LibraryFiles.idOf;
import static io.mockpanel.scenario.LibraryFiles.library;
import static io.mockpanel.scenario.LibraryFiles.oneScenario;
import static io.mockpanel.scenario.LibraryFiles.rowsTitled;
import static io.mockpanel.scenario.LibraryFiles.scenario;
import static io.mockpanel.scenario.LibraryFiles.unique;
import static io.mockpanel.scenario.LibraryFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestUsers;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Previewing and importing library files: what is saved, what is refused, and that a refusal saves nothing. */
@IntegrationTest
class ScenarioImportTest {

    private static final String NOT_UTF8 = "The file is not UTF-8 text. Save it as UTF-8 Markdown (.md) and upload it again.";

    @Autowired
    ScenarioService service;

    @Autowired
    JdbcClient jdbc;

    private final ScenarioMarkdownReader reader = new ScenarioMarkdownReader();

    @BeforeEach
    void signIn() {
        TestUsers.signIn("importer", "INTERVIEWER");
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private ScenarioContent parsedOnly(String file) throws ScenarioFormatException {
        List<ScenarioContent> scenarios = reader.read(file).scenarios();
        assertThat(scenarios).hasSize(1);
        return scenarios.getFirst();
    }

    private ScenarioContent stored(String title) {
        return service.find(idOf(service, title).orElseThrow()).orElseThrow().content();
    }

    private long importCount() {
        return jdbc.sql("select count(*) from scenario_import").query(Long.class).single();
    }

    /** Refused: the exception, and neither the library nor the import log changed. */
    private ScenarioFormatException refused(byte[] file, String... titlesNotSaved) {
        long importsBefore = importCount();
        var previewError = catchThrowableOfType(ScenarioFormatException.class, () -> service.preview(file));
        var importError = catchThrowableOfType(ScenarioFormatException.class,
                () -> service.importLibrary(file, "refused.md"));
        assertThat(previewError).as("preview refuses the file").isNotNull();
        assertThat(importError).as("import refuses the file").isNotNull();
        assertThat(importError.getMessage()).isEqualTo(previewError.getMessage());
        assertThat(importError.lineNumber()).isEqualTo(previewError.lineNumber());
        for (String title : titlesNotSaved) {
            assertThat(rowsTitled(jdbc, title)).as("rows titled %s", title).isZero();
        }
        assertThat(importCount()).as("imports recorded").isEqualTo(importsBefore);
        return importError;
    }

    @Test
    void preview_of_a_new_scenario_says_new_and_saves_nothing() throws Exception {
        String title = unique("Preview only");
        long importsBefore = importCount();
        List<ScenarioSummary> libraryBefore = service.search(ScenarioFilter.ALL);

        ImportPreview preview = service.preview(utf8(oneScenario(title, "Nothing saved yet.")));

        assertThat(preview.scenarios()).singleElement().satisfies(s -> {
            assertThat(s.change()).isEqualTo(ImportChange.NEW);
            assertThat(s.content().title()).isEqualTo(title);
        });
        assertThat(preview.count(ImportChange.NEW)).isEqualTo(1);
        assertThat(preview.changesAnything()).isTrue();
        assertThat(service.search(ScenarioFilter.ALL)).isEqualTo(libraryBefore);
        assertThat(rowsTitled(jdbc, title)).isZero();
        assertThat(importCount()).isEqualTo(importsBefore);
    }

    @Test
    void import_adds_a_new_scenario_exactly_as_the_file_describes_it() throws Exception {
        String title = unique("Added");
        String file = oneScenario(title, "A brand new situation.");

        ImportResult result = service.importLibrary(utf8(file), "added.md");

        assertThat(result).isEqualTo(new ImportResult(1, 0, 0, 0));
        assertThat(stored(title)).isEqualTo(parsedOnly(file));
        assertThat(rowsTitled(jdbc, title)).isEqualTo(1);
    }

    @Test
    void import_is_recorded_with_who_imported_which_file() throws Exception {
        TestUsers.signIn("recorder", "ADMIN");
        String source = unique("audit") + ".md";
        service.importLibrary(utf8(oneScenario(unique("Audited"), "Logged.")), source);

        var row = jdbc.sql("select imported_by, scenarios_added from scenario_import where source_name = ?")
                .param(source).query((rs, n) -> List.of(rs.getString(1), rs.getInt(2))).single();
        assertThat(row).containsExactly("recorder", 1);
    }

    @Test
    void importing_the_same_file_again_changes_nothing() throws Exception {
        String title = unique("Twice");
        byte[] file = utf8(oneScenario(title, "Imported twice."));
        service.importLibrary(file, "twice.md");
        long id = idOf(service, title).orElseThrow();
        ScenarioContent first = stored(title);

        ImportPreview preview = service.preview(file);
        ImportResult again = service.importLibrary(file, "twice.md");

        assertThat(preview.scenarios()).extracting(ImportPreview.ScenarioImport::change)
                .containsExactly(ImportChange.UNCHANGED);
        assertThat(preview.changesAnything()).isFalse();
        assertThat(again).isEqualTo(new ImportResult(0, 0, 1, 0));
        assertThat(rowsTitled(jdbc, title)).isEqualTo(1);
        assertThat(idOf(service, title)).contains(id);
        assertThat(stored(title)).isEqualTo(first);
    }

    @Test
    void a_changed_version_of_a_scenario_updates_it_in_place() throws Exception {
        String title = unique("Revised");
        service.importLibrary(utf8(oneScenario(title, "First version.")), "v1.md");
        long id = idOf(service, title).orElseThrow();
        String second = oneScenario(title, "Second version, with more detail.");

        ImportPreview preview = service.preview(utf8(second));
        ImportResult result = service.importLibrary(utf8(second), "v2.md");

        assertThat(preview.scenarios()).extracting(ImportPreview.ScenarioImport::change)
                .containsExactly(ImportChange.UPDATED);
        assertThat(result).isEqualTo(new ImportResult(0, 1, 0, 0));
        assertThat(rowsTitled(jdbc, title)).isEqualTo(1);
        ScenarioDetails details = service.find(id).orElseThrow();
        assertThat(details.id()).isEqualTo(id);
        assertThat(details.content()).isEqualTo(parsedOnly(second));
        assertThat(details.content().situation()).isEqualTo("Second version, with more detail.");
    }

    @Test
    void an_update_replaces_challenges_and_areas_instead_of_adding_to_them() throws Exception {
        String title = unique("Shrunk");
        service.importLibrary(utf8(oneScenario(title, "Full.")), "full.md");
        long id = idOf(service, title).orElseThrow();
        String smaller = library("""
                ### Scenario 1: %s
                **Level**: Director
                **Duration**: 30 minutes

                **Situation**: Smaller.

                **Expected Discussion Points**:

                #### 1. Only area
                - Only question?
                """.formatted(title));

        service.importLibrary(utf8(smaller), "smaller.md");

        ScenarioContent content = service.find(id).orElseThrow().content();
        assertThat(content).isEqualTo(parsedOnly(smaller));
        assertThat(content.company()).isNull();
        assertThat(content.keyChallenges()).isEmpty();
        assertThat(content.discussionAreas()).containsExactly(new DiscussionArea("Only area", List.of("Only question?")));
        assertThat(service.search(new ScenarioFilter(title, null, null)).getFirst().questionCount()).isEqualTo(1);
    }

    @Test
    void a_title_differing_only_in_case_updates_the_same_scenario() throws Exception {
        String title = unique("Case Insensitive");
        service.importLibrary(utf8(oneScenario(title, "Original.")), "case.md");
        long id = idOf(service, title).orElseThrow();

        ImportResult result = service.importLibrary(utf8(oneScenario(title.toUpperCase(), "Original.")), "CASE.md");

        assertThat(result).isEqualTo(new ImportResult(0, 1, 0, 0));
        assertThat(rowsTitled(jdbc, title)).isEqualTo(1);
        assertThat(service.find(id).orElseThrow().content().title()).isEqualTo(title.toUpperCase());
    }

    @Test
    void a_scenario_without_company_and_key_challenges_round_trips_through_the_database() throws Exception {
        String title = unique("Bare");
        String file = library("""
                ### Scenario 1: %s
                **Level**: Staff Engineer
                **Duration**: 20 min

                **Situation**: No company, no challenges.

                **Expected Discussion Points**:

                #### 1. The one area
                - First question?
                - Second question?
                """.formatted(title));
        ScenarioContent parsed = parsedOnly(file);
        assertThat(parsed.company()).isNull();
        assertThat(parsed.keyChallenges()).isEmpty();

        service.importLibrary(utf8(file), "bare.md");

        ScenarioContent stored = stored(title);
        assertThat(stored).isEqualTo(parsed);
        assertThat(stored.company()).isNull();
        assertThat(stored.keyChallenges()).isEmpty();
        // Stored as it was read: importing the same file again finds nothing to change.
        assertThat(service.preview(utf8(file)).changesAnything()).isFalse();
    }

    @Test
    void a_mixed_file_reports_new_updated_and_unchanged_scenarios() throws Exception {
        String kept = unique("Kept");
        String changed = unique("Changed");
        String added = unique("Added later");
        service.importLibrary(utf8(library(scenario(kept, "Same."), scenario(changed, "Before."))), "first.md");
        byte[] second = utf8(library(scenario(kept, "Same."), scenario(changed, "After."), scenario(added, "New.")));

        ImportPreview preview = service.preview(second);
        ImportResult result = service.importLibrary(second, "second.md");

        assertThat(preview.scenarios()).extracting(s -> s.content().title() + " = " + s.change())
                .containsExactly(kept + " = UNCHANGED", changed + " = UPDATED", added + " = NEW");
        assertThat(result).isEqualTo(new ImportResult(1, 1, 1, 0));
        assertThat(stored(changed).situation()).isEqualTo("After.");
    }

    @Test
    void a_guidance_list_is_added_once_and_then_left_unchanged() throws Exception {
        String listTitle = unique("Test guidance");
        byte[] file = utf8(oneScenario(unique("With guidance"), "Guided.") + """

                ## Tips for tests

                ### %s
                1. **Listen**: Let the candidate finish
                2. **Probe**: Ask for numbers
                """.formatted(listTitle));
        GuidanceList expected = new GuidanceList("Tips for tests", listTitle, List.of(
                new GuidanceItem("Listen", "Let the candidate finish"), new GuidanceItem("Probe", "Ask for numbers")));

        ImportPreview preview = service.preview(file);
        ImportResult first = service.importLibrary(file, "guidance.md");
        ImportResult second = service.importLibrary(file, "guidance.md");

        assertThat(preview.guidance()).containsExactly(new ImportPreview.GuidanceImport(expected, ImportChange.NEW));
        assertThat(first.guidanceChanged()).isEqualTo(1);
        assertThat(second.guidanceChanged()).isZero();
        assertThat(service.guidance()).containsOnlyOnce(expected);
        assertThat(service.preview(file).guidance()).extracting(ImportPreview.GuidanceImport::change)
                .containsExactly(ImportChange.UNCHANGED);
    }

    @Test
    void a_scenario_without_situation_is_refused_at_its_heading_line() {
        String title = unique("No situation");
        String file = """
                # Broken library

                ## %s

                ### Scenario 1: %s
                **Level**: Senior Manager
                **Duration**: 45 minutes

                **Expected Discussion Points**:

                #### 1. Area
                - Question?
                """.formatted(LibraryFiles.TEST_CATEGORY, title);

        ScenarioFormatException e = refused(utf8(file), title);

        assertThat(e.lineNumber()).isEqualTo(5);
        assertThat(e.getMessage()).startsWith("Line 5: ").contains(title).contains("**Situation**");
    }

    @Test
    void a_duration_that_is_not_minutes_is_refused_at_its_line() {
        String title = unique("Vague duration");
        String file = """
                # Broken library

                ## %s

                ### Scenario 1: %s
                **Level**: Senior Manager
                **Duration**: an hour

                **Situation**: Timing is vague.

                **Expected Discussion Points**:

                #### 1. Area
                - Question?
                """.formatted(LibraryFiles.TEST_CATEGORY, title);

        ScenarioFormatException e = refused(utf8(file), title);

        assertThat(e.lineNumber()).isEqualTo(7);
        assertThat(e.getMessage()).startsWith("Line 7: ").contains("\"an hour\"").contains("minutes");
    }

    @Test
    void a_malformed_scenario_after_valid_ones_saves_none_of_the_file() {
        String firstValid = unique("Valid first");
        String secondValid = unique("Valid second");
        String broken = unique("Broken third");
        // Lines: 1-4 header, 5 first scenario, 25 second scenario, 45 the broken one.
        String file = library(scenario(firstValid, "Fine."), scenario(secondValid, "Also fine."), """
                ### Scenario 3: %s
                **Level**: Senior Manager
                **Duration**: 45 minutes

                **Expected Discussion Points**:

                #### 1. Area
                - Question?
                """.formatted(broken));
        assertThat(file.lines().toList().get(44)).isEqualTo("### Scenario 3: " + broken);

        ScenarioFormatException e = refused(utf8(file), firstValid, secondValid, broken);

        assertThat(e.lineNumber()).isEqualTo(45);
        assertThat(e.getMessage()).startsWith("Line 45: ").contains(broken).contains("**Situation**");
    }

    @Test
    void a_malformed_update_leaves_the_stored_scenario_as_it_was() throws Exception {
        String title = unique("Untouched");
        service.importLibrary(utf8(oneScenario(title, "Original.")), "ok.md");
        ScenarioContent before = stored(title);
        String file = library(scenario(title, "Changed."), """
                ### Scenario 2: %s
                **Level**: Senior Manager
                **Duration**: soon

                **Situation**: Broken.

                **Expected Discussion Points**:

                #### 1. Area
                - Question?
                """.formatted(unique("Broken")));

        refused(utf8(file));

        assertThat(stored(title)).isEqualTo(before);
    }

    @Test
    void a_title_longer_than_200_characters_is_refused_with_a_clear_message() {
        String title = unique("Long") + " " + "x".repeat(200);
        ScenarioFormatException e = refused(utf8(oneScenario(title, "Too long a title.")), title);

        assertThat(e.lineNumber()).as("the scenario's heading").isEqualTo(5);
        assertThat(e.getMessage()).contains("title has " + title.length() + " characters; at most 200 are allowed");
    }

    @Test
    void a_title_of_200_characters_fits_even_when_they_are_emoji() throws Exception {
        String prefix = unique("Emoji");
        String title = prefix + "🎯".repeat(200 - prefix.length());
        assertThat(title.codePointCount(0, title.length())).isEqualTo(200);
        assertThat(title.length()).isGreaterThan(200);

        service.importLibrary(utf8(oneScenario(title, "Two hundred characters exactly.")), "emoji.md");

        assertThat(stored(title).title()).isEqualTo(title);
    }

    @Test
    void a_too_long_situation_is_refused_before_anything_is_saved() {
        String title = unique("Wordy");
        ScenarioFormatException e = refused(utf8(oneScenario(title, "w".repeat(20_001))), title);
        assertThat(e.getMessage()).contains("situation has 20001 characters; at most 20000 are allowed");
    }

    @Test
    void a_file_that_is_not_utf8_is_refused_with_the_utf8_message() {
        String title = unique("Latin one");
        byte[] utf8 = utf8(oneScenario(title, "Caf\u00e9 talk."));
        // ISO-8859-1 encodes "é" as the single byte 0xE9, which is not valid UTF-8 on its own.
        byte[] latin1 = oneScenario(title, "Caf\u00e9 talk.").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(latin1).hasSize(utf8.length - 1).contains((byte) 0xE9);

        ScenarioFormatException e = refused(latin1, title);

        assertThat(e.getMessage()).isEqualTo(NOT_UTF8);
        assertThat(e.lineNumber()).isZero();
    }

    @Test
    void a_file_over_one_mebibyte_is_refused() {
        String title = unique("Huge");
        byte[] file = padded(oneScenario(title, "Big file."), ScenarioService.MAX_FILE_BYTES + 1);

        ScenarioFormatException e = refused(file, title);

        assertThat(e.getMessage()).contains(String.valueOf(ScenarioService.MAX_FILE_BYTES + 1)).contains("1 MiB");
    }

    @Test
    void a_file_of_exactly_one_mebibyte_is_accepted() throws Exception {
        String title = unique("Just fits");
        byte[] file = padded(oneScenario(title, "Exactly at the limit."), ScenarioService.MAX_FILE_BYTES);

        assertThat(service.preview(file).scenarios()).extracting(ImportPreview.ScenarioImport::change)
                .containsExactly(ImportChange.NEW);
    }

    @Test
    void a_nul_character_is_refused_with_its_line_instead_of_failing_in_the_database() {
        String title = unique("Nul");
        // Valid UTF-8, but PostgreSQL text cannot hold U+0000.
        String file = oneScenario(title, "Before\u0000after.");
        int nulLine = (int) file.substring(0, file.indexOf('\u0000')).lines().count();

        ScenarioFormatException e = refused(utf8(file), title);
        ScenarioFormatException windows = refused(utf8(file.replace("\n", "\r\n")), title);

        assertThat(nulLine).isEqualTo(10);
        assertThat(e.lineNumber()).isEqualTo(nulLine);
        assertThat(e.getMessage()).startsWith("Line 10: ").contains("U+0000");
        assertThat(windows.lineNumber()).isEqualTo(nulLine);
    }

    @Test
    void a_file_without_scenarios_is_refused() {
        ScenarioFormatException e = refused(utf8("# Just a heading\n\nSome words.\n"));
        assertThat(e.getMessage()).contains("no scenarios");
    }

    /** The file, with an introduction of "x" under its first heading making it exactly {@code size} bytes. */
    private static byte[] padded(String file, int size) {
        byte[] body = utf8(file);
        byte[] intro = utf8("# Padding\n\n");
        byte[] paragraphEnd = utf8("\n\n");
        int fill = size - intro.length - paragraphEnd.length - body.length;
        var out = new ByteArrayOutputStream(size);
        out.writeBytes(intro);
        out.writeBytes(utf8("x".repeat(fill)));
        out.writeBytes(paragraphEnd);
        out.writeBytes(body);
        byte[] bytes = out.toByteArray();
        assertThat(bytes).hasSize(size);
        return bytes;
    }
}
