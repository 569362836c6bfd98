package io.mockpanel.scoring.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import io.mockpanel.scoring.ScoreScale;
import io.mockpanel.scoring.ScoringService;
import org.jspecify.annotations.Nullable;

/**
 * One line of a score sheet: the four steps of the scale for a discussion area (or the overall
 * recommendation) with the written reason beside it, or under it on a narrow column. The steps
 * show their names only; what each means is a hover hint on the step and, for keyboards and
 * touch, a collapsed "What the levels mean" that is filled in when first opened.
 */
final class ScaleField extends Div {

    private final RadioButtonGroup<ScoreScale> scale;
    private final TextArea reason;

    /**
     * @param scaleId  the id of the scale (browser tests click its steps in order)
     * @param reasonId the id of the text field
     * @param levelsId the id of the "What the levels mean" toggle
     */
    ScaleField(String title, String reasonLabel, String scaleId, String reasonId, String levelsId) {
        addClassName("score-line");
        scale = new RadioButtonGroup<>(title);
        scale.setId(scaleId);
        scale.addClassName("score-scale");
        scale.setItems(ScoreScale.values());
        scale.setItemLabelGenerator(ScoreScale::display);
        scale.setRenderer(new ComponentRenderer<>(ScaleField::step));

        var levels = new Details("What the levels mean");
        levels.setId(levelsId);
        levels.addClassName("score-levels");
        levels.addOpenedChangeListener(e -> {
            if (e.isOpened() && levels.getContent().findAny().isEmpty()) {
                levels.add(meanings());
            }
        });
        var choice = new Div(scale, levels);
        choice.addClassName("score-choice");

        reason = new TextArea(reasonLabel);
        reason.setId(reasonId);
        reason.addClassName("score-reason");
        reason.setMaxLength(ScoringService.MAX_TEXT);
        reason.setWidthFull();
        add(choice, reason);
    }

    @Nullable Integer score() {
        ScoreScale value = scale.getValue();
        return value == null ? null : value.value();
    }

    String reason() {
        return reason.getValue();
    }

    void show(@Nullable Integer score, String text) {
        if (score != null) {
            ScoreScale.of(score).ifPresent(scale::setValue);
        }
        reason.setValue(text);
    }

    /**
     * A step as the scale shows it: its name, with its meaning as the browser's hover hint (a
     * Vaadin tooltip on a rendered item breaks when the group re-renders its items).
     */
    private static Component step(ScoreScale point) {
        var name = new Span(point.display());
        name.getElement().setAttribute("title", point.anchor());
        return name;
    }

    private static Component meanings() {
        var list = new UnorderedList();
        list.addClassName("score-meanings");
        for (ScoreScale point : ScoreScale.values()) {
            var name = new Span(point.display());
            name.addClassName("score-meaning-name");
            list.add(new ListItem(name, new Span(" — " + point.anchor())));
        }
        return list;
    }
}
