package io.mockpanel.panel;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an interviewer fills in to set up a session.
 *
 * @param scenarioIds library scenarios in agenda order (at least one)
 * @param panelists   usernames of co-panelist interviewers
 * @param observers   usernames of observing coaches
 * @param schedule    when it starts; empty for a session not scheduled yet
 * @param meetingUrl  the video call's https link; empty for none
 */
public record NewSession(String title, String candidateName, @Nullable String candidateEmail, List<Long> scenarioIds,
        List<String> panelists, List<String> observers, @Nullable NewSchedule schedule, @Nullable String meetingUrl) {

    public NewSession {
        scenarioIds = List.copyOf(scenarioIds);
        panelists = List.copyOf(panelists);
        observers = List.copyOf(observers);
    }

    /** A session without a start or a call link (scheduled later from the console). */
    public NewSession(String title, String candidateName, @Nullable String candidateEmail, List<Long> scenarioIds,
            List<String> panelists, List<String> observers) {
        this(title, candidateName, candidateEmail, scenarioIds, panelists, observers, null, null);
    }
}
