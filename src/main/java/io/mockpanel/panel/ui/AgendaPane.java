package io.mockpanel.panel.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.mockpanel.panel.LiveSession;
import io.mockpanel.panel.PromptRef;
import io.mockpanel.scenario.ScenarioContent;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The "run" region: the agenda tree, with Push next pinned above it so it never scrolls away,
 * however long the agenda. Observers get the tree without controls and no Push next.
 */
final class AgendaPane extends Div {

    final Button pushNext = new Button("Push next", VaadinIcon.FORWARD.create());
    final AgendaTree tree;

    AgendaPane(List<ScenarioContent> agenda, boolean controls, Runnable onPushNext, Consumer<PromptRef> onPush,
            BiConsumer<PromptRef, Boolean> onCovered) {
        addClassName("agenda-pane");
        tree = new AgendaTree(agenda, controls, onPush, onCovered);
        var heading = new Div(new H3("Agenda"));
        heading.addClassName("pane-heading");
        if (controls) {
            pushNext.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            pushNext.setId("push-next");
            pushNext.setTooltipText("Alt+N");
            pushNext.addClickShortcut(Key.KEY_N, KeyModifier.ALT);
            pushNext.addClickListener(e -> onPushNext.run());
            heading.add(pushNext);
        }
        var scroller = new Div(tree);
        scroller.addClassName("pane-scroll");
        add(heading, scroller);
    }

    void show(LiveSession live, boolean canAct) {
        tree.show(live, canAct);
        pushNext.setEnabled(canAct);
    }
}
