package io.mockpanel.panel.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.mockpanel.panel.LiveSession;
import io.mockpanel.panel.PromptKind;
import io.mockpanel.panel.PromptRef;
import io.mockpanel.scenario.DiscussionArea;
import io.mockpanel.scenario.ScenarioContent;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The agenda as a tree: scenario → overview, situation, challenges, each area → its questions.
 * For the panel every item can be pushed and questions marked covered; an observer's tree has
 * no such controls, only what was pushed and covered. Built once; each update only changes the
 * rows' state, so a long agenda costs nothing per event.
 */
@JavaScript("context://js/console.js")
class AgendaTree extends Div {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Map<PromptRef, Row> rows = new HashMap<>();
    private final boolean controls;
    private @Nullable PromptRef shownCurrent;
    private final List<Details> scenarioNodes = new ArrayList<>();
    private int openScenario = -1;
    private final List<Runnable> itemBuilders = new ArrayList<>();
    private @Nullable LiveSession lastLive;
    private boolean lastCanAct;

    /** One item's components, updated in place. */
    private static final class Row {
        final Div element = new Div();
        final Span status = new Span();
        final @Nullable Button push;
        final @Nullable Checkbox covered;

        Row(@Nullable Button push, @Nullable Checkbox covered) {
            this.push = push;
            this.covered = covered;
        }
    }

    /**
     * Without {@code controls} (observers) the callbacks are never called. A scenario's items
     * exist only while it is open: built when it is opened (by the user, or because it comes on
     * screen), dropped when it is closed (by the user, or because the next scenario came on
     * screen). A console holds the rows of the scenarios it shows, not of all it has shown (issue
     * 9: about 180 state nodes per scenario in every open console; a 30-minute soak grew the heap
     * by the whole agenda in each of 800 consoles as the leads went through it).
     */
    AgendaTree(List<ScenarioContent> agenda, boolean controls, Consumer<PromptRef> onPush,
            BiConsumer<PromptRef, Boolean> onCovered) {
        this.controls = controls;
        addClassName("agenda-tree");
        setId("agenda-tree");
        for (int s = 0; s < agenda.size(); s++) {
            ScenarioContent scenario = agenda.get(s);
            int index = s;
            var node = new Details((s + 1) + ". " + scenario.title() + " · " + scenario.durationMinutes() + " min");
            node.addClassName("agenda-scenario");
            node.addOpenedChangeListener(e -> {
                if (!e.isOpened()) {
                    dropItems(index);
                } else if (buildItems(index) && lastLive != null) {
                    show(lastLive, lastCanAct);
                }
            });
            scenarioNodes.add(node);
            itemBuilders.add(() -> node.add(scenarioItems(index, scenario, onPush, onCovered)));
            add(node);
        }
    }

    /** Builds scenario {@code s}'s items unless they are there; true when it built them now. */
    private boolean buildItems(int s) {
        if (scenarioNodes.get(s).getContent().findAny().isPresent()) {
            return false;
        }
        itemBuilders.get(s).run();
        return true;
    }

    /** Drops scenario {@code s}'s items (it was closed): opening it again builds them afresh. */
    private void dropItems(int s) {
        Details node = scenarioNodes.get(s);
        node.getContent().toList().forEach(node::remove);
        rows.keySet().removeIf(ref -> ref.scenario() == s);
    }

    private Div scenarioItems(int s, ScenarioContent scenario, Consumer<PromptRef> onPush,
            BiConsumer<PromptRef, Boolean> onCovered) {
        var body = new Div();
        body.add(row(PromptRef.of(s, PromptKind.OVERVIEW), "Title, level and duration", onPush, onCovered));
        body.add(row(PromptRef.of(s, PromptKind.SITUATION), "Situation", onPush, onCovered));
        if (!scenario.keyChallenges().isEmpty()) {
            body.add(row(PromptRef.of(s, PromptKind.CHALLENGES), "Key challenges", onPush, onCovered));
        }
        for (int a = 0; a < scenario.discussionAreas().size(); a++) {
            DiscussionArea area = scenario.discussionAreas().get(a);
            var questions = new Div();
            for (int q = 0; q < area.questions().size(); q++) {
                questions.add(row(PromptRef.question(s, a, q), area.questions().get(q), onPush, onCovered));
            }
            var areaNode = new Details((a + 1) + ". " + area.title(), questions);
            areaNode.setOpened(true);
            areaNode.addClassName("agenda-area");
            body.add(areaNode);
        }
        return body;
    }

