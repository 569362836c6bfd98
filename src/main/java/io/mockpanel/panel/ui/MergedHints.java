package io.mockpanel.panel.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import io.mockpanel.base.ui.UiLogContext;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;

/**
 * Turns wake-up hints into UI tasks, at most one waiting at a time: a burst of events while the
 * UI is busy becomes one catch-up, which reads everything new by sequence anyway.
 */
final class MergedHints {

    private MergedHints() {
    }

    /** A hint subscriber that runs {@code task} in {@code ui.access}, never queued twice. */
    static LongConsumer running(UI ui, Runnable task) {
        AtomicBoolean queued = new AtomicBoolean();
        return seq -> {
            if (queued.compareAndSet(false, true)) {
                try {
                    UiLogContext.access(ui, () -> {
                        queued.set(false);
                        task.run();
                    });
                } catch (UIDetachedException e) {
                    queued.set(false);
                } catch (RuntimeException e) {
                    // never leave the flag set when the task was not queued: every later hint
                    // would be dropped and the screen would stop following its session
                    queued.set(false);
                    throw e;
                }
            }
        };
    }
}
