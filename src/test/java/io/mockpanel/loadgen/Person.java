package io.mockpanel.loadgen;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;

/**
 * A simulated person: one browser with one tab on one page. {@link #run} enters the page, then
 * repeats {@link #act} until the run stops. When the tab breaks (an error, or its push connection
 * closed — the node died, say), the person does what a browser and a person do: reload, signing in
 * again if the sign-in page comes up, and carries on.
 */
abstract class Person implements Runnable {

    final LivePanel panel;
    final LoadMetrics metrics;
    final LoadRun.Control control;
    final Browser browser;
    VaadinUi ui;

    Person(LivePanel panel, LoadRun.Control control, HttpClient http, URI base) {
        this.panel = panel;
        this.metrics = control.metrics();
        this.control = control;
        this.browser = new Browser(http, base);
    }

    /** Opens this person's page in a new tab ({@link #ui}); throws when it does not come up. */
    abstract void enter() throws IOException, InterruptedException;

    /** One step of what the person does on the page; returns how long to wait before the next. */
    abstract Duration act() throws IOException, InterruptedException;

    /** What this person's tab hears from the server (the candidate watches for prompts). */
    void onMessage(JsonNode message, long arrivedNanos) {
    }

    /** After the page opened (also after a reload): the candidate and the lead say which node serves them. */
    void entered() {
    }

    /** A new tab for this person's page; it becomes {@link #ui} at once, so a failed entry is closed too. */
    VaadinUi newTab() {
        if (ui != null) {
            ui.close();
        }
        ui = new VaadinUi(browser, metrics, this::onMessage);
        return ui;
    }

    @Override
    public final void run() {
        try {
            control.started();
            enterOrRetry();
            entered();
            control.entered();
            while (control.running()) {
                Duration pause;
                try {
                    if (!ui.pushOpen()) {
                        throw new IOException("push connection closed");
                    }
                    ui.heartbeatIfDue();
                    ui.pollIfDue();
                    pause = act();
                } catch (IOException | RuntimeException e) {
                    metrics.error(getClass().getSimpleName() + " of session " + panel.plan.sessionId() + ": " + e);
                    reopen();
                    continue;
                }
                control.sleep(pause);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (ui != null) {
                ui.close();
            }
            control.left();
        }
    }

    private void enterOrRetry() throws InterruptedException {
        for (int attempt = 1; control.running(); attempt++) {
            try {
                enter();
                return;
            } catch (IOException | RuntimeException e) {
                metrics.error(getClass().getSimpleName() + " of session " + panel.plan.sessionId()
                        + " could not enter (attempt " + attempt + "): " + e);
                if (ui != null) {
                    ui.close();
                }
                control.sleep(Duration.ofMillis(500L * Math.min(attempt, 10)));
            }
        }
    }

    /** The tab broke: close it, wait a moment as Vaadin's client does, and load the page again. */
    private void reopen() throws InterruptedException {
        long broken = System.nanoTime();
        ui.close();
        metrics.reopened.incrementAndGet();
        control.sleep(Duration.ofMillis(500 + ThreadLocalRandom.current().nextInt(1000)));
        enterOrRetry();
        entered();
        metrics.reopened((System.nanoTime() - broken) / 1_000_000);
    }

    /** A pause of {@code base} ± 10 %, so that a thousand people do not act in step. */
    static Duration about(Duration base) {
        long millis = base.toMillis();
        return Duration.ofMillis(millis - millis / 10 + ThreadLocalRandom.current().nextLong(Math.max(1, millis / 5)));
    }
}
