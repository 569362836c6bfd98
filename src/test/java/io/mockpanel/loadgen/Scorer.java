package io.mockpanel.loadgen;

import io.mockpanel.scoring.ScoreScale;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A panelist's scoring, now and then: brings the console's Score tab to the front (its pane is
 * built when it first opens), gives each discussion area of the scenario on screen a score and a
 * short reason, and clicks "Save draft". When the server's answer shows the sheet saved as a
 * draft, the scores are acknowledged ({@link LivePanel#acknowledgedScores}), to check later that
 * none is lost. Kept apart from {@link Panelist}, which writes the notes.
 */
final class Scorer {

    /** The sheet's state line once it is stored as a draft (the form is rebuilt from the stored sheet). */
    private static final String DRAFT_STORED = "Your sheet: draft";

    private final String name;
    private final LivePanel panel;
    private final LoadMetrics metrics;
    /** Drafts saved so far by this panelist, in every tab: each one's scores and reasons differ from the last. */
    private int drafts;

    Scorer(String name, LivePanel panel, LoadMetrics metrics) {
        this.name = name;
        this.panel = panel;
        this.metrics = metrics;
    }

    /** Saves a draft of the sheet on screen in {@code ui}, opening the Score tab first if this tab never did. */
    void saveDraft(VaadinUi ui) throws IOException, InterruptedException {
        if (ui.tree.byElementId("my-sheet").isEmpty()) {
            openScoreTab(ui);
        }
        if (ui.tree.byElementId("my-sheet").isEmpty() && ui.tree.byElementId("scoring-closed").isPresent()) {
            // the lead has not started the session yet (a console that opened late under load): later
            return;
        }
        int scenario = scenarioShown(ui);
        int draft = ++drafts;
        List<AcknowledgedScore> sheet = new ArrayList<>();
        // One request for the whole sheet and the click, as a browser sends what queued up while a
        // request was out: the server applies it to one form, never half to a form it has since
        // replaced (the scoring follows the lead to the next scenario).
        List<ObjectNode> invocations = new ArrayList<>();
        for (int area = 0; !ui.tree.options("score-area-" + area).isEmpty(); area++) {
            List<String> steps = ui.tree.options("score-area-" + area);
            int score = ScoreScale.MIN + (draft + area) % steps.size();
            String reason = AcknowledgedScore.reason(name, draft, area);
            String step = steps.get(score - ScoreScale.MIN);
            invocations.addAll(change(ui, "score-area-" + area, StateTree.VALUE, step));
            invocations.addAll(change(ui, "justification-" + area, StateTree.VALUE, reason));
            sheet.add(new AcknowledgedScore(name, panel.plan.sessionId(), scenario, area, draft, score, reason));
        }
        if (sheet.isEmpty()) {
            throw new IOException(name + "'s score sheet has no discussion areas");
        }
        if (scenarioShown(ui) != scenario) {
            // a push moved the scoring to the next scenario while the sheet was filled in: next time
            drafts--;
            return;
        }
        invocations.add(ui.clickOf("save-draft")
                .orElseThrow(() -> new IOException(name + "'s score sheet has no Save draft button")));
        JsonNode answer = ui.send(invocations.toArray(ObjectNode[]::new));
        List<String> texts = StateTree.textsSetBy(answer.path("changes"));
        // The stored sheet's form, and still the same scenario: the draft saved is this one.
        if (texts.stream().anyMatch(t -> t.startsWith(DRAFT_STORED)) && scenarioShown(ui) == scenario) {
            metrics.scoreSaves.incrementAndGet();
            sheet.forEach(score -> panel.acknowledgedScores.put(name + "/" + scenario + "/" + score.area(), score));
        } else {
            metrics.scoreSavesRefused.incrementAndGet();
            metrics.error(name + "'s draft of scenario " + scenario + " in session " + panel.plan.sessionId()
                    + " was not saved: " + texts);
        }
    }

    /** Selects the Score tab of the write region, as a click on it does (the tab bar's {@code selected}). */
    private void openScoreTab(VaadinUi ui) throws IOException, InterruptedException {
        Optional<Integer> index = ui.tree.childIndex("write-tabs", "wide-tab-score");
        if (index.isEmpty()) {
            throw new IOException(name + "'s console has no Score tab");
        }
        ui.send(change(ui, "write-tabs", "selected", index.get()).toArray(ObjectNode[]::new));
        if (ui.tree.byElementId("my-sheet").isEmpty() && ui.tree.byElementId("scoring-closed").isEmpty()) {
            throw new IOException(name + "'s Score tab shows no score sheet");
        }
    }

    private List<ObjectNode> change(VaadinUi ui, String elementId, String property, Object value)
            throws IOException {
        return ui.changeOf(elementId, property, value)
                .orElseThrow(() -> new IOException(name + "'s console cannot change " + elementId));
    }

    /** The agenda position of the scenario the scoring shows: the position of its picker's choice. */
    private int scenarioShown(VaadinUi ui) throws IOException {
        String chosen = ui.tree.value("scoring-scenario")
                .orElseThrow(() -> new IOException(name + "'s scoring shows no scenario"));
        int position = ui.tree.options("scoring-scenario").indexOf(chosen);
        if (position < 0) {
            throw new IOException(name + "'s scoring shows a scenario that is not among its choices");
        }
        return position;
    }
}
