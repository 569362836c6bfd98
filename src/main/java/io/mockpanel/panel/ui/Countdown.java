package io.mockpanel.panel.ui;

import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.html.Span;
import io.mockpanel.panel.TimerState;

/**
 * A scenario countdown. The server sends the remaining time whenever the timer changes; the
 * browser only counts down from it, so no browser clock ever decides the time.
 */
@JavaScript("context://js/countdown.js")
class Countdown extends Span {

    Countdown() {
        addClassName("countdown");
        getElement().setAttribute("role", "timer");
    }

    void show(TimerState timer) {
        setText(TimerState.format(timer.remaining()));
        getElement().setAttribute("aria-label", (timer.running() ? "Time left: " : "Timer paused, time left: ")
                + TimerState.format(timer.remaining()));
        getElement().executeJs("window.mockpanelCountdown(this, $0, $1)", timer.remaining().toMillis(), timer.running());
    }
}
