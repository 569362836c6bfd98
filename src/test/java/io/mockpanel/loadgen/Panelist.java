package io.mockpanel.loadgen;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A co-panelist writing notes: types for a while, and the composer's script saves the text about
 * once a second while typing ({@code autosave(text, false)}), commits when the writer pauses
 * ({@code autosave(text, true)}), then "New note" after a pause. Each save the server acknowledges
 * ("noteId:version") is remembered, to check later that none is lost. After each committed note
 * the panelist also saves a draft of their score sheet ({@link Scorer}).
 */
final class Panelist extends SignedInPerson {

    static final int SAVES_PER_NOTE = 8;
    private static final String[] WORDS = {"structured", "answer,", "clear", "ownership;", "weak", "on", "metrics,",
        "named", "the", "trade-off", "between", "speed", "and", "risk."};

    private final String name;
    private final Scorer scorer;
    private int note;
    private int saves;
    private final StringBuilder text = new StringBuilder();

    Panelist(String username, LivePanel panel, LoadRun.Control control, HttpClient http, URI base) {
        super(username, panel, control, http, base);
        this.name = username;
        this.scorer = new Scorer(username, panel, metrics);
    }

    @Override
    void enter() throws IOException, InterruptedException {
        super.enter();
        if (ui.tree.withCallable("autosave").isEmpty()) {
            throw new IOException(name + "'s console has no note composer");
        }
        // A reloaded tab starts with an empty composer: the next words begin a new note.
        text.setLength(0);
        saves = 0;
    }

    @Override
    Duration act() throws IOException, InterruptedException {
        if (saves == SAVES_PER_NOTE) {
            // the pause after a committed note is over: a new one
            ui.click("new-note");
            text.setLength(0);
            saves = 0;
            note++;
        }
        if (text.isEmpty()) {
            text.append(name).append(" note ").append(note).append(':');
        }
        text.append(' ').append(WORDS[(note + saves) % WORDS.length]);
        boolean commit = ++saves == SAVES_PER_NOTE;
        Optional<VaadinUi.Call> call = ui.call("autosave", text.toString(), commit);
        Optional<JsonNode> reply = call.flatMap(VaadinUi.Call::result);
        String stored = reply.map(JsonNode::asString).orElse("");
        if (stored.contains(":")) {
            metrics.noteSaves.incrementAndGet();
            panel.acknowledgedNotes.put(name + "/" + stored.substring(0, stored.indexOf(':')), text.toString());
        } else {
            metrics.noteSavesRefused.incrementAndGet();
        }
        if (commit) {
            scorer.saveDraft(ui);
        }
        return commit ? about(Duration.ofSeconds(12)) : about(Duration.ofSeconds(1));
    }
}
