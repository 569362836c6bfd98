package io.mockpanel.panel.ui;

import com.vaadin.flow.component.html.Span;
import io.mockpanel.panel.TimerState;

/**
 * A scenario countdown. The server sends the remaining time whenever the timer changes; the
 * browser only counts down from it, so no browser clock ever decides the time.
 */
class Countdown extends Span {

    private static final String TICK = """
            const el = this;
            clearInterval(el._mpTimer);
            const deadline = Date.now() + $0;
            const format = ms => {
              const s = Math.round(ms / 1000), a = Math.abs(s);
              return (s < 0 ? '-' : '') + String(Math.floor(a / 60)).padStart(2, '0') + ':' + String(a % 60).padStart(2, '0');
            };
            const tick = () => {
              const left = deadline - Date.now();
              el.textContent = format(left);
              el.classList.toggle('overrun', left < 0);
            };
            tick();
            if ($1) { el._mpTimer = setInterval(tick, 1000); }
            """;

    Countdown() {
        addClassName("countdown");
        getElement().setAttribute("role", "timer");
    }

    void show(TimerState timer) {
        setText(TimerState.format(timer.remaining()));
        getElement().setAttribute("aria-label", (timer.running() ? "Time left: " : "Timer paused, time left: ")
                + TimerState.format(timer.remaining()));
        getElement().executeJs(TICK, timer.remaining().toMillis(), timer.running());
    }
}
