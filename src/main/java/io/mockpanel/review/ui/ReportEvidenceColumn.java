package io.mockpanel.review.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.mockpanel.base.ui.Notifications;
import io.mockpanel.review.ReportService;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;

/**
 * The report editor's evidence column: the panel's shared notes, filtered as the coach types,
 * each with a button that quotes it into the discussion area chosen above the list.
 */
class ReportEvidenceColumn extends Div {

    private final Select<Integer> quoteTarget = new Select<>();
    private final Div notesList = new Div();
    private final List<ReportService.QuotableNote> notes;
    private final BiConsumer<Integer, ReportService.QuotableNote> onQuote;

    /**
     * @param areaTitles the discussion areas in report order
     * @param onQuote takes the index of the chosen area and the note to quote into it
     */
    ReportEvidenceColumn(List<ReportService.QuotableNote> notes, List<String> areaTitles,
            BiConsumer<Integer, ReportService.QuotableNote> onQuote) {
        this.notes = notes;
        this.onQuote = onQuote;
        addClassName("report-evidence");
        add(new H3("Evidence to quote"));
        quoteTarget.setLabel("Quote into");
        quoteTarget.setItems(IntStream.range(0, areaTitles.size()).boxed().toList());
        quoteTarget.setItemLabelGenerator(areaTitles::get);
        quoteTarget.setWidthFull();
        quoteTarget.setId("quote-target");
        if (!areaTitles.isEmpty()) {
            quoteTarget.setValue(0);
        }
        var filter = new TextField();
        filter.setPlaceholder("Filter notes");
        filter.setClearButtonVisible(true);
        filter.setWidthFull();
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setAriaLabel("Filter notes");
        notesList.addClassName("report-notes");
        filter.addValueChangeListener(e -> showNotes(e.getValue()));
        var hint = new Paragraph("Only the panel's shared notes are listed; private notes are never quoted. "
                + "A quote keeps the note's text as it is when you pick it.");
        hint.addClassName("report-hint");
        add(quoteTarget, filter, hint, notesList);
        showNotes("");
    }

    private void quote(ReportService.QuotableNote note) {
        Integer target = quoteTarget.getValue();
        if (target == null) {
            Notifications.warning("Choose the discussion area to quote the note into.");
            return;
        }
        onQuote.accept(target, note);
    }

    private void showNotes(String filter) {
        notesList.removeAll();
        String needle = filter.strip().toLowerCase(Locale.ROOT);
        var shown = notes.stream()
                .filter(n -> needle.isEmpty() || n.text().toLowerCase(Locale.ROOT).contains(needle)
                        || n.author().toLowerCase(Locale.ROOT).contains(needle))
                .toList();
        if (shown.isEmpty()) {
            notesList.add(new Paragraph(needle.isEmpty() ? "The panel wrote no shared notes." : "No note matches."));
        }
        for (ReportService.QuotableNote note : shown) {
            var when = new Span(ReportTexts.offset(note.offsetMs()) + " · " + note.author());
            when.addClassName("report-note-when");
            var text = new Paragraph(note.text());
            text.addClassName("report-note-text");
            var quote = new Button("Quote", VaadinIcon.QUOTE_LEFT.create(), e -> quote(note));
            quote.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            quote.getElement().setAttribute("data-note", Long.toString(note.id()));
            quote.addClassName("quote-note");
            var card = new Div(when, text, quote);
            card.addClassName("report-note");
            notesList.add(card);
        }
    }
}
