package io.mockpanel.panel;

import io.mockpanel.scenario.ScenarioContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Points at one pushable item of a session's agenda: a scenario (by agenda position) and a part of
 * it; {@code area} and {@code question} are -1 unless the part is a question.
 */
@org.springframework.modulith.NamedInterface("api")
public record PromptRef(int scenario, PromptKind kind, int area, int question) {

    public static PromptRef of(int scenario, PromptKind kind) {
        return new PromptRef(scenario, kind, -1, -1);
    }

    public static PromptRef question(int scenario, int area, int question) {
        return new PromptRef(scenario, PromptKind.QUESTION, area, question);
    }

    /** Every pushable item of the agenda, in agenda order. */
    public static List<PromptRef> allOf(List<ScenarioContent> agenda) {
        List<PromptRef> items = new ArrayList<>();
        for (int s = 0; s < agenda.size(); s++) {
            ScenarioContent scenario = agenda.get(s);
            items.add(of(s, PromptKind.OVERVIEW));
            items.add(of(s, PromptKind.SITUATION));
            if (!scenario.keyChallenges().isEmpty()) {
                items.add(of(s, PromptKind.CHALLENGES));
            }
            for (int a = 0; a < scenario.discussionAreas().size(); a++) {
                for (int q = 0; q < scenario.discussionAreas().get(a).questions().size(); q++) {
                    items.add(question(s, a, q));
                }
            }
        }
        return items;
    }

    /** True when this item exists in the agenda. */
    public boolean existsIn(List<ScenarioContent> agenda) {
        return allOf(agenda).contains(this);
    }

    /** The item after {@code last} in agenda order (the first item when nothing was pushed). */
    public static Optional<PromptRef> next(List<ScenarioContent> agenda, Optional<PromptRef> last) {
        List<PromptRef> items = allOf(agenda);
        int index = last.map(items::indexOf).orElse(-1) + 1;
        return index < items.size() ? Optional.of(items.get(index)) : Optional.empty();
    }

    /** A short label for consoles and notes, e.g. "Crisis Management › Situation" or "Q 2.3". */
    public String label(List<ScenarioContent> agenda) {
        ScenarioContent content = agenda.get(scenario);
        return switch (kind) {
            case OVERVIEW -> content.title();
            case SITUATION -> content.title() + " › Situation";
            case CHALLENGES -> content.title() + " › Key challenges";
            case QUESTION -> content.title() + " › " + content.discussionAreas().get(area).title() + " › Q"
                    + (question + 1);
        };
    }
}
