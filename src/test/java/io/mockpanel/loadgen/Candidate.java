package io.mockpanel.loadgen;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * The candidate: opens the invite link, joins, and stays in the room, reporting each message's
 * texts to the panel, which matches them against the pushes. After a reload the browser still
 * holds its join cookie and comes straight back into the room.
 */
final class Candidate extends Person {

    Candidate(LivePanel panel, LoadRun.Control control, HttpClient http, URI base) {
        super(panel, control, http, base);
    }

    @Override
    void enter() throws IOException, InterruptedException {
        VaadinUi tab = newTab();
        tab.open(panel.plan.inviteRoute());
        if (tab.tree.byElementId("room-content").isEmpty()) {
            if (tab.click("join-session").isEmpty()) {
                throw new IOException("the invite page has neither the room nor a Join button");
            }
        }
        if (tab.tree.byElementId("room-content").isEmpty()) {
            throw new IOException("joining did not open the room");
        }
    }

    @Override
    void entered() {
        panel.candidateNode = browser.node;
    }

    @Override
    Duration act() {
        return Duration.ofSeconds(1);
    }

    @Override
    void onMessage(JsonNode message, long arrivedNanos) {
        JsonNode changes = message.path("changes");
        if (!changes.isMissingNode()) {
            panel.candidateSaw(StateTree.textsSetBy(changes), arrivedNanos);
        }
    }
}
