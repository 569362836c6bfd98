package io.mockpanel.review.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.mockpanel.base.ui.Badge;
import io.mockpanel.review.SessionReview;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per scenario: each panelist's score per area with the justification and the notes it cites, the
 * spread, the consensus and the candidate's own rating side by side; then how many of the
 * expected questions were covered, and the quick tags given. On a phone the table's rows become
 * cards (review.css), so nothing needs side-scrolling.
 */
final class ReviewScores extends Composite<Div> {

    ReviewScores(SessionReview review) {
        Div root = getContent();
        root.addClassName("review-scores");
        root.setId("review-scores");
        review.scenarios().forEach(scenario -> root.add(scenario(scenario)));
    }

    private static Component scenario(SessionReview.ScenarioScores scenario) {
        var section = new Section();
        section.addClassName("review-scenario");
        section.setId("scores-" + scenario.scenario());
        var title = new H3(scenario.title());
        var heading = new Div(title, scenario.revealed() ? Badge.of("Revealed", "success")
                : Badge.of("Not revealed", "contrast"));
        heading.addClassName("review-scenario-heading");
        section.add(heading);
        if (!scenario.revealed()) {
            var hint = new Paragraph("The lead did not reveal this scenario's scores, so they stay blind: "
                    + "you see your own sheet at most.");
            hint.addClassName("review-muted");
            section.add(hint);
        }
        section.add(table(scenario));
        var extras = new Div(coverage(scenario), tags(scenario));
        extras.addClassName("review-extras");
        section.add(extras);
        return section;
    }

    private static Component table(SessionReview.ScenarioScores scenario) {
        Map<String, String> scorers = new LinkedHashMap<>();
        scenario.areas().forEach(area -> area.scores().forEach(s -> scorers.putIfAbsent(s.username(), s.displayName())));
        var table = new NativeTable();
        table.addClassNames("review-table", "scores-table");
        var head = table.getHead().addRow();
        head.addHeaderCell().setText("Area");
        scorers.values().forEach(name -> head.addHeaderCell().setText(name));
        head.addHeaderCell().setText("Spread");
        head.addHeaderCell().setText("Consensus");
        head.addHeaderCell().setText("Self");
        for (SessionReview.AreaScores area : scenario.areas()) {
            NativeTableRow row = table.getBody().addRow();
            row.addHeaderCell().setText(area.title());
            scorers.forEach((username, name) -> {
                NativeTableCell cell = row.addDataCell();
                cell.getElement().setAttribute("data-label", name);
                area.scores().stream().filter(s -> s.username().equals(username)).findFirst()
                        .ifPresentOrElse(score -> cell.add(score(score)), () -> cell.setText("—"));
            });
            NativeTableCell spread = row.addDataCell();
            spread.getElement().setAttribute("data-label", "Spread");
            spread.addClassName("area-fact");
            spread.setText(area.scores().size() < 2 ? "—" : String.valueOf(area.spread()));
            if (area.spread() >= 2) {
                spread.addClassName("spread-wide");
                spread.getElement().setAttribute("title", "Two points or more apart: worth a calibration talk");
            }
            NativeTableCell consensus = row.addDataCell();
            consensus.getElement().setAttribute("data-label", "Consensus");
            consensus.addClassName("area-fact");
            consensus.add(value(area.consensus()));
            if (!area.consensusNote().isBlank()) {
                consensus.add(small(area.consensusNote()));
            }
            NativeTableCell self = row.addDataCell();
            self.getElement().setAttribute("data-label", "Self");
            self.addClassName("area-fact");
            self.add(value(area.selfScore()));
            if (!area.selfComment().isBlank()) {
                self.add(small(area.selfComment()));
            }
        }
        var wrap = new Div(table);
        wrap.addClassName("table-wrap");
        return wrap;
    }

