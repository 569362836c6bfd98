package io.mockpanel.loadgen;

import io.mockpanel.panel.PromptRef;
import io.mockpanel.scenario.ScenarioContent;
import java.util.List;

/**
 * One live panel to simulate: the session, its people (all with {@code password}), the
 * candidate's invite route, and the text the candidate's screen must show for each push, in the
 * agenda's order (what "Push next" walks through).
 */
public record PanelPlan(long sessionId, String lead, List<String> panelists, String coach, String password,
        String inviteRoute, List<String> promptTexts) {

    public PanelPlan {
        panelists = List.copyOf(panelists);
        promptTexts = List.copyOf(promptTexts);
    }

    /** The text that shows a pushed item on the candidate's screen, for each item of {@code agenda}. */
    static List<String> promptTexts(List<ScenarioContent> agenda) {
        return PromptRef.allOf(agenda).stream().map(ref -> {
            ScenarioContent scenario = agenda.get(ref.scenario());
            return switch (ref.kind()) {
                case OVERVIEW -> scenario.title();
                case SITUATION -> scenario.situation();
                case CHALLENGES -> scenario.keyChallenges().getFirst();
                case QUESTION -> scenario.discussionAreas().get(ref.area()).questions().get(ref.question());
            };
        }).toList();
    }

    public String consoleRoute() {
        return "sessions/" + sessionId;
    }
}
