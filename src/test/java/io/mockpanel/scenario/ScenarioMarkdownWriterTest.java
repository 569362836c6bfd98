package io.mockpanel.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScenarioMarkdownWriterTest {

    private final ScenarioMarkdownReader reader = new ScenarioMarkdownReader();
    private final ScenarioMarkdownWriter writer = new ScenarioMarkdownWriter();

    private static ScenarioContent scenario(String category, String title) {
        return new ScenarioContent(category, title, "Director", 45, "Acme", "Things happen.",
                List.of("A challenge"), List.of(new DiscussionArea("Area", List.of("A question?"))));
    }

    @Test
    void seed_survives_a_write_and_read_round_trip() throws ScenarioFormatException {
        LibraryDocument seed = reader.read(ScenarioMarkdownReaderTest.seed());

        assertThat(reader.read(writer.write(seed))).isEqualTo(seed);
    }

    @Test
    void written_seed_uses_the_seed_layout_with_real_emoji() throws ScenarioFormatException {
        String markdown = writer.write(reader.read(ScenarioMarkdownReaderTest.seed()));

        assertThat(markdown).startsWith("# Scenario Library\n\n## 🎯 Executive Leadership Scenarios\n\n"
                        + "### Scenario 1: Technology Transformation Leadership\n"
                        + "**Level**: CTO/VP Engineering  \n"
                        + "**Duration**: 60 minutes  \n"
                        + "**Company**: Enterprise\n\n"
                        + "**Situation**: You're leading")
                .contains("\n**Key Challenges**:\n- Resistance to change from senior engineers\n")
                .contains("\n**Expected Discussion Points**:\n\n#### 1. Vision and Strategy\n"
                        + "- How would you create a compelling vision for the transformation?\n")
                .contains("\n## 💼 Cross-Functional Collaboration Scenarios\n")
                .contains("\n### Scenario 8: Competitive Response and Market Pressure\n")
                .contains("\n## 🎯 Best Practices for Advanced Leadership Interviews\n\n### Preparation Strategies\n"
                        + "1. **Prepare Leadership Stories**: Develop 10-15 leadership scenarios\n")
                .contains("\n### Response Framework\n1. **Situation**: Set the context and scale\n")
                .doesNotContain("\r", "ð", "Last Updated")
                .endsWith("5. **Stay Current**: Use recent examples when possible\n");
    }

    @Test
    void single_scenario_survives_a_round_trip_as_a_one_scenario_document() throws ScenarioFormatException {
        ScenarioContent one = reader.read(ScenarioMarkdownReaderTest.seed()).scenarios().get(4);

        LibraryDocument back = reader.read(writer.write(one));

        assertThat(back.scenarios()).containsExactly(one);
        assertThat(back.guidance()).isEmpty();
    }

    @Test
    void single_scenario_without_company_or_challenges_omits_those_lines() throws ScenarioFormatException {
        ScenarioContent bare = new ScenarioContent("Cat", "Bare", "Manager", 30, null, "It happens.", List.of(),
                List.of(new DiscussionArea("Only Area", List.of("Why?"))));

        String markdown = writer.write(bare);

        assertThat(markdown).isEqualTo("""
                # Scenario Library

                ## Cat

                ### Scenario 1: Bare
                **Level**: Manager \s
                **Duration**: 30 minutes \s

                **Situation**: It happens.

                **Expected Discussion Points**:

                #### 1. Only Area
                - Why?
                """);
        assertThat(reader.read(markdown).scenarios()).containsExactly(bare);
    }

    @Test
    void text_that_looks_like_markdown_structure_survives_a_round_trip() throws ScenarioFormatException {
        ScenarioContent tricky = new ScenarioContent("# Hash Category", "Scenario 9: Inner Title", "- Dash level",
                90, "**Bold**: company", "**Level**: not a field", List.of("--", "-", "***", "* * *", "1. numbered"),
                List.of(new DiscussionArea("2. Numbered Area", List.of("# not a heading", "#### nor this",
                                "\\ backslash", "\\*escaped\\*", "> quote", "+ plus", "**X**: y", "- nested")),
                        new DiscussionArea("Scenario 3: also fine", List.of("`code` and _under_ ---"))));
        GuidanceList guidance = new GuidanceList("- Section", "Scenario 1: not a scenario", List.of(
                new GuidanceItem("", "**Looks**: like a label"),
                new GuidanceItem("a*", "star label"),
                new GuidanceItem("Empty text", ""),
                new GuidanceItem("", "1. already numbered"),
                new GuidanceItem("Colon", ": leading colon")));
        LibraryDocument doc = new LibraryDocument(List.of(tricky), List.of(guidance));

        assertThat(reader.read(writer.write(doc))).isEqualTo(doc);
    }

    @Test
    void line_breaks_and_surrounding_spaces_are_normalised_to_one_line() throws ScenarioFormatException {
        ScenarioContent messy = new ScenarioContent("  Cat \n", " Title\r\nsecond line ", "Lead\n\n---\n",
                60, "  ", "First line.\n\n**Level**: second\r  third", List.of("  spaced  ", "multi\nline"),
                List.of(new DiscussionArea("Area\n#### 2. Fake", List.of("q\n- fake item"))));

        ScenarioContent back = reader.read(writer.write(messy)).scenarios().getFirst();

        assertThat(back).isEqualTo(new ScenarioContent("Cat", "Title second line", "Lead ---", 60, null,
                "First line. **Level**: second third", List.of("spaced", "multi line"),
                List.of(new DiscussionArea("Area #### 2. Fake", List.of("q - fake item")))));
    }

    @Test
    void scenarios_are_grouped_by_category_in_order_of_first_appearance() throws ScenarioFormatException {
        LibraryDocument interleaved = new LibraryDocument(List.of(scenario("B", "One"), scenario("A", "Two"),
                scenario("B", "Three")), List.of());

        String markdown = writer.write(interleaved);

        assertThat(markdown).containsOnlyOnce("## B").containsOnlyOnce("## A")
                .contains("### Scenario 1: One", "### Scenario 2: Three", "### Scenario 3: Two");
        assertThat(reader.read(markdown).scenarios()).extracting(ScenarioContent::title)
                .containsExactly("One", "Three", "Two");
    }

    @Test
    void guidance_label_ending_with_a_colon_loses_the_colon() throws ScenarioFormatException {
        LibraryDocument doc = new LibraryDocument(List.of(scenario("C", "T")),
                List.of(new GuidanceList("S", "L", List.of(new GuidanceItem("Task:", "do it")))));

        assertThat(reader.read(writer.write(doc)).guidance().getFirst().items())
                .containsExactly(new GuidanceItem("Task", "do it"));
    }

    @Test
    void guidance_label_the_format_cannot_hold_is_refused() {
        LibraryDocument doc = new LibraryDocument(List.of(scenario("C", "T")),
                List.of(new GuidanceList("S", "L", List.of(new GuidanceItem("a**: b", "text")))));

        assertThatThrownBy(() -> writer.write(doc)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a**: b");
    }

    @Test
    void right_to_left_text_and_emoji_survive_a_round_trip() throws ScenarioFormatException {
        ScenarioContent rtl = new ScenarioContent("🧭 קטגוריה", "سيناريو 🚀", "מנהל", 20, "شركة",
                "מצב עם café ו-Zürich", List.of("אתגר"), List.of(new DiscussionArea("תחום", List.of("שאלה?"))));

        assertThat(reader.read(writer.write(rtl)).scenarios()).containsExactly(rtl);
    }

    /** Random documents built from the pieces most likely to confuse the format. */
    @Test
    void random_documents_read_back_as_their_normalised_selves() throws ScenarioFormatException {
        Random random = new Random(20241201);
        for (int round = 0; round < 400; round++) {
            LibraryDocument doc = randomDocument(random);
            String markdown = writer.write(doc);
            LibraryDocument back;
            try {
                back = reader.read(markdown);
            } catch (ScenarioFormatException e) {
                throw new AssertionError(e.getMessage() + "\n" + markdown, e);
            }
            assertThat(back).as(markdown).isEqualTo(normalised(doc));
        }
    }

    private static final String[] PIECES = {
        "a", "Zed", "é", "🎯", "שלום", " ", "  ", "\t", "#", "##", "-", "--", "*", "**", "\\", ":", "1.", "2)",
        "\n", "\r\n", "\n\n", ">", "+", "_", "`", "Scenario 3:", "---", "**X**:", "#### ", "- ", "**Level**:", "|"
    };

    private static String text(Random random, boolean mayBeBlank) {
        while (true) {
            StringBuilder out = new StringBuilder();
            int pieces = 1 + random.nextInt(6);
            for (int i = 0; i < pieces; i++) {
                out.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String text = out.toString();
            if (mayBeBlank || !ScenarioMarkdownWriter.clean(text).isEmpty()) {
                return text;
            }
        }
    }

    private static LibraryDocument randomDocument(Random random) {
        List<ScenarioContent> scenarios = new ArrayList<>();
        List<String> categories = List.of(text(random, false), text(random, false));
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            List<DiscussionArea> areas = new ArrayList<>();
            for (int a = 0, n = 1 + random.nextInt(3); a < n; a++) {
                List<String> questions = new ArrayList<>();
                for (int q = 0, m = 1 + random.nextInt(3); q < m; q++) {
                    questions.add(text(random, false));
                }
                areas.add(new DiscussionArea(text(random, false), questions));
            }
            List<String> challenges = new ArrayList<>();
            for (int c = 0, n = random.nextInt(3); c < n; c++) {
                challenges.add(text(random, false));
            }
            scenarios.add(new ScenarioContent(categories.get(random.nextInt(2)), "T" + i + text(random, true),
                    text(random, false), 1 + random.nextInt(600), random.nextBoolean() ? null : text(random, true),
                    text(random, false), challenges, areas));
        }
        List<GuidanceList> guidance = new ArrayList<>();
        for (int g = 0, n = random.nextInt(3); g < n; g++) {
            List<GuidanceItem> items = new ArrayList<>();
            for (int k = 0, m = 1 + random.nextInt(3); k < m; k++) {
                String label = random.nextBoolean() ? "" : text(random, true).replace("*", "");
                String text = ScenarioMarkdownWriter.label(label).isEmpty() ? text(random, false) : text(random, true);
                items.add(new GuidanceItem(label, text));
            }
            guidance.add(new GuidanceList(categories.get(random.nextInt(2)), text(random, false), items));
        }
        return new LibraryDocument(scenarios, guidance);
    }

    /** What the writer promises to keep: one-line trimmed texts, categories grouped, blank company absent. */
    private static LibraryDocument normalised(LibraryDocument doc) {
        Map<String, List<ScenarioContent>> byCategory = new LinkedHashMap<>();
        for (ScenarioContent s : doc.scenarios()) {
            String company = s.company() == null || ScenarioMarkdownWriter.clean(s.company()).isEmpty()
                    ? null : ScenarioMarkdownWriter.clean(s.company());
            byCategory.computeIfAbsent(ScenarioMarkdownWriter.clean(s.category()), k -> new ArrayList<>())
                    .add(new ScenarioContent(ScenarioMarkdownWriter.clean(s.category()),
                            ScenarioMarkdownWriter.clean(s.title()), ScenarioMarkdownWriter.clean(s.level()),
                            s.durationMinutes(), company, ScenarioMarkdownWriter.clean(s.situation()),
                            s.keyChallenges().stream().map(ScenarioMarkdownWriter::clean).toList(),
                            s.discussionAreas().stream().map(a -> new DiscussionArea(
                                    ScenarioMarkdownWriter.clean(a.title()),
                                    a.questions().stream().map(ScenarioMarkdownWriter::clean).toList())).toList()));
        }
        Map<String, List<GuidanceList>> bySection = new LinkedHashMap<>();
        for (GuidanceList list : doc.guidance()) {
            bySection.computeIfAbsent(ScenarioMarkdownWriter.clean(list.section()), k -> new ArrayList<>())
                    .add(new GuidanceList(ScenarioMarkdownWriter.clean(list.section()),
                            ScenarioMarkdownWriter.clean(list.title()),
                            list.items().stream().map(item -> new GuidanceItem(
                                    ScenarioMarkdownWriter.label(item.label()),
                                    ScenarioMarkdownWriter.clean(item.text()))).toList()));
        }
        return new LibraryDocument(byCategory.values().stream().flatMap(List::stream).toList(),
                bySection.values().stream().flatMap(List::stream).toList());
    }
}
