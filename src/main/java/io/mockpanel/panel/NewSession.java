package io.mockpanel.panel;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an interviewer fills in to set up a session.
 *
 * @param scenarioIds library scenarios in agenda order (at least one)
 * @param panelists   usernames of co-panelist interviewers
 * @param observers   usernames of observing coaches
 */
public record NewSession(String title, String candidateName, @Nullable String candidateEmail, List<Long> scenarioIds,
        List<String> panelists, List<String> observers) {

    public NewSession {
        scenarioIds = List.copyOf(scenarioIds);
        panelists = List.copyOf(panelists);
        observers = List.copyOf(observers);
    }
}
