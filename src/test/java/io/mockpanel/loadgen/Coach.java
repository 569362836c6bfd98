package io.mockpanel.loadgen;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/** A coach observing the panel: the console open, following everything, doing nothing. */
final class Coach extends SignedInPerson {

    Coach(LivePanel panel, LoadRun.Control control, HttpClient http, URI base) {
        super(panel.plan.coach(), panel, control, http, base);
    }

    @Override
    Duration act() {
        return Duration.ofSeconds(1);
    }
}
