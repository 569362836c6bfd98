package io.mockpanel.review.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import io.mockpanel.base.ui.Notifications;
import io.mockpanel.review.RecordedVerdict;
import io.mockpanel.review.ReviewException;
import io.mockpanel.review.SessionReview;
import io.mockpanel.review.SessionReviewService;
import io.mockpanel.review.VerdictInput;
import io.mockpanel.scoring.ScoreScale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The panel's verdict: the overall recommendation and its note as the lead recorded it, and for the
 * lead (when the session allows it) the form that records or changes it. The form keeps the version
 * it was filled from, so a change made meanwhile in another tab is refused, not overwritten.
 */
final class VerdictPanel extends Composite<Div> {

    final Div shown = new Div();
    final RadioButtonGroup<ScoreScale> recommendation = new RadioButtonGroup<>("Panel's recommendation");
    final TextArea note = new TextArea("Note");
    final Button record = new Button("Record verdict");
    final Span problem = new Span();
    private final SessionReviewService reviews;
    private final long sessionId;
    private @Nullable Long version;

    /**
     * @param form whether the reader may record it now (the lead, after the session or once every
     *             scenario was revealed); the service checks again
     */
    VerdictPanel(SessionReviewService reviews, long sessionId, SessionReview.@Nullable Verdict verdict, boolean form,
            String formHint) {
        this.reviews = reviews;
        this.sessionId = sessionId;
        Div root = getContent();
        root.addClassNames("review-card", "verdict-card");
        root.setId("verdict");
        shown.addClassName("verdict-shown");
        root.add(new H3("Panel's verdict"), shown);
        show(verdict);
        if (form) {
            Optional<RecordedVerdict> current = reviews.verdict(sessionId);
            version = current.map(RecordedVerdict::version).orElse(null);
            recommendation.setItems(ScoreScale.values());
            recommendation.setItemLabelGenerator(ScoreScale::display);
            recommendation.setId("verdict-recommendation");
            current.flatMap(v -> ScoreScale.of(v.verdict().recommendation())).ifPresent(recommendation::setValue);
            note.setId("verdict-note");
            note.setMaxLength(SessionReviewService.MAX_NOTE);
            note.setWidthFull();
            note.setPlaceholder("What the panel agreed on, and why");
            current.ifPresent(v -> note.setValue(v.verdict().note()));
            record.setId("record-verdict");
            record.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            record.setText(current.isPresent() ? "Change verdict" : "Record verdict");
            record.addClickListener(e -> save());
            problem.addClassName("form-problem");
            problem.setId("verdict-problem");
            var formBox = new Div(recommendation, note, problem, record);
            formBox.addClassName("verdict-form");
            root.add(formBox);
        } else if (!formHint.isEmpty()) {
            var hint = new Paragraph(formHint);
            hint.addClassName("review-hint");
            root.add(hint);
        }
    }

    private void show(SessionReview.@Nullable Verdict verdict) {
        shown.removeAll();
        if (verdict == null) {
            var none = new Paragraph("Not recorded yet.");
            none.addClassName("review-muted");
            shown.add(none);
            return;
        }
        var value = new Span(ReviewTexts.score(verdict.recommendation()));
        value.addClassNames("verdict-value", "score-" + verdict.recommendation());
        value.setId("verdict-value");
        var by = new Span("by " + verdict.recordedBy() + ", " + ReviewTexts.when(verdict.recordedAt()));
        by.addClassName("review-muted");
        shown.add(new Div(value, by));
        if (!verdict.note().isBlank()) {
            var text = new Paragraph(verdict.note());
            text.addClassName("verdict-note-text");
            text.getElement().setAttribute("dir", "auto");
            shown.add(text);
        }
    }

    private void save() {
        ScoreScale chosen = recommendation.getValue();
        try {
            RecordedVerdict saved = reviews.recordVerdict(sessionId, new VerdictInput(chosen == null ? null
                    : chosen.value(), note.getValue(), version));
            version = saved.version();
            problem.setText("");
            record.setText("Change verdict");
            show(saved.verdict());
            Notifications.success("Verdict recorded.");
        } catch (ReviewException e) {
            problem.setText(e.getMessage());
            Notifications.error(e.getMessage());
        }
    }
}
