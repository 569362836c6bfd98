package io.mockpanel.review;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A development report as the candidate reads it (stored as JSON in
 * {@code development_report.released_content}): the coach's texts and quotes, and only the scores
 * the coach chose to include, taken when the report was released. Nothing else of the session is
 * in it, so rendering it cannot show a private note or a score the coach left out.
 */
public record ReleasedReport(String candidateName, String sessionTitle, Instant sessionDate, String summary,
        String strengths, String development, List<Area> areas) {

    public ReleasedReport {
        areas = List.copyOf(areas);
    }

    /**
     * @param consensus the panel's agreed score, when included and recorded
     * @param panelScores the individual panel scores (without names), when included; else empty
     */
    public record Area(String scenarioTitle, String areaTitle, String feedback, List<ReportContent.Quote> quotes,
            @Nullable Integer consensus, List<Integer> panelScores) {

        public Area {
            quotes = List.copyOf(quotes);
            panelScores = List.copyOf(panelScores);
        }
    }
}
