package io.mockpanel.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScenarioMarkdownReaderTest {

    private final ScenarioMarkdownReader reader = new ScenarioMarkdownReader();

    static String seed() {
        try (InputStream in = ScenarioMarkdownReaderTest.class.getResourceAsStream("/scenarios/seed-library.md")) {
            assertThat(in).as("seed resource").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One valid scenario; the line numbers the malformed tests expect are listed below it. */
    private static final String ONE_SCENARIO = """
            # Lib

            ## Cat

            ### Scenario 1: Alpha
            **Level**: Senior Manager \s
            **Duration**: 45 minutes \s
            **Company**: Acme

            **Situation**: Something happens.

            **Key Challenges**:
            - One

            **Expected Discussion Points**:

            #### 1. First Area
            - Q1?
            """;
    // Lines: 5 heading, 6 Level, 7 Duration, 8 Company, 10 Situation, 13 challenge, 17 area, 18 question.

    private LibraryDocument read(String markdown) throws ScenarioFormatException {
        return reader.read(markdown);
    }

    private ScenarioContent only(String markdown) throws ScenarioFormatException {
        LibraryDocument doc = read(markdown);
        assertThat(doc.scenarios()).hasSize(1);
        return doc.scenarios().getFirst();
    }

    @Nested
    class SeedFile {

        private final LibraryDocument doc = readSeed();

        private LibraryDocument readSeed() {
            try {
                return reader.read(seed());
            } catch (ScenarioFormatException e) {
                throw new AssertionError(e.getMessage(), e);
            }
        }

        @Test
        void seed_file_imports_eight_scenarios_with_exact_titles() {
            assertThat(doc.scenarios()).extracting(ScenarioContent::title).containsExactly(
                    "Technology Transformation Leadership",
                    "Crisis Management and Incident Response",
                    "Architecture Decision Making",
                    "Team Performance and Development",
                    "Product-Technology Alignment",
                    "Vendor and Partner Management",
                    "Technology Innovation and R&D",
                    "Competitive Response and Market Pressure");
        }

        @Test
        void seed_categories_keep_their_repaired_emoji() {
            assertThat(doc.scenarios()).extracting(ScenarioContent::category).containsExactly(
                    "🎯 Executive Leadership Scenarios", "🎯 Executive Leadership Scenarios",
                    "🚀 Technical Leadership Scenarios", "🚀 Technical Leadership Scenarios",
                    "💼 Cross-Functional Collaboration Scenarios", "💼 Cross-Functional Collaboration Scenarios",
                    "🎯 Innovation and Strategy Scenarios", "🎯 Innovation and Strategy Scenarios");
        }

        @Test
        void seed_scenario_fields_are_read_without_trailing_spaces() {
            ScenarioContent first = doc.scenarios().get(0);
            assertThat(first.level()).isEqualTo("CTO/VP Engineering");
            assertThat(first.durationMinutes()).isEqualTo(60);
            assertThat(first.company()).isEqualTo("Enterprise");
            assertThat(first.situation()).startsWith("You're leading a 500-person engineering organization")
                    .endsWith("while driving the transformation.");

            ScenarioContent third = doc.scenarios().get(2);
            assertThat(third.level()).isEqualTo("Principal Engineer / Staff Engineer");
            assertThat(third.durationMinutes()).isEqualTo(50);
            assertThat(third.company()).isEqualTo("Any");

            assertThat(doc.scenarios()).extracting(ScenarioContent::durationMinutes)
                    .containsExactly(60, 45, 50, 45, 40, 35, 40, 45);
        }

        @Test
        void seed_scenario_one_has_five_challenges_and_four_areas_of_four_questions() {
            ScenarioContent first = doc.scenarios().get(0);
            assertThat(first.keyChallenges()).hasSize(5)
                    .startsWith("Resistance to change from senior engineers")
                    .endsWith("Budget and timeline constraints");
            assertThat(first.discussionAreas()).extracting(DiscussionArea::title).containsExactly(
                    "Vision and Strategy", "Change Management", "Risk Management", "Success Metrics");
            assertThat(first.discussionAreas()).allSatisfy(area -> assertThat(area.questions()).hasSize(4));
            assertThat(first.discussionAreas().get(0).questions().get(0))
                    .isEqualTo("How would you create a compelling vision for the transformation?");
        }

        @Test
        void seed_guidance_has_four_lists_under_the_best_practices_section() {
            assertThat(doc.guidance()).extracting(GuidanceList::title).containsExactly(
                    "Preparation Strategies", "Response Framework", "Common Mistakes to Avoid", "Advanced Tips");
            assertThat(doc.guidance()).extracting(GuidanceList::section)
                    .containsOnly("🎯 Best Practices for Advanced Leadership Interviews");
            GuidanceList framework = doc.guidance().get(1);
            assertThat(framework.items()).extracting(GuidanceItem::label)
                    .containsExactly("Situation", "Task", "Action", "Result");
            assertThat(framework.items().get(0).text()).isEqualTo("Set the context and scale");
            assertThat(doc.guidance().get(0).items()).hasSize(5);
        }

        @Test
        void seed_metadata_after_the_rule_belongs_to_no_scenario() {
            assertThat(allStrings(doc)).noneMatch(s -> s.contains("December 2024") || s.contains("Executive Level"));
        }

        @Test
        void seed_has_no_mojibake_left_in_any_parsed_text() {
            List<String> strings = allStrings(doc);
            assertThat(strings).isNotEmpty().noneMatch(s -> s.contains("ð") || s.contains("Ÿ")
                    || s.contains("â€") || s.contains("Ã") || s.contains("Å") || s.contains("\uFFFD"));
            // The seed is English text plus three emoji; anything else would be a wrong decoding.
            assertThat(strings.stream().flatMapToInt(String::codePoints))
                    .allMatch(cp -> cp < 0x80 || cp == 0x1F3AF || cp == 0x1F680 || cp == 0x1F4BC);
        }
    }

    static List<String> allStrings(LibraryDocument doc) {
        List<String> all = new ArrayList<>();
        for (ScenarioContent s : doc.scenarios()) {
            Stream.of(s.category(), s.title(), s.level(), s.company(), s.situation())
                    .filter(v -> v != null).forEach(all::add);
            all.addAll(s.keyChallenges());
            for (DiscussionArea area : s.discussionAreas()) {
                all.add(area.title());
                all.addAll(area.questions());
            }
        }
        for (GuidanceList list : doc.guidance()) {
            all.add(list.section());
            all.add(list.title());
            list.items().forEach(item -> {
                all.add(item.label());
                all.add(item.text());
            });
        }
        return all;
    }

    @Nested
    class Variants {

        @Test
        void minimal_scenario_reads_every_field() throws ScenarioFormatException {
            assertThat(only(ONE_SCENARIO)).isEqualTo(new ScenarioContent("Cat", "Alpha", "Senior Manager", 45,
                    "Acme", "Something happens.", List.of("One"),
                    List.of(new DiscussionArea("First Area", List.of("Q1?")))));
        }

        @Test
        void scenario_without_company_has_null_company() throws ScenarioFormatException {
            assertThat(only(ONE_SCENARIO.replace("**Company**: Acme\n", "")).company()).isNull();
        }

        @Test
        void scenario_without_key_challenges_has_an_empty_list() throws ScenarioFormatException {
            assertThat(only(ONE_SCENARIO.replace("**Key Challenges**:\n- One\n", "")).keyChallenges()).isEmpty();
        }

        @Test
        void crlf_and_cr_line_endings_read_the_same_as_lf() throws ScenarioFormatException {
            ScenarioContent lf = only(ONE_SCENARIO);
            assertThat(only(ONE_SCENARIO.replace("\n", "\r\n"))).isEqualTo(lf);
            assertThat(only(ONE_SCENARIO.replace("\n", "\r"))).isEqualTo(lf);
        }

        @Test
        void seed_with_crlf_line_endings_reads_the_same() throws ScenarioFormatException {
            assertThat(read(seed().replace("\n", "\r\n"))).isEqualTo(read(seed()));
        }

        @Test
        void byte_order_mark_is_ignored() throws ScenarioFormatException {
            assertThat(only("\uFEFF" + ONE_SCENARIO)).isEqualTo(only(ONE_SCENARIO));
            // A BOM that itself went through the wrong decoding.
            assertThat(only("ï»¿" + ONE_SCENARIO)).isEqualTo(only(ONE_SCENARIO));
        }

        @Test
        void real_emoji_in_headings_are_kept() throws ScenarioFormatException {
            ScenarioContent scenario = only(ONE_SCENARIO.replace("## Cat", "## 🧭 Strategy 🚀")
                    .replace("#### 1. First Area", "#### 1. Área ✅ מבחן"));

            assertThat(scenario.category()).isEqualTo("🧭 Strategy 🚀");
            assertThat(scenario.discussionAreas().getFirst().title()).isEqualTo("Área ✅ מבחן");
        }

        @Test
        void other_category_two_areas_and_six_questions() throws ScenarioFormatException {
            ScenarioContent scenario = only("""
                    ## Hiring Scenarios

                    ### Scenario 12: Building a Platform Team
                    **Level**: Director
                    **Duration**: 90
                    **Situation**: You must hire ten engineers in a quarter.
                    **Expected Discussion Points**:
                    #### Sourcing
                    - Where do you find candidates?
                    - How do you use referrals?
                    - What do you outsource?
                    - How do you measure the funnel?
                    #### 2) Interview Loop
                    - Which signals matter?
                    - How do you calibrate interviewers?
                    """);

            assertThat(scenario.category()).isEqualTo("Hiring Scenarios");
            assertThat(scenario.title()).isEqualTo("Building a Platform Team");
            assertThat(scenario.durationMinutes()).isEqualTo(90);
            assertThat(scenario.discussionAreas()).extracting(DiscussionArea::title)
                    .containsExactly("Sourcing", "Interview Loop");
            assertThat(scenario.discussionAreas()).flatExtracting(DiscussionArea::questions).hasSize(6);
        }

        @Test
        void field_names_are_case_insensitive_and_accept_aliases() throws ScenarioFormatException {
            String markdown = ONE_SCENARIO.replace("**Level**:", "**LEVEL:**")
                    .replace("**Key Challenges**:", "**challenges**:")
                    .replace("**Expected Discussion Points**:", "**Areas of Discussion**:");

            assertThat(only(markdown)).isEqualTo(only(ONE_SCENARIO));
            for (String alias : List.of("Discussion Points", "discussion areas", "EXPECTED DISCUSSION POINTS")) {
                assertThat(only(ONE_SCENARIO.replace("Expected Discussion Points", alias)))
                        .isEqualTo(only(ONE_SCENARIO));
            }
        }

        @Test
        void situation_spanning_several_lines_is_joined_with_single_spaces() throws ScenarioFormatException {
            String markdown = ONE_SCENARIO.replace("**Situation**: Something happens.",
                    "**Situation**: Something\n   happens   \nat scale.");

            assertThat(only(markdown).situation()).isEqualTo("Something happens at scale.");
        }

        @Test
        void situation_may_start_on_the_line_after_its_field_name() throws ScenarioFormatException {
            String markdown = ONE_SCENARIO.replace("**Situation**: Something happens.",
                    "**Situation**:\nSomething happens.");

            assertThat(only(markdown).situation()).isEqualTo("Something happens.");
        }

        @ParameterizedTest
        @CsvSource({"60 minutes,60", "45 min,45", "45 mins,45", "90,90", "1 minute,1", "600 Minutes,600",
            "30minutes,30"})
        void durations_in_minutes_are_accepted(String duration, int minutes) throws ScenarioFormatException {
            assertThat(only(ONE_SCENARIO.replace("45 minutes", duration)).durationMinutes()).isEqualTo(minutes);
        }

        @Test
        void guidance_items_without_a_bold_label_get_an_empty_label() throws ScenarioFormatException {
            LibraryDocument doc = read(ONE_SCENARIO + """

                    ## Tips

                    ### Reminders
                    - Breathe
                    - **Listen**: before answering
                    3. **Pause:** think first
                    """);

            assertThat(doc.guidance()).containsExactly(new GuidanceList("Tips", "Reminders", List.of(
                    new GuidanceItem("", "Breathe"),
                    new GuidanceItem("Listen", "before answering"),
                    new GuidanceItem("Pause", "think first"))));
        }

        @Test
        void text_after_a_rule_and_the_document_description_is_ignored() throws ScenarioFormatException {
            String markdown = "# Title\n\nA description with **Bold**: text.\n- and a list\n\n"
                    + ONE_SCENARIO.replace("# Lib\n", "")
                    + "\n---\n\n**Last Updated**: December 2024  \n**Category**: Whatever\n";

            assertThat(only(markdown)).isEqualTo(only(ONE_SCENARIO));
        }

        @Test
        void scenario_heading_without_scenario_number_uses_the_whole_heading_as_title()
                throws ScenarioFormatException {
            assertThat(only(ONE_SCENARIO.replace("### Scenario 1: Alpha", "### Alpha")).title()).isEqualTo("Alpha");
        }

        @Test
        void mojibake_anywhere_in_the_file_is_repaired() throws ScenarioFormatException {
            ScenarioContent scenario = only(ONE_SCENARIO.replace("Something happens.", "Itâ€™s in ZÃ¼rich."));

            assertThat(scenario.situation()).isEqualTo("It’s in Zürich.");
        }
    }

    @Nested
    class Malformed {

        private ScenarioFormatException failure(String markdown) {
            try {
                reader.read(markdown);
            } catch (ScenarioFormatException e) {
                return e;
            }
            throw new AssertionError("expected the import to fail");
        }

        @Test
        void missing_situation_is_reported_on_the_scenario_heading_line() {
            ScenarioFormatException e = failure(ONE_SCENARIO.replace("**Situation**: Something happens.\n", ""));

            assertThat(e.lineNumber()).isEqualTo(5);
            assertThat(e).hasMessage(
                    "Line 5: scenario \"Alpha\" has no **Situation**: line; every scenario needs one.");
        }

        @Test
        void duration_in_words_is_reported_with_its_line_number() {
            ScenarioFormatException e = failure(ONE_SCENARIO.replace("45 minutes", "an hour"));

            assertThat(e.lineNumber()).isEqualTo(7);
            assertThat(e).hasMessage("Line 7: the duration \"an hour\" is not a number of minutes;"
                    + " write it like \"45 minutes\" (1 to 600).");
        }

        @ParameterizedTest
        @ValueSource(strings = {"1.5 hours", "0 minutes", "601 minutes", "-5 minutes", "45 seconds", "minutes"})
        void durations_that_are_not_1_to_600_minutes_are_rejected(String duration) {
            assertThat(failure(ONE_SCENARIO.replace("45 minutes", duration)).lineNumber()).isEqualTo(7);
        }

        @Test
        void empty_level_is_reported_on_its_line() {
            ScenarioFormatException e = failure(ONE_SCENARIO.replace("Senior Manager", ""));

            assertThat(e.lineNumber()).isEqualTo(6);
            assertThat(e.getMessage()).contains("**Level**", "empty");
        }

        @Test
        void area_without_questions_is_reported_on_the_area_heading() {
            ScenarioFormatException e = failure(ONE_SCENARIO + "\n#### 2. Empty Area\n");

            assertThat(e.lineNumber()).isEqualTo(20);
            assertThat(e).hasMessageContaining("\"Empty Area\"").hasMessageContaining("has no questions");
        }

        @Test
        void scenario_without_discussion_areas_is_rejected() {
            ScenarioFormatException e = failure(ONE_SCENARIO.replace("#### 1. First Area\n- Q1?\n", ""));

            assertThat(e.lineNumber()).isEqualTo(5);
            assertThat(e).hasMessageContaining("no discussion areas");
        }

        @Test
        void unknown_field_is_rejected_and_the_allowed_fields_are_named() {
            ScenarioFormatException e = failure(ONE_SCENARIO.replace("**Company**: Acme", "**Budget**: 5 million"));

            assertThat(e.lineNumber()).isEqualTo(8);
            assertThat(e).hasMessage("Line 8: scenario \"Alpha\" has an unknown field **Budget**; the fields a"
                    + " scenario can have are **Level**, **Duration**, **Company**, **Situation**,"
                    + " **Key Challenges** and **Expected Discussion Points**.");
        }

        @Test
        void field_given_twice_is_rejected() {
            ScenarioFormatException e = failure(ONE_SCENARIO.replace("**Company**: Acme", "**level**: Director"));

            assertThat(e.lineNumber()).isEqualTo(8);
            assertThat(e).hasMessageContaining("**Level** twice (lines 6 and 8)");
        }

        @Test
        void duplicate_title_is_rejected_ignoring_case() {
            String second = ONE_SCENARIO.replace("# Lib\n\n## Cat\n\n", "").replace("Alpha", "ALPHA");
            ScenarioFormatException e = failure(ONE_SCENARIO + "\n" + second);

            assertThat(e.lineNumber()).isEqualTo(20);
            assertThat(e).hasMessageContaining("two scenarios called \"ALPHA\" (lines 5 and 20)");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   \n\n  ", "\uFEFF"})
        void empty_file_is_rejected_as_a_whole(String markdown) {
            ScenarioFormatException e = failure(markdown);

            assertThat(e.lineNumber()).isZero();
            assertThat(e).hasMessageStartingWith("The file is empty;");
        }

        @Test
        void file_without_scenarios_is_rejected_as_a_whole() {
            ScenarioFormatException e = failure("# Tips\n\n## Section\n\n### List\n1. **A**: b\n");

            assertThat(e.lineNumber()).isZero();
            assertThat(e).hasMessageStartingWith("The file has no scenarios;");
        }

        @Test
        void scenario_before_any_category_is_rejected() {
            ScenarioFormatException e = failure(ONE_SCENARIO.replace("## Cat\n", ""));

            assertThat(e.lineNumber()).isEqualTo(4);
            assertThat(e).hasMessageContaining("scenario \"Alpha\" is not under a category");
        }

        @Test
        void question_before_any_area_heading_is_rejected() {
            ScenarioFormatException e = failure(ONE_SCENARIO.replace("#### 1. First Area\n", ""));

            assertThat(e.lineNumber()).isEqualTo(17);
            assertThat(e).hasMessageContaining("comes before any discussion area");
        }

        @Test
        void stray_paragraph_inside_a_scenario_is_rejected() {
            ScenarioFormatException e = failure(ONE_SCENARIO.replace("**Key Challenges**:",
                    "Some loose text.\n\n**Key Challenges**:"));

            assertThat(e.lineNumber()).isEqualTo(12);
            assertThat(e).hasMessageContaining("\"Some loose text.\"").hasMessageContaining("not part of any field");
        }

        @Test
        void heading_with_neither_fields_nor_list_is_rejected() {
            ScenarioFormatException e = failure(ONE_SCENARIO + "\n### Lonely heading\n\nJust text.\n");

            assertThat(e.lineNumber()).isEqualTo(20);
        }

        /** The line of each problem, in the order reported. */
        private List<Integer> lines(ScenarioFormatException e) {
            return e.problems().stream().map(FormatProblem::line).toList();
        }

        @Test
        void every_independent_problem_of_a_file_is_reported_with_its_line() {
            String markdown = """
                    # Lib

                    ## Cat

                    ### Scenario 1: Alpha
                    **Level**: Senior Manager
                    **Duration**: an hour
                    **Budget**: 5 million

                    **Situation**: Something happens.

                    **Expected Discussion Points**:

                    #### 1. First Area
                    - Q1?
                    #### 2. Empty Area

                    ### Scenario 2: Beta
                    **Level**: Director
                    **Duration**: 30 minutes

                    **Expected Discussion Points**:
                    - Orphan question?
                    - Second orphan?

                    ### Scenario 3: Gamma
                    **Level**: VP
                    **Duration**: 60 minutes

                    **Situation**: All fine here.

                    **Expected Discussion Points**:

                    #### 1. Area
                    - Q?

                    ### Scenario 4: ALPHA
                    **Level**: CTO
                    **Duration**: 45
                    **Situation**: Same title again.
                    **Expected Discussion Points**:
                    #### 1. Area
                    -
                    - Q?
                    """;

            ScenarioFormatException e = failure(markdown);

            assertThat(e.problems()).extracting(FormatProblem::text).containsExactly(
                    "Line 7: the duration \"an hour\" is not a number of minutes; write it like \"45 minutes\""
                            + " (1 to 600).",
                    "Line 8: scenario \"Alpha\" has an unknown field **Budget**; the fields a scenario can have are"
                            + " **Level**, **Duration**, **Company**, **Situation**, **Key Challenges** and"
                            + " **Expected Discussion Points**.",
                    "Line 16: discussion area \"Empty Area\" in scenario \"Alpha\" has no questions; list them"
                            + " below it, one per line starting with \"- \".",
                    "Line 18: scenario \"Beta\" has no **Situation**: line; every scenario needs one.",
                    "Line 23: the question \"Orphan question?\" in scenario \"Beta\" comes before any discussion"
                            + " area; put a heading like \"#### 1. Area title\" above it.",
                    "Line 37: there are two scenarios called \"ALPHA\" (lines 5 and 37); each scenario needs its"
                            + " own title.",
                    "Line 43: the list item is empty; write its text after the \"- \" or remove the line.");
            assertThat(e.lineNumber()).isEqualTo(7);
            assertThat(e).hasMessageStartingWith("The file has 7 problems. Line 7: the duration");
        }

        @Test
        void a_misplaced_list_or_paragraph_is_reported_once_not_once_per_line() {
            String markdown = ONE_SCENARIO.replace("**Company**: Acme", """
                    **Risks**:
                    - Budget
                    - Morale""").replace("**Key Challenges**:", """
                    Loose text that
                    goes on for a second line.

                    **Key Challenges**:""");

            ScenarioFormatException e = failure(markdown);

            assertThat(lines(e)).containsExactly(8, 14);
            assertThat(e.problems().get(0).message()).contains("unknown field **Risks**");
            assertThat(e.problems().get(1).message()).contains("\"Loose text that\"", "not part of any field");
        }

        @Test
        void problems_in_guidance_lists_and_outside_any_block_are_collected_too() {
            String markdown = ONE_SCENARIO + """

                    ## Tips

                    **Level**: Stray
                    - a list item right below it

                    #### Lonely area
                    - Question of no scenario?

                    ### Preparation
                    1. **Research**: the company
                    -
                    Not an item.
                    2. **Practice**: out loud
                    """;

            ScenarioFormatException e = failure(markdown);

            assertThat(lines(e)).containsExactly(22, 25, 30, 31);
            assertThat(e.problems().get(0).message()).contains("\"**Level**: Stray\"", "is not inside a scenario");
            assertThat(e.problems().get(1).message()).contains("\"#### Lonely area\"", "not inside a scenario");
            assertThat(e.problems().get(2).message()).isEqualTo(
                    "the list item is empty; write its text after the \"- \" or remove the line.");
            assertThat(e.problems().get(3).message()).contains("\"Not an item.\"", "not part of the list");
        }

        @Test
        void values_longer_than_the_database_holds_are_reported_at_their_own_lines() {
            String markdown = ONE_SCENARIO.replace("Alpha", "T".repeat(201)).replace("- Q1?", "- " + "q".repeat(20_001));

            ScenarioFormatException e = failure(markdown);

            assertThat(e.problems()).extracting(FormatProblem::text).containsExactly(
                    "Line 5: scenario \"" + "T".repeat(57) + "...\": the title has 201 characters; at most 200"
                            + " are allowed.",
                    "Line 18: scenario \"" + "T".repeat(57) + "...\": the question has 20001 characters; at most"
                            + " 20000 are allowed.");
        }

        @Test
        void a_file_with_one_problem_keeps_the_single_line_message() {
            ScenarioFormatException e = failure(ONE_SCENARIO.replace("45 minutes", "an hour"));

            assertThat(e.problems()).hasSize(1);
            assertThat(e).hasMessageStartingWith("Line 7: the duration");
        }
    }
}