    private Div row(PromptRef ref, String text, Consumer<PromptRef> onPush, BiConsumer<PromptRef, Boolean> onCovered) {
        Button push = null;
        Checkbox covered = null;
        if (controls) {
            push = new Button(VaadinIcon.PAPERPLANE.create(), e -> onPush.accept(ref));
            push.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            push.setAriaLabel("Push: " + text);
            push.setTooltipText("Push to the candidate");
            push.addClassName("push-button");
            if (ref.kind() == PromptKind.QUESTION) {
                covered = new Checkbox();
                covered.setAriaLabel("Covered: " + text);
                covered.addValueChangeListener(e -> {
                    if (e.isFromClient()) {
                        onCovered.accept(ref, e.getValue());
                    }
                });
            }
        }
        var row = new Row(push, covered);
        row.element.addClassName("agenda-item");
        if (covered != null) {
            row.element.add(covered);
        }
        var label = new Span(text);
        label.addClassName("agenda-text");
        row.status.addClassName("agenda-status");
        row.element.add(label, row.status);
        if (push != null) {
            row.element.add(push);
        }
        rows.put(ref, row);
        return row.element;
    }

    /** Marks what was pushed, what is on screen and what was covered; keeps the item on screen in view. */
    void show(LiveSession live, boolean canAct) {
        lastLive = live;
        lastCanAct = canAct;
        // Open the scenario on screen when it changes (which builds its items); leave the user's
        // own opening and closing alone.
        Optional<PromptRef> current = live.current();
        int scenario = current.map(PromptRef::scenario).orElse(0);
        if (scenario != openScenario && scenario < scenarioNodes.size()) {
            if (openScenario >= 0) {
                // the scenario that was on screen is done with: closed, its rows go
                scenarioNodes.get(openScenario).setOpened(false);
                dropItems(openScenario);
            }
            openScenario = scenario;
            buildItems(scenario);
            scenarioNodes.get(scenario).setOpened(true);
        }
        Map<PromptRef, Instant> lastPushed = new HashMap<>();
        live.pushed().forEach(p -> lastPushed.put(p.ref(), p.at()));
        rows.forEach((ref, row) -> {
            boolean onScreen = current.filter(ref::equals).isPresent();
            row.element.setClassName("on-screen", onScreen);
            Instant pushedAt = lastPushed.get(ref);
            Instant coveredAt = live.covered().get(ref);
            String status = pushedAt == null ? "" : (onScreen ? "On screen · " : "Pushed ") + TIME.format(pushedAt);
            if (row.covered == null && coveredAt != null) {
                status = status.isEmpty() ? "Covered" : status + " · covered";
            }
            if (!status.equals(row.status.getText())) {
                row.status.setText(status);
            }
            row.status.setVisible(!status.isEmpty());
            row.element.setClassName("covered", coveredAt != null);
            if (row.push != null) {
                row.push.setEnabled(canAct);
            }
            if (row.covered != null) {
                row.covered.setValue(coveredAt != null);
                row.covered.setEnabled(canAct);
                row.covered.setTooltipText(coveredAt != null ? "Covered at " + TIME.format(coveredAt) : "Mark covered");
            }
        });
        PromptRef now = current.orElse(null);
        if (now != null && !now.equals(shownCurrent)) {
            // The agenda scrolls inside its own region: the item just pushed stays in view.
            rows.get(now).element.getElement().executeJs("window.mockpanelScrollIntoView(this)");
        }
        shownCurrent = now;
    }

    static String clock(Instant at) {
        return TIME.format(at);
    }
}
