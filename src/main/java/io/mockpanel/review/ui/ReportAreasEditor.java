package io.mockpanel.review.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import io.mockpanel.base.ui.Notifications;
import io.mockpanel.review.ReportContent;
import io.mockpanel.review.ReportService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The report editor's feedback per discussion area, under its scenario's heading: the coach's
 * text, the panel's scores for the area, and the notes quoted into it (each removable).
 */
class ReportAreasEditor extends Div {

    private final List<ReportContent.AreaFeedback> areas;
    private final List<TextArea> feedback = new ArrayList<>();
    private final List<Div> quoteLists = new ArrayList<>();
    private final Runnable edited;

    /**
     * @param textArea makes a field that saves itself like the editor's other texts (label, placeholder)
     * @param edited called when the coach adds or removes a quote
     */
    ReportAreasEditor(List<ReportContent.AreaFeedback> areas, List<ReportService.AreaEvidence> scores,
            BiFunction<String, String, TextArea> textArea, Runnable edited) {
        this.areas = new ArrayList<>(areas);
        this.edited = edited;
        addClassName("report-areas");
        Map<String, ReportService.AreaEvidence> scoresByArea = scores.stream()
                .collect(Collectors.toMap(e -> e.scenario() + "/" + e.area(), Function.identity()));
        String scenario = null;
        for (int i = 0; i < areas.size(); i++) {
            ReportContent.AreaFeedback area = areas.get(i);
            if (!area.scenarioTitle().equals(scenario)) {
                scenario = area.scenarioTitle();
                add(new H3(scenario));
            }
            var field = textArea.apply(area.areaTitle(), "Feedback on this area, drawing on the scores and notes.");
            field.setValue(area.feedback());
            field.addClassName("report-area-feedback");
            feedback.add(field);
            var line = new Paragraph(scoreLine(scoresByArea.get(area.scenario() + "/" + area.area())));
            line.addClassName("report-area-scores");
            var quotes = new Div();
            quotes.addClassName("report-area-quotes");
            quoteLists.add(quotes);
            var box = new Div(field, line, quotes);
            box.addClassName("report-area-edit");
            add(box);
            showQuotes(i);
        }
    }

    List<String> titles() {
        return areas.stream().map(ReportContent.AreaFeedback::areaTitle).toList();
    }

    /** The areas as the fields hold them now. */
    List<ReportContent.AreaFeedback> content() {
        List<ReportContent.AreaFeedback> list = new ArrayList<>();
        for (int i = 0; i < areas.size(); i++) {
            list.add(areas.get(i).withFeedback(feedback.get(i).getValue()));
        }
        return list;
    }

    /** Takes the quotes as the server stored them (their text snapshotted when first quoted). */
    void keepQuotes(List<ReportContent.AreaFeedback> saved) {
        for (int i = 0; i < areas.size() && i < saved.size(); i++) {
            areas.set(i, areas.get(i).withQuotes(saved.get(i).quotes()));
        }
    }

    /** Quotes the note into the area at {@code target}, unless it is quoted there already. */
    void quote(int target, ReportService.QuotableNote note) {
        ReportContent.AreaFeedback area = areas.get(target);
        if (area.quotes().stream().anyMatch(q -> q.noteId() == note.id())) {
            Notifications.info("This note is already quoted in “" + area.areaTitle() + "”.");
            return;
        }
        List<ReportContent.Quote> quotes = new ArrayList<>(area.quotes());
        quotes.add(new ReportContent.Quote(note.id(), note.offsetMs(), note.text()));
        areas.set(target, area.withQuotes(quotes));
        showQuotes(target);
        edited.run();
    }

    private void showQuotes(int index) {
        Div list = quoteLists.get(index);
        list.removeAll();
        for (ReportContent.Quote quote : areas.get(index).quotes()) {
            var text = new Span("“" + quote.text() + "” (" + ReportTexts.offset(quote.offsetMs()) + ")");
            var remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                var area = areas.get(index);
                areas.set(index, area.withQuotes(area.quotes().stream().filter(q -> q != quote).toList()));
                showQuotes(index);
                edited.run();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            remove.setAriaLabel("Remove this quote");
            var row = new Div(text, remove);
            row.addClassName("report-quote-row");
            list.add(row);
        }
    }

    private static String scoreLine(ReportService.@Nullable AreaEvidence evidence) {
        if (evidence == null || evidence.consensus() == null && evidence.scores().isEmpty()) {
            return "No revealed scores for this area.";
        }
        String consensus = evidence.consensus() == null ? "no agreed score"
                : "agreed " + ReportTexts.score(evidence.consensus());
        String panel = evidence.scores().stream().map(s -> s.name() + " " + s.score())
                .collect(Collectors.joining(", "));
        return "Panel: " + consensus + (panel.isEmpty() ? "" : " · " + panel);
    }
}
