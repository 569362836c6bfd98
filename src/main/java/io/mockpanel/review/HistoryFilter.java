package io.mockpanel.review;

import io.mockpanel.panel.SessionState;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What the history list is narrowed to; every part is optional. Dates are whole days in the
 * server's time zone, both ends included, and apply to when the session was held (its start, or its
 * creation while it has not started).
 *
 * @param candidateId the person across sessions ({@code candidate.id})
 * @param scenarioId a library scenario on the session's agenda
 * @param interviewer the username of someone who sat on the session
 * @param text words to find in note text (PostgreSQL web search syntax: "a phrase", or, -word)
 */
public record HistoryFilter(@Nullable Long candidateId, @Nullable Long scenarioId, @Nullable String interviewer,
        @Nullable LocalDate from, @Nullable LocalDate to, @Nullable SessionState state,
        @Nullable VerdictFilter verdict, String text) {

    /** Longest search text; more is not a search but a paste. */
    public static final int MAX_TEXT = 200;

    public static final HistoryFilter NONE = new HistoryFilter(null, null, null, null, null, null, null, "");

    public HistoryFilter {
        text = text == null ? "" : text;
    }

    public boolean searchesText() {
        return !text.isBlank();
    }

    public HistoryFilter withCandidate(@Nullable Long id) {
        return new HistoryFilter(id, scenarioId, interviewer, from, to, state, verdict, text);
    }

    public HistoryFilter withScenario(@Nullable Long id) {
        return new HistoryFilter(candidateId, id, interviewer, from, to, state, verdict, text);
    }

    public HistoryFilter withInterviewer(@Nullable String username) {
        return new HistoryFilter(candidateId, scenarioId, username, from, to, state, verdict, text);
    }

    public HistoryFilter withDates(@Nullable LocalDate start, @Nullable LocalDate end) {
        return new HistoryFilter(candidateId, scenarioId, interviewer, start, end, state, verdict, text);
    }

    public HistoryFilter withState(@Nullable SessionState value) {
        return new HistoryFilter(candidateId, scenarioId, interviewer, from, to, value, verdict, text);
    }

    public HistoryFilter withVerdict(@Nullable VerdictFilter value) {
        return new HistoryFilter(candidateId, scenarioId, interviewer, from, to, state, value, text);
    }

    public HistoryFilter withText(String value) {
        return new HistoryFilter(candidateId, scenarioId, interviewer, from, to, state, verdict, value);
    }
}
