package io.mockpanel.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Exports scenarios and guidance as library Markdown in the seed file's format, so that
 * {@link ScenarioMarkdownReader} reads back exactly what was written.
 */
public final class ScenarioMarkdownWriter {

    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*[\\r\\n]+\\s*");
    /**
     * Characters that, first in a value, would be misread ("- --" is a rule, "**X**: y" a label) or
     * rendered as Markdown structure; a leading backslash, which the reader removes, neutralises them.
     */
    private static final String ESCAPED_FIRST = "\\*-+#>";
    private static final String LINE_BREAK_SPACES = "  ";
    /** Where the reader would end the bold label early; no escape works inside the label. */
    private static final Pattern LABEL_END = Pattern.compile("\\*\\*[ \\t]*:|:\\*\\*");

    public String write(ScenarioContent one) {
        return write(new LibraryDocument(List.of(one), List.of()));
    }

    /**
     * Scenarios are grouped under their category in order of first appearance, so a document whose
     * categories are interleaved comes back grouped. Every text is put on one line (line breaks
     * become a space, ends trimmed) and a blank company is left out, because the format has no
     * multi-line values and no empty company. Trailing colons of guidance labels are dropped.
     *
     * @throws IllegalArgumentException for a guidance label containing "**:" or ":**", which the
     *     format cannot hold
     */
    public String write(LibraryDocument doc) {
        StringBuilder out = new StringBuilder("# Scenario Library\n");
        Map<String, List<ScenarioContent>> byCategory = new LinkedHashMap<>();
        for (ScenarioContent scenario : doc.scenarios()) {
            byCategory.computeIfAbsent(clean(scenario.category()), k -> new ArrayList<>()).add(scenario);
        }
        int number = 0;
        for (Map.Entry<String, List<ScenarioContent>> category : byCategory.entrySet()) {
            out.append("\n## ").append(escape(category.getKey())).append('\n');
            for (ScenarioContent scenario : category.getValue()) {
                writeScenario(out, ++number, scenario);
            }
        }
        Map<String, List<GuidanceList>> bySection = new LinkedHashMap<>();
        for (GuidanceList list : doc.guidance()) {
            bySection.computeIfAbsent(clean(list.section()), k -> new ArrayList<>()).add(list);
        }
        for (Map.Entry<String, List<GuidanceList>> section : bySection.entrySet()) {
            out.append("\n## ").append(escape(section.getKey())).append('\n');
            for (GuidanceList list : section.getValue()) {
                writeGuidance(out, list);
            }
        }
        return out.toString();
    }

    private static void writeScenario(StringBuilder out, int number, ScenarioContent scenario) {
        out.append("\n### Scenario ").append(number).append(": ").append(escape(scenario.title())).append('\n');
        out.append("**Level**: ").append(escape(scenario.level())).append(LINE_BREAK_SPACES).append('\n');
        out.append("**Duration**: ").append(scenario.durationMinutes()).append(" minutes")
                .append(LINE_BREAK_SPACES).append('\n');
        String company = scenario.company() == null ? "" : clean(scenario.company());
        if (!company.isEmpty()) {
            out.append("**Company**: ").append(escape(company)).append('\n');
        }
        out.append("\n**Situation**: ").append(escape(scenario.situation())).append('\n');
        if (!scenario.keyChallenges().isEmpty()) {
            out.append("\n**Key Challenges**:\n");
            for (String challenge : scenario.keyChallenges()) {
                out.append("- ").append(escape(challenge)).append('\n');
            }
        }
        out.append("\n**Expected Discussion Points**:\n");
        int areaNumber = 0;
        for (DiscussionArea area : scenario.discussionAreas()) {
            out.append("\n#### ").append(++areaNumber).append(". ").append(escape(area.title())).append('\n');
            for (String question : area.questions()) {
                out.append("- ").append(escape(question)).append('\n');
            }
        }
    }

    private static void writeGuidance(StringBuilder out, GuidanceList list) {
        out.append("\n### ").append(escape(list.title())).append('\n');
        int itemNumber = 0;
        for (GuidanceItem item : list.items()) {
            out.append(++itemNumber).append(". ");
            String label = label(item.label());
            if (LABEL_END.matcher(label).find()) {
                throw new IllegalArgumentException("The guidance label \"" + label + "\" in \"" + list.title()
                        + "\" contains \"**:\" or \":**\", which Markdown export cannot write.");
            }
            String text = escape(item.text());
            if (!label.isEmpty()) {
                out.append("**").append(label).append("**:").append(text.isEmpty() ? "" : " ");
            }
            out.append(text).append('\n');
        }
    }

    /** A trailing colon would be read as the "**Label:**" spelling, so it is dropped. */
    static String label(String text) {
        String label = clean(text);
        while (label.endsWith(":")) {
            label = label.substring(0, label.length() - 1).strip();
        }
        return label;
    }

    static String clean(String text) {
        return LINE_BREAKS.matcher(text).replaceAll(" ").strip();
    }

    private static String escape(String text) {
        String clean = clean(text);
        return !clean.isEmpty() && ESCAPED_FIRST.indexOf(clean.charAt(0)) >= 0 ? "\\" + clean : clean;
    }
}
