package io.mockpanel.review.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import io.mockpanel.review.ReleasedReport;
import io.mockpanel.review.ReportContent;
import java.time.ZoneId;
import java.util.stream.Collectors;

/**
 * A development report as the candidate reads it. Renders a {@link ReleasedReport} and nothing
 * else, so the candidate's page, the coach's preview and a reader's copy are the same document.
 */
class ReportDocument extends Composite<Div> {

    ReportDocument(ReleasedReport report, ZoneId zone) {
        Div root = getContent();
        root.addClassName("report-document");
        var title = new H1("Development report");
        var who = new Paragraph(report.candidateName() + " · " + report.sessionTitle() + " · "
                + ReportTexts.date(report.sessionDate(), zone));
        who.addClassName("report-who");
        root.add(title, who);
        text(root, null, report.summary(), "report-summary");
        text(root, "Strengths", report.strengths(), "report-strengths");
        text(root, "Areas to develop", report.development(), "report-development");
        var areas = report.areas().stream().filter(ReportDocument::hasSomething).toList();
        if (!areas.isEmpty()) {
            root.add(new H2("By discussion area"));
        }
        String scenario = null;
        for (ReleasedReport.Area area : areas) {
            if (!area.scenarioTitle().equals(scenario)) {
                scenario = area.scenarioTitle();
                root.add(new H3(scenario));
            }
            var section = new Section(new H4(area.areaTitle()));
            section.addClassName("report-area");
            if (area.consensus() != null || !area.panelScores().isEmpty()) {
                var scores = new Div();
                scores.addClassName("report-scores");
                if (area.consensus() != null) {
                    scores.add(new Span("Panel's agreed score: " + ReportTexts.score(area.consensus())));
                }
                if (!area.panelScores().isEmpty()) {
                    scores.add(new Span("Individual panel scores: " + area.panelScores().stream()
                            .map(ReportTexts::score).collect(Collectors.joining(", "))));
                }
                section.add(scores);
            }
            if (!area.feedback().isBlank()) {
                var feedback = new Paragraph(area.feedback());
                feedback.addClassName("report-text");
                section.add(feedback);
            }
            for (ReportContent.Quote quote : area.quotes()) {
                var text = new Paragraph("“" + quote.text() + "”");
                var when = new Span("Panel note, " + ReportTexts.offset(quote.offsetMs()) + " into the session");
                when.addClassName("report-quote-when");
                var box = new Div(text, when);
                box.addClassName("report-quote");
                section.add(box);
            }
            root.add(section);
        }
    }

    private static boolean hasSomething(ReleasedReport.Area area) {
        return !area.feedback().isBlank() || !area.quotes().isEmpty() || area.consensus() != null
                || !area.panelScores().isEmpty();
    }

    private static void text(Div root, String heading, String text, String className) {
        if (text.isBlank()) {
            return;
        }
        if (heading != null) {
            root.add(new H2(heading));
        }
        var paragraph = new Paragraph(text);
        paragraph.addClassNames("report-text", className);
        root.add(paragraph);
    }
}
