package io.mockpanel.review;

import java.util.List;

/**
 * A development report as the coach writes it (the draft, stored as JSON in
 * {@code development_report.content}): an opening summary, strengths, areas to develop, and a short
 * feedback paragraph per discussion area of the session's agenda, with quoted panel notes, plus
 * whether the released report shows the panel's consensus scores and the individual panel scores.
 */
public record ReportContent(String summary, String strengths, String development, List<AreaFeedback> areas,
        boolean includeConsensus, boolean includePanelScores) {

    /** The longest text of one field; a report is read on a phone, not a thesis. */
    public static final int MAX_TEXT = 5000;
    /** Quotes per discussion area. */
    public static final int MAX_QUOTES = 10;

    public ReportContent {
        areas = List.copyOf(areas);
    }

    /**
     * The feedback for one discussion area; the titles are copied from the agenda by the server.
     *
     * @param scenario the scenario's agenda position
     * @param area the area's index within the scenario
     */
    public record AreaFeedback(int scenario, int area, String scenarioTitle, String areaTitle, String feedback,
            List<Quote> quotes) {

        public AreaFeedback {
            quotes = List.copyOf(quotes);
        }

        public AreaFeedback withFeedback(String text) {
            return new AreaFeedback(scenario, area, scenarioTitle, areaTitle, text, quotes);
        }

        public AreaFeedback withQuotes(List<Quote> list) {
            return new AreaFeedback(scenario, area, scenarioTitle, areaTitle, feedback, list);
        }
    }

    /**
     * A panel note quoted as evidence: the text as it was when the coach picked it (a later edit
     * of the note does not change the report), and its time into the session.
     */
    public record Quote(long noteId, long offsetMs, String text) {
    }

    public ReportContent withAreas(List<AreaFeedback> list) {
        return new ReportContent(summary, strengths, development, list, includeConsensus, includePanelScores);
    }

    /** Whether the coach wrote anything at all. */
    public boolean blank() {
        return summary.isBlank() && strengths.isBlank() && development.isBlank()
                && areas.stream().allMatch(a -> a.feedback().isBlank() && a.quotes().isEmpty());
    }
}
