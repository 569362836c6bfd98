package io.mockpanel.scenario;

import java.util.List;

/** One area of discussion in a scenario: a title and its questions, in the order they are asked. */
public record DiscussionArea(String title, List<String> questions) {

    public DiscussionArea {
        questions = List.copyOf(questions);
    }
}
