package io.mockpanel.review;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Groups discussion areas for trends across sessions. Scenarios name their areas differently ("Vision
 * and Strategy", "Strategic Analysis"), so one line per title would give lines of one point each: an
 * area's title maps by keyword to one of four leadership competencies; a title no keyword matches
 * keeps its own name (an imported library with other titles still groups by title). Decision 0029.
 */
public final class Competencies {

    public static final String PEOPLE = "People and teams";
    public static final String STAKEHOLDERS = "Stakeholders and communication";
    public static final String STRATEGY = "Strategy and judgement";
    public static final String EXECUTION = "Execution and delivery";

    /** The fixed groups in the order charts and tables show them. */
    public static final List<String> ORDER = List.of(STRATEGY, EXECUTION, PEOPLE, STAKEHOLDERS);

    /** First match wins: "Team Alignment" is about the team, "Stakeholder Alignment" about stakeholders. */
    private static final List<Rule> RULES = List.of(
            new Rule(PEOPLE, "team", "culture", "morale", "performance", "development", "assessment", "diagnosis",
                    "coaching", "hiring", "people"),
            new Rule(STAKEHOLDERS, "stakeholder", "communication", "alignment", "vendor", "partner", "relationship",
                    "change", "influence", "negotiation"),
            new Rule(STRATEGY, "vision", "strateg", "innovation", "decision", "analysis", "alternative",
                    "architecture", "prioriti"),
            new Rule(EXECUTION, "plan", "timeline", "resource", "metric", "implementation", "response", "recovery",
                    "prevention", "problem", "risk", "delivery", "execution", "budget"));

    private record Rule(String group, String... keywords) {
    }

    private Competencies() {
    }

    /** The group a discussion area's title belongs to. */
    public static String of(String areaTitle) {
        String title = areaTitle.toLowerCase(Locale.ROOT);
        for (Rule rule : RULES) {
            for (String keyword : rule.keywords()) {
                if (title.contains(keyword)) {
                    return rule.group();
                }
            }
        }
        String own = areaTitle.strip().replaceAll("\\s+", " ");
        return own.isEmpty() ? "Untitled area" : own;
    }

    /** Fixed groups first in their order, then titles of their own alphabetically. */
    public static final Comparator<String> DISPLAY_ORDER = Comparator
            .comparingInt((String group) -> ORDER.contains(group) ? ORDER.indexOf(group) : ORDER.size())
            .thenComparing(String.CASE_INSENSITIVE_ORDER);
}
