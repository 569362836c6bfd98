package io.mockpanel.panel.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.mockpanel.panel.LiveSession;
import io.mockpanel.panel.PacingCue;
import io.mockpanel.panel.TimerState;
import io.mockpanel.scenario.ScenarioContent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;

/**
 * The shared timer of the scenario on screen, with the pacing cue. Panelists start, pause and
 * extend it; observers only watch (no buttons at all). Built once and updated in place, so a
 * click never lands on a button that is being replaced.
 */
final class TimerCard extends Div {

    private final List<ScenarioContent> agenda;
    private final Span title = new Span();
    private final Paragraph hint = new Paragraph("Starts with the first scenario you push.");
    private final Div running = new Div();
    final Countdown countdown = new Countdown();
    final Button toggle = new Button("Start", VaadinIcon.PLAY.create());
    final Button extend = new Button("+5 min");
    private final Paragraph pacing = new Paragraph();
    private boolean isRunning;

    /** Without {@code canControl} (observers) the card has no buttons at all. */
    /**
     * {@code onToggle} gets the scenario on screen and whether its timer ran when the user clicked
     * (so two people clicking "Pause" at once both mean pause); {@code onExtend} the scenario.
     */
    TimerCard(List<ScenarioContent> agenda, boolean canControl, BiConsumer<Integer, Boolean> onToggle,
            IntConsumer onExtend) {
        this.agenda = agenda;
        addClassName("area-card");
        addClassName("timer-card");
        setId("timer-box");
        title.addClassName("timer-title");
        pacing.addClassName("pacing-cue");
        pacing.setId("pacing-cue");
        pacing.getElement().setAttribute("role", "status");
        var top = new Div(title, countdown);
        top.addClassName("timer-top");
        running.add(top);
        if (canControl) {
            toggle.setId("timer-toggle");
            toggle.setTooltipText("Alt+P");
            toggle.addClickShortcut(Key.KEY_P, KeyModifier.ALT);
            extend.setId("timer-extend");
            var controls = new Div(toggle, extend);
            controls.addClassName("timer-controls");
            running.add(controls);
        }
        running.add(pacing);
        add(new H3("Timer"), hint, running);
        toggle.addClickListener(e -> current().ifPresent(index -> onToggle.accept(index, isRunning)));
        extend.addClickListener(e -> current().ifPresent(onExtend::accept));
    }

    private Optional<Integer> currentScenario = Optional.empty();

    private Optional<Integer> current() {
        return currentScenario;
    }

    /** Shows the timer of the scenario on screen as of {@code now}; {@code canAct} while the session is live. */
    void show(LiveSession live, boolean canAct, Instant now) {
        currentScenario = live.currentScenario();
        hint.setVisible(currentScenario.isEmpty());
        running.setVisible(currentScenario.isPresent());
        if (currentScenario.isEmpty()) {
            return;
        }
        int index = currentScenario.get();
        ScenarioContent scenario = agenda.get(index);
        TimerState timer = live.timer(index, now);
        isRunning = timer.running();
        countdown.show(timer);
        title.setText(scenario.title());
        toggle.setText(timer.running() ? "Pause" : "Start");
        toggle.setIcon(timer.running() ? VaadinIcon.PAUSE.create() : VaadinIcon.PLAY.create());
        toggle.setEnabled(canAct);
        extend.setEnabled(canAct);
        showPacing(live, now);
    }

    /** The cue changes with time alone: the console's slow poll calls this without reading anything. */
    void showPacing(LiveSession live, Instant now) {
        Optional<String> cue = currentScenario.flatMap(index -> PacingCue.of(live, index, agenda.get(index),
                live.timer(index, now), now));
        pacing.setVisible(cue.isPresent());
        pacing.setText(cue.orElse(""));
    }
}
