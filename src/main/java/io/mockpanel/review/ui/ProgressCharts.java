package io.mockpanel.review.ui;

import io.mockpanel.panel.QuickTag;
import io.mockpanel.review.CandidateProgress;
import io.mockpanel.review.CandidateProgress.SessionPoint;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns a candidate's progress into chart data: scores per competency, and one quick tag, per session. */
final class ProgressCharts {

    static final String OVERALL = "Overall";
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter SHORT_MONTH = DateTimeFormatter.ofPattern("MMM yy", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter FULL_DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());

    private ProgressCharts() {
    }

    /** Overall first (the line a reader looks for), then each competency. */
    static SvgChart.Data scores(CandidateProgress progress) {
        var sessions = progress.sessions();
        List<SvgChart.Series> series = new ArrayList<>();
        series.add(new SvgChart.Series(OVERALL, sessions.stream().map(SessionPoint::overall).toList()));
        for (String group : progress.groups()) {
            series.add(new SvgChart.Series(group, sessions.stream().map(s -> s.byGroup().get(group)).toList()));
        }
        return new SvgChart.Data("Scores over time: " + progress.candidate().displayName(),
                "Scores on the 1 to 4 scale per session, oldest first, overall and per competency.",
                axisLabels(sessions), series);
    }

    /** How often the tag was added in each session (0 when not at all). */
    static SvgChart.Data tag(CandidateProgress progress, QuickTag tag) {
        var sessions = progress.sessions();
        List<Double> counts = sessions.stream().map(s -> (double) s.tags().getOrDefault(tag, 0)).toList();
        return new SvgChart.Data("\u201c" + tag.label() + "\u201d per session: " + progress.candidate().displayName(),
                "How often the panel tagged \u201c" + tag.label() + "\u201d in each session, oldest first.",
                axisLabels(sessions), List.of(new SvgChart.Series(tag.label(), new ArrayList<>(counts))));
    }

    /** The table's row names: the date and the session's title. */
    static List<String> rowLabels(CandidateProgress progress) {
        return progress.sessions().stream().map(s -> FULL_DAY.format(s.at()) + " · " + s.title()).toList();
    }

    /** Days when all sessions fall in one year, else months; the table says it in full. */
    private static List<String> axisLabels(List<SessionPoint> sessions) {
        boolean oneYear = sessions.stream().map(s -> s.at().atZone(ZoneId.systemDefault()).getYear()).distinct()
                .count() <= 1;
        return sessions.stream().map(s -> (oneYear ? SHORT_DAY : SHORT_MONTH).format(s.at())).toList();
    }

    /** The tag a coach most likely follows: the most frequent common mistake, else the most frequent tag. */
    static QuickTag defaultTag(List<QuickTag> used) {
        return used.stream().filter(t -> t.group() == QuickTag.Group.MISTAKE).findFirst().orElse(used.getFirst());
    }

    static String score(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
