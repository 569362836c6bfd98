package io.mockpanel.loadgen;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/** The lead: in the console, clicks "Push next" every {@code interval} until the agenda is done. */
final class Lead extends SignedInPerson {

    private final Duration interval;

    Lead(LivePanel panel, LoadRun.Control control, HttpClient http, URI base, Duration interval) {
        super(panel.plan.lead(), panel, control, http, base);
        this.interval = interval;
    }

    @Override
    void entered() {
        panel.leadNode = browser.node;
    }

    @Override
    Duration act() throws IOException, InterruptedException {
        if (!control.pushing() || panel.agendaDone()) {
            return Duration.ofSeconds(1);
        }
        int push = panel.send();
        if (ui.click("push-next").isEmpty()) {
            throw new IOException("the console has no Push next button");
        }
        panel.acknowledged(push);
        return about(interval);
    }
}
