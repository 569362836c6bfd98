package io.mockpanel.panel.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * Shown in the composer when its note was saved elsewhere (the writer's other tab or window):
 * says so and offers the two ways out, so nothing is silently overwritten or dropped.
 */
final class ConflictBox extends Div {

    final Button loadOther;
    final Button keepMineAsNew;
    private final Span explanation = new Span();

    ConflictBox(Runnable onLoadOther, Runnable onKeepMine) {
        setId("note-conflict");
        addClassName("note-conflict");
        loadOther = new Button("Load the other version", e -> onLoadOther.run());
        loadOther.setId("load-other-version");
        loadOther.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        keepMineAsNew = new Button("Keep mine as a new note", e -> onKeepMine.run());
        keepMineAsNew.setId("keep-mine-as-new");
        keepMineAsNew.addThemeVariants(ButtonVariant.LUMO_SMALL);
        var actions = new Div(loadOther, keepMineAsNew);
        actions.addClassName("note-conflict-actions");
        add(explanation, actions);
        setVisible(false);
    }

    void show(String message) {
        explanation.setText(message);
        setVisible(true);
    }

    void hide() {
        explanation.setText("");
        setVisible(false);
    }
}