    private static Component score(SessionReview.PanelScore score) {
        var box = new Div(value(score.score()));
        box.addClassName("panel-score");
        if (!score.justification().isBlank()) {
            box.add(small(score.justification()));
        }
        if (!score.cited().isEmpty()) {
            var cited = new UnorderedList();
            cited.addClassName("cited-notes");
            cited.getElement().setAttribute("aria-label", "Notes this score cites");
            for (SessionReview.CitedNote note : score.cited()) {
                var at = new Span(ReviewTexts.offset(note.offset()));
                at.addClassName("moment-offset");
                var text = new Span(note.text());
                text.getElement().setAttribute("dir", "auto");
                cited.add(new ListItem(new Icon(VaadinIcon.COMMENT_ELLIPSIS), at, text));
            }
            box.add(cited);
        }
        return box;
    }

    private static Span value(@org.jspecify.annotations.Nullable Integer score) {
        var value = new Span(ReviewTexts.score(score));
        value.addClassName("score-value");
        if (score != null) {
            value.addClassName("score-" + score);
        }
        return value;
    }

    private static Paragraph small(String text) {
        var paragraph = new Paragraph(text);
        paragraph.addClassName("score-text");
        paragraph.getElement().setAttribute("dir", "auto");
        return paragraph;
    }

    /** Per area "2 of 4", the questions themselves one click away (a long list otherwise). */
    private static Component coverage(SessionReview.ScenarioScores scenario) {
        long covered = scenario.coverage().stream().filter(SessionReview.QuestionCoverage::covered).count();
        var box = new Div(new H4("Coverage: " + covered + " of " + scenario.coverage().size() + " questions"));
        box.addClassName("review-coverage");
        var perArea = new Div();
        perArea.addClassName("coverage-areas");
        for (SessionReview.AreaScores area : scenario.areas()) {
            List<SessionReview.QuestionCoverage> questions = scenario.coverage().stream()
                    .filter(q -> q.area() == area.area()).toList();
            long done = questions.stream().filter(SessionReview.QuestionCoverage::covered).count();
            var count = Badge.of(area.title() + " " + done + "/" + questions.size(),
                    done == questions.size() && done > 0 ? "success" : "contrast");
            perArea.add(count);
        }
        box.add(perArea);
        var list = new UnorderedList();
        list.addClassName("coverage-list");
        for (SessionReview.QuestionCoverage question : scenario.coverage()) {
            var icon = new Icon(question.covered() ? VaadinIcon.CHECK : VaadinIcon.CLOSE_SMALL);
            icon.addClassName(question.covered() ? "covered" : "not-covered");
            icon.getElement().setAttribute("aria-label", question.covered() ? "Covered" : "Not covered");
            var label = new Span("Q" + (question.area() + 1) + "." + (question.question() + 1) + " ");
            label.addClassName("moment-offset");
            var item = new ListItem(icon, label, new Span(question.text()));
            item.addClassName(question.covered() ? "covered" : "not-covered");
            list.add(item);
        }
        var details = new Details("The questions", list);
        details.addClassName("coverage-details");
        box.add(details);
        return box;
    }

    private static Component tags(SessionReview.ScenarioScores scenario) {
        var box = new Div(new H4("Quick tags"));
        box.addClassName("review-tags");
        List<SessionReview.TagCount> tags = scenario.tags();
        if (tags.isEmpty()) {
            var none = new Span("None.");
            none.addClassName("review-muted");
            box.add(none);
        }
        var badges = new Div();
        badges.addClassName("badges");
        for (SessionReview.TagCount tag : tags) {
            boolean mistake = io.mockpanel.panel.QuickTag.valueOf(tag.tag()).group() == io.mockpanel.panel.QuickTag.Group.MISTAKE;
            var badge = Badge.of(tag.label() + " × " + tag.count(), mistake ? "error" : "success");
            badge.addClassName("tag-count");
            badges.add(badge);
        }
        box.add(badges);
        return box;
    }
}
