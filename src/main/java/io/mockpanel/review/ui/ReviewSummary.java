package io.mockpanel.review.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import io.mockpanel.review.SessionReview;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The top of the review, what a coach reads first: time per scenario and area as bars, prompts
 * pushed and skipped, each panelist's recommendation per scenario, and the panel's verdict.
 * The header above it (title, candidate, panel, times) is the page's own.
 */
final class ReviewSummary extends Composite<Section> {

    ReviewSummary(SessionReview review, VerdictPanel verdict) {
        Section root = getContent();
        root.addClassName("review-summary");
        root.setId("review-summary");
        var middle = new Div(recommendations(review), prompts(review));
        middle.addClassName("review-stack");
        root.add(time(review), middle, verdict);
    }

    private static Component time(SessionReview review) {
        var card = card("review-time", "Time on screen");
        Duration longest = review.timeSpent().stream().map(SessionReview.ScenarioTime::spent)
                .max(Duration::compareTo).orElse(Duration.ZERO);
        var table = new NativeTable();
        table.addClassName("time-table");
        for (SessionReview.ScenarioTime scenario : review.timeSpent()) {
            table.getBody().addRows(bar(scenario.title(), scenario.spent(), longest, "time-scenario"));
            for (SessionReview.AreaTime area : scenario.areas()) {
                table.getBody().addRows(bar(area.title(), area.spent(), longest, "time-area"));
            }
        }
        card.add(table);
        return card;
    }

    private static NativeTableRow bar(String title, Duration spent, Duration longest, String kind) {
        var row = new NativeTableRow();
        row.addClassName(kind);
        var name = row.addDataCell();
        name.setText(title);
        name.getElement().setAttribute("title", title);
        var fill = new Div();
        fill.addClassName("time-bar-fill");
        double share = longest.isZero() ? 0 : 100.0 * spent.toMillis() / longest.toMillis();
        fill.getStyle().setWidth(String.format(java.util.Locale.ROOT, "%.1f%%", share));
        var track = new Div(fill);
        track.addClassName("time-bar");
        row.addDataCell().add(track);
        var value = row.addDataCell();
        value.setText(ReviewTexts.spent(spent));
        value.addClassName("time-value");
        return row;
    }

    private static Component prompts(SessionReview review) {
        var card = card("review-prompts", "Prompts");
        int pushed = review.summary().promptsPushed();
        int skipped = review.summary().promptsSkipped();
        var numbers = new Div(number(pushed, "pushed", "prompts-pushed"), number(skipped, "never pushed",
                "prompts-skipped"));
        numbers.addClassName("review-numbers");
        card.add(numbers);
        long covered = review.scenarios().stream().flatMap(s -> s.coverage().stream())
                .filter(SessionReview.QuestionCoverage::covered).count();
        long questions = review.scenarios().stream().mapToLong(s -> s.coverage().size()).sum();
        var coverage = new Span(covered + " of " + questions + " questions marked covered");
        coverage.addClassName("review-muted");
        card.add(coverage);
        return card;
    }

    private static Component number(int value, String label, String id) {
        var big = new Span(String.valueOf(value));
        big.addClassName("review-number");
        big.setId(id);
        var box = new Div(big, new Span(label));
        box.addClassName("review-number-box");
        return box;
    }

    private static Component recommendations(SessionReview review) {
        var card = card("review-recommendations", "Recommendations");
        if (review.recommendations().isEmpty()) {
            var none = new Span("No recommendation you may see yet: others' sheets show once a scenario is revealed.");
            none.addClassName("review-muted");
            card.add(none);
            return card;
        }
        // Scenarios down, panelists across: names are short, scenario titles are not.
        Map<String, String> scorers = new LinkedHashMap<>();
        review.recommendations().forEach(r -> scorers.putIfAbsent(r.username(), r.displayName()));
        var table = new NativeTable();
        table.addClassNames("review-table", "recommendation-table");
        var head = table.getHead().addRow();
        head.addHeaderCell().setText("Scenario");
        scorers.values().forEach(name -> head.addHeaderCell().setText(name));
        List<SessionReview.ScenarioScores> scenarios = review.scenarios();
        for (SessionReview.ScenarioScores scenario : scenarios) {
            var row = table.getBody().addRow();
            var title = row.addHeaderCell();
            title.setText(scenario.title());
            title.getElement().setAttribute("title", scenario.title());
            scorers.forEach((username, name) -> {
                var cell = row.addDataCell();
                cell.getElement().setAttribute("data-label", name);
                review.recommendations().stream()
                        .filter(r -> r.username().equals(username) && r.scenario() == scenario.scenario())
                        .findFirst()
                        .ifPresentOrElse(r -> {
                            cell.setText(ReviewTexts.score(r.recommendation()) + (r.submitted() ? "" : " (draft)"));
                            if (r.recommendation() != null) {
                                cell.addClassName("score-" + r.recommendation());
                            }
                            if (!r.text().isBlank()) {
                                cell.getElement().setAttribute("title", r.text());
                            }
                        }, () -> cell.setText(scenario.revealed() ? "—" : "hidden"));
            });
        }
        card.add(table);
        if (scenarios.stream().anyMatch(s -> !s.revealed())) {
            var hint = new Span("Hidden: the scenario was not revealed, so others' sheets stay blind.");
            hint.addClassName("review-muted");
            card.add(hint);
        }
        return card;
    }

    static Div card(String id, String title) {
        var card = new Div(new H3(title));
        card.addClassName("review-card");
        card.setId(id);
        return card;
    }
}
