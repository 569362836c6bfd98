package io.mockpanel.panel;

import java.util.Arrays;
import java.util.List;

/**
 * One-click tags a panelist adds while the candidate answers. The wording follows the seed
 * library's guidance (response framework, advanced tips, common mistakes); the hint is its advice.
 * The names are stored in TAG_ADDED events: rename a label freely, never a constant.
 */
@org.springframework.modulith.NamedInterface("api")
public enum QuickTag {
    STAR_SITUATION(Group.STAR, "Situation", "Set the context and scale"),
    STAR_TASK(Group.STAR, "Task", "Defined responsibilities and objectives"),
    STAR_ACTION(Group.STAR, "Action", "Detailed specific strategies and approaches"),
    STAR_RESULT(Group.STAR, "Result", "Gave outcomes and lessons learned"),

    QUANTIFIED_RESULT(Group.BEST_PRACTICE, "Quantified the result", "Used specific numbers and metrics"),
    SHOWED_LEADERSHIP(Group.BEST_PRACTICE, "Showed leadership", "Showed how they led and influenced others"),
    SHOWED_LEARNING(Group.BEST_PRACTICE, "Showed learning", "Showed how they learned and grew"),
    SPECIFIC_EXAMPLE(Group.BEST_PRACTICE, "Specific example", "Used a concrete example and data"),
    HIGHLIGHTED_IMPACT(Group.BEST_PRACTICE, "Highlighted impact", "Focused on business and technical impact"),
    STAYED_CURRENT(Group.BEST_PRACTICE, "Stayed current", "Used a recent example"),

    TOO_VAGUE(Group.MISTAKE, "Too vague", "Lacked specific details and examples"),
    ONLY_SUCCESS(Group.MISTAKE, "Only success", "Left out the challenges and how they were overcome"),
    BLAMED_OTHERS(Group.MISTAKE, "Blamed others", "Did not take responsibility for their actions"),
    NEGATIVE(Group.MISTAKE, "Negative", "Was not positive and constructive"),
    RAMBLING(Group.MISTAKE, "Rambling", "The answer was not focused and concise");

    /** The three rows of buttons. */
    public enum Group {
        STAR("STAR heard"),
        BEST_PRACTICE("Best practices"),
        MISTAKE("Common mistakes");

        private final String label;

        Group(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Group group;
    private final String label;
    private final String hint;

    QuickTag(Group group, String label, String hint) {
        this.group = group;
        this.label = label;
        this.hint = hint;
    }

    public Group group() {
        return group;
    }

    public String label() {
        return label;
    }

    /** One line of the seed guidance behind the tag, for a tooltip. */
    public String hint() {
        return hint;
    }

    /** The tags of a group, in button order. */
    public static List<QuickTag> of(Group group) {
        return Arrays.stream(values()).filter(tag -> tag.group == group).toList();
    }
}
