package io.mockpanel.scenario;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The content of one interview scenario, exactly as the library Markdown describes it. A value:
 * the importer produces it, the exporter writes it back, and sessions will snapshot it.
 */
public record ScenarioContent(
        String category,
        String title,
        String level,
        int durationMinutes,
        @Nullable String company,
        String situation,
        List<String> keyChallenges,
        List<DiscussionArea> discussionAreas) {

    public ScenarioContent {
        keyChallenges = List.copyOf(keyChallenges);
        discussionAreas = List.copyOf(discussionAreas);
    }
}
