package io.mockpanel.panel.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.mockpanel.base.ui.Badge;
import io.mockpanel.panel.LiveSession;
import io.mockpanel.panel.PromptKind;
import io.mockpanel.panel.PromptRef;
import io.mockpanel.scenario.DiscussionArea;
import io.mockpanel.scenario.ScenarioContent;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The agenda as a tree: scenario → overview, situation, challenges, each area → its questions.
 * Every item can be pushed; questions can be marked covered. Shows what was pushed, and when.
 */
class AgendaTree extends Div {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final List<ScenarioContent> agenda;
    private final Consumer<PromptRef> onPush;
    private final BiConsumer<PromptRef, Boolean> onCovered;

    AgendaTree(List<ScenarioContent> agenda, Consumer<PromptRef> onPush, BiConsumer<PromptRef, Boolean> onCovered) {
        this.agenda = agenda;
        this.onPush = onPush;
        this.onCovered = onCovered;
        addClassName("agenda-tree");
        setId("agenda-tree");
    }

    void show(LiveSession live, boolean canAct) {
        removeAll();
        Optional<PromptRef> current = live.current();
        for (int s = 0; s < agenda.size(); s++) {
            ScenarioContent scenario = agenda.get(s);
            var body = new Div();
            body.add(item(PromptRef.of(s, PromptKind.OVERVIEW), "Title, level and duration", live, canAct, current));
            body.add(item(PromptRef.of(s, PromptKind.SITUATION), "Situation", live, canAct, current));
            if (!scenario.keyChallenges().isEmpty()) {
                body.add(item(PromptRef.of(s, PromptKind.CHALLENGES), "Key challenges", live, canAct, current));
            }
            for (int a = 0; a < scenario.discussionAreas().size(); a++) {
                DiscussionArea area = scenario.discussionAreas().get(a);
                var questions = new Div();
                for (int q = 0; q < area.questions().size(); q++) {
                    questions.add(item(PromptRef.question(s, a, q), area.questions().get(q), live, canAct, current));
                }
                var areaNode = new Details((a + 1) + ". " + area.title(), questions);
                areaNode.setOpened(true);
                areaNode.addClassName("agenda-area");
                body.add(areaNode);
            }
            var node = new Details(scenario.title() + " · " + scenario.durationMinutes() + " min", body);
            boolean isCurrent = current.map(ref -> ref.scenario()).orElse(0) == agenda.indexOf(scenario);
            node.setOpened(isCurrent);
            node.addClassName("agenda-scenario");
            add(node);
        }
    }

    private Div item(PromptRef ref, String text, LiveSession live, boolean canAct, Optional<PromptRef> current) {
        var row = new Div();
        row.addClassName("agenda-item");
        if (current.filter(ref::equals).isPresent()) {
            row.addClassName("on-screen");
        }
        if (ref.kind() == PromptKind.QUESTION) {
            var covered = new Checkbox();
            covered.setValue(live.covered().containsKey(ref));
            covered.setEnabled(canAct);
            covered.setAriaLabel("Covered: " + text);
            covered.setTooltipText(live.covered().containsKey(ref)
                    ? "Covered at " + TIME.format(live.covered().get(ref)) : "Mark covered");
            covered.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    onCovered.accept(ref, e.getValue());
                }
            });
            row.add(covered);
        }
        var label = new Span(text);
        label.addClassName("agenda-text");
        row.add(label);
        live.pushed().stream().filter(p -> p.ref().equals(ref)).reduce((a, b) -> b).ifPresent(pushed -> {
            var when = Badge.of((current.filter(ref::equals).isPresent() ? "On screen · " : "Pushed ")
                    + TIME.format(pushed.at()), current.filter(ref::equals).isPresent() ? "success" : "contrast");
            row.add(when);
        });
        var push = new Button(VaadinIcon.PAPERPLANE.create(), e -> onPush.accept(ref));
        push.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        push.setAriaLabel("Push: " + text);
        push.setTooltipText("Push to the candidate");
        push.setEnabled(canAct);
        push.addClassName("push-button");
        row.add(push);
        return row;
    }

    static String clock(Instant at) {
        return TIME.format(at);
    }
}
