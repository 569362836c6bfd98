package io.mockpanel.scoring.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.mockpanel.scoring.ScoringFixture.as;
import static io.mockpanel.scoring.ScoringFixture.sheet;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import io.mockpanel.scoring.AreaScore;
import io.mockpanel.scoring.ScoreScale;
import io.mockpanel.scoring.ScoringService;
import io.mockpanel.scoring.SheetState;
import io.mockpanel.support.TestPanel;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The scoring panel as the console embeds it, mounted in a mocked UI against the real services. */
class ScoringPanelTest extends ScoringPanelTestSupport {

    @Test
    void each_area_offers_the_four_points_compactly_with_their_meaning_on_demand_and_a_justification() {
        TestPanel.Panel panel = testPanel.live();
        ScoringPanel scoringPanel = mount(panel.panelist(), "INTERVIEWER", panel.sessionId());

        RadioButtonGroup<ScoreScale> first = radio(scoringPanel, "score-area-0");
        assertThat(first.getListDataView().getItems()).containsExactly(ScoreScale.values());
        assertThat(first.getItemLabelGenerator().apply(ScoreScale.STRONG_YES)).isEqualTo("4 · Strong yes");
        // The step shows its name only; its meaning is its hover hint.
        Component step = first.getItemRenderer().createComponent(ScoreScale.STRONG_YES);
        assertThat(step.getElement().getTextRecursively()).isEqualTo("4 · Strong yes");
        assertThat(step.getElement().getAttribute("title")).isEqualTo(ScoreScale.STRONG_YES.anchor());
        // No anchor is printed until someone asks what the levels mean, per area.
        for (ScoreScale point : ScoreScale.values()) {
            assertThat(scoringPanel.getElement().getTextRecursively()).doesNotContain(point.anchor());
        }
        Details levels = _get(scoringPanel, Details.class, spec -> spec.withId("levels-0"));
        assertThat(levels.isOpened()).isFalse();
        assertThat(levels.getSummaryText()).isEqualTo("What the levels mean");
        levels.setOpened(true);
        String meanings = levels.getElement().getTextRecursively();
        for (ScoreScale point : ScoreScale.values()) {
            assertThat(meanings).contains(point.display()).contains(point.anchor());
        }
        assertThat(text(scoringPanel, "levels-1")).doesNotContain(ScoreScale.YES.anchor());
        assertThat(shows(scoringPanel, "levels-recommendation")).isTrue();
        assertThat(first.getLabel()).isEqualTo(boardAs(panel.panelist(), panel.sessionId()).areaTitles().getFirst());
        assertThat(shows(scoringPanel, "score-area-3")).isTrue();
        assertThat(shows(scoringPanel, "score-area-4")).isFalse();
        assertThat(textArea(scoringPanel, "justification-0").getMaxLength()).isEqualTo(ScoringService.MAX_TEXT);
        assertThat(text(scoringPanel, "scoring-status"))
                .isEqualTo("0 of 2 submitted · Waiting for: Lee Lead, Pat Panelist");
        assertThat(text(scoringPanel, "my-sheet-state")).isEqualTo("Your sheet: not started.");
        assertThat(shows(scoringPanel, "reveal-scores")).as("only the lead reveals").isFalse();
    }

    @Test
    void a_panelist_saves_a_draft_and_later_submits_the_completed_sheet() {
        TestPanel.Panel panel = testPanel.live();
        ScoringPanel scoringPanel = mount(panel.panelist(), "INTERVIEWER", panel.sessionId());

        radio(scoringPanel, "score-area-0").setValue(ScoreScale.YES);
        textArea(scoringPanel, "justification-0").setValue("Clear migration plan (note 10:12).");
        _click(button(scoringPanel, "save-draft"));

        assertThat(text(scoringPanel, "my-sheet-state")).isEqualTo("Your sheet: draft — only you can see it.");
        var draft = boardAs(panel.panelist(), panel.sessionId()).mySheet();
        assertThat(draft.state()).isEqualTo(SheetState.DRAFT);
        assertThat(draft.areas()).containsExactly(AreaScore.of(0, 3, "Clear migration plan (note 10:12)."));
        assertThat(text(scoringPanel, "scoring-status")).startsWith("0 of 2 submitted");
        // The form shows the saved draft.
        assertThat(radio(scoringPanel, "score-area-0").getValue()).isEqualTo(ScoreScale.YES);

        fill(scoringPanel, 3, 2, 4, 3, 3);
        _click(button(scoringPanel, "submit-sheet"));

        assertThat(boardAs(panel.panelist(), panel.sessionId()).mySheet().areas())
                .extracting(AreaScore::score).containsExactly(3, 2, 4, 3);
        assertThat(text(scoringPanel, "my-sheet-state")).startsWith("Your sheet: submitted.");
        assertThat(text(scoringPanel, "scoring-status"))
                .isEqualTo("1 of 2 submitted · Submitted: Pat Panelist · Waiting for: Lee Lead");
        assertThat(button(scoringPanel, "submit-sheet").getText()).isEqualTo("Submit correction");
        assertThat(shows(scoringPanel, "save-draft")).as("a submitted sheet cannot go back to a draft").isFalse();
    }

    @Test
    void an_incomplete_submission_shows_what_is_missing_and_saves_nothing() {
        TestPanel.Panel panel = testPanel.live();
        ScoringPanel scoringPanel = mount(panel.panelist(), "INTERVIEWER", panel.sessionId());
        radio(scoringPanel, "score-area-0").setValue(ScoreScale.NO);
        textArea(scoringPanel, "justification-0").setValue("Vague.");

        _click(button(scoringPanel, "submit-sheet"));

        assertThat(text(scoringPanel, "scoring-message"))
                .startsWith("To submit, score every discussion area from 1 to 4; not scored yet: ");
        assertThat(_get(scoringPanel, Component.class, spec -> spec.withId("scoring-message")).isVisible()).isTrue();
        assertThat(boardAs(panel.panelist(), panel.sessionId()).mySheet()).isNull();
        // What was typed is still there to complete.
        assertThat(radio(scoringPanel, "score-area-0").getValue()).isEqualTo(ScoreScale.NO);
        assertThat(textArea(scoringPanel, "justification-0").getValue()).isEqualTo("Vague.");
    }

    @Test
    void the_others_sheets_appear_only_after_submitting_ones_own() {
        TestPanel.Panel panel = testPanel.live();
        as(panel.lead(), "INTERVIEWER", () -> scoring.submit(panel.sessionId(), sheet(0, 0, 4, 4, 4, 4, 4)));
        ScoringPanel scoringPanel = mount(panel.panelist(), "INTERVIEWER", panel.sessionId());

        assertThat(shows(scoringPanel, "blind-hint")).isTrue();
        assertThat(shows(scoringPanel, "other-sheets")).isFalse();
        assertThat(scoringPanel.getElement().getTextRecursively()).doesNotContain("Evidence for area")
                .contains("Submitted: Lee Lead");

        fill(scoringPanel, 2, 2, 2, 2, 2);
        _click(button(scoringPanel, "submit-sheet"));

        assertThat(shows(scoringPanel, "blind-hint")).isFalse();
        assertThat(text(scoringPanel, "other-sheets")).contains("Lee Lead")
                .contains("Evidence for area 0: scored 4, see note 12:30.").contains("4 · Strong yes");
        assertThat(shows(scoringPanel, "score-spread")).as("no spread before the reveal").isFalse();
    }

    @Test
    void the_lead_reveals_once_everyone_submitted_and_sees_the_spread_with_disagreements_highlighted() {
        TestPanel.Panel panel = testPanel.live();
        as(panel.panelist(), "INTERVIEWER", () -> scoring.submit(panel.sessionId(), sheet(0, 0, 2, 1, 3, 2, 2)));
        ScoringPanel scoringPanel = mount(panel.lead(), "INTERVIEWER", panel.sessionId());
        assertThat(shows(scoringPanel, "reveal-scores")).as("offered once it can be made, never disabled").isFalse();
        assertThat(text(scoringPanel, "reveal-later")).isEqualTo("You reveal the scores once every panelist has submitted.");

        fill(scoringPanel, 3, 4, 4, 2, 3);
        _click(button(scoringPanel, "submit-sheet"));
        assertThat(button(scoringPanel, "reveal-scores").isEnabled()).isTrue();
        assertThat(shows(scoringPanel, "reveal-later")).isFalse();
        _click(button(scoringPanel, "reveal-scores"));
        // Irreversible: it asks first.
        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("confirm-reveal"));
        assertThat(ConfirmDialogKt._getText(confirm)).contains("visible to the whole panel")
                .contains("no sheet can change afterwards");
        assertThat(boardAs(panel.lead(), panel.sessionId()).revealed()).as("nothing before the confirmation").isFalse();
        ConfirmDialogKt._fireConfirm(confirm);

        assertThat(boardAs(panel.lead(), panel.sessionId()).revealed()).isTrue();
        assertThat(text(scoringPanel, "scoring-revealed")).isEqualTo("Revealed by Lee Lead");
        assertThat(shows(scoringPanel, "my-sheet")).as("no sheet edits after the reveal").isFalse();
        assertThat(shows(scoringPanel, "reveal-scores")).isFalse();
        Component area0 = _get(scoringPanel, Component.class, spec -> spec.withId("spread-area-0"));
        Component area1 = _get(scoringPanel, Component.class, spec -> spec.withId("spread-area-1"));
        Component area3 = _get(scoringPanel, Component.class, spec -> spec.withId("spread-area-3"));
        assertThat(area0.getElement().getClassList()).contains("disagreement");
        assertThat(area0.getElement().getTextRecursively()).contains("From 1 to 3")
                .contains("Disagreement: 2 points apart")
                .contains("Lee Lead: 3 · Yes").contains("Pat Panelist: 1 · Strong no");
        assertThat(area1.getElement().getClassList()).doesNotContain("disagreement");
        assertThat(area1.getElement().getTextRecursively()).doesNotContain("Disagreement");
        assertThat(area3.getElement().getTextRecursively()).contains("All 2");
        assertThat(text(scoringPanel, "revealed-sheets")).contains("UI justification 0")
                .contains("Evidence for area 0: scored 1");
    }

    @Test
    void the_lead_records_a_consensus_that_the_observer_then_sees_with_all_sheets() {
        TestPanel.Panel panel = testPanel.live();
        as(panel.lead(), "INTERVIEWER", () -> scoring.submit(panel.sessionId(), sheet(0, 0, 3, 1, 3, 3, 3)));
        as(panel.panelist(), "INTERVIEWER", () -> scoring.submit(panel.sessionId(), sheet(0, 0, 3, 4, 3, 3, 3)));
        as(panel.lead(), "INTERVIEWER", () -> scoring.reveal(panel.sessionId(), 0));
        ScoringPanel lead = mount(panel.lead(), "INTERVIEWER", panel.sessionId());
        assertThat(text(lead, "consensus-0")).isEqualTo("Not recorded yet.");

        @SuppressWarnings("unchecked")
        Select<ScoreScale> score = _get(lead, Select.class, spec -> spec.withId("consensus-score-0"));
        score.setValue(ScoreScale.NO);
        textArea(lead, "consensus-note-0").setValue("Agreed: the plan lacked a rollback.");
        _click(button(lead, "record-consensus-0"));

        String recorded = "Consensus: 2 · No — Agreed: the plan lacked a rollback. (recorded by Lee Lead)";
        assertThat(text(lead, "consensus-0")).isEqualTo(recorded);
        assertThat(boardAs(panel.lead(), panel.sessionId()).consensus(0).orElseThrow().score()).isEqualTo(2);
        assertThat(button(lead, "record-consensus-0").getText()).isEqualTo("Change consensus");

        UI.getCurrent().removeAll();
        ScoringPanel observer = mount(panel.coach(), "COACH", panel.sessionId());
        assertThat(text(observer, "consensus-0")).isEqualTo(recorded);
        assertThat(shows(observer, "record-consensus-0")).isFalse();
        assertThat(shows(observer, "my-sheet")).isFalse();
        assertThat(text(observer, "revealed-sheets")).contains("Lee Lead").contains("Pat Panelist");
        assertThat(_get(observer, Component.class, spec -> spec.withId("spread-area-0")).getElement().getClassList())
                .contains("disagreement");
    }

    @Test
    void an_observer_sees_who_submitted_but_no_sheet_before_the_reveal() {
        TestPanel.Panel panel = testPanel.live();
        as(panel.lead(), "INTERVIEWER", () -> scoring.submit(panel.sessionId(), sheet(0, 0, 4, 4, 4, 4, 4)));
        as(panel.panelist(), "INTERVIEWER", () -> scoring.submit(panel.sessionId(), sheet(0, 0, 1, 1, 1, 1, 1)));

        ScoringPanel observer = mount(panel.coach(), "COACH", panel.sessionId());

        assertThat(text(observer, "scoring-status")).startsWith("2 of 2 submitted");
        assertThat(shows(observer, "my-sheet")).isFalse();
        assertThat(shows(observer, "reveal-scores")).isFalse();
        assertThat(observer.getElement().getTextRecursively()).doesNotContain("Evidence for area");
        assertThat(text(observer, "scores-later"))
                .isEqualTo("Scores are revealed after the panel submits: they appear here when the lead reveals them.");
    }

    @Test
    void a_second_tab_saving_an_outdated_sheet_gets_a_visible_conflict_and_overwrites_nothing() {
        TestPanel.Panel panel = testPanel.live();
        ScoringPanel firstTab = mount(panel.panelist(), "INTERVIEWER", panel.sessionId());
        ScoringPanel secondTab = add(new ScoringPanel(feed(panel.sessionId()), scoring, sessions));

        // Both tabs are being edited; the first saves, then the second.
        radio(secondTab, "score-area-0").setValue(ScoreScale.STRONG_NO);
        textArea(secondTab, "justification-0").setValue("Typed in the second tab.");
        radio(firstTab, "score-area-0").setValue(ScoreScale.YES);
        _click(button(firstTab, "save-draft"));
        _click(button(secondTab, "save-draft"));

        assertThat(text(secondTab, "scoring-message"))
                .startsWith("Your sheet was saved elsewhere (in another tab or window?)");
        assertThat(boardAs(panel.panelist(), panel.sessionId()).mySheet().areas())
                .containsExactly(new AreaScore(0, 3, ""));
        // The second tab keeps what was typed until its user chooses to load the saved version.
        assertThat(textArea(secondTab, "justification-0").getValue()).isEqualTo("Typed in the second tab.");
        _click(button(secondTab, "reload-sheet"));
        assertThat(radio(secondTab, "score-area-0").getValue()).isEqualTo(ScoreScale.YES);
        assertThat(textArea(secondTab, "justification-0").getValue()).isEmpty();
        assertThat(shows(secondTab, "reload-sheet")).isFalse();
    }

    @Test
    void a_sheet_saved_in_another_tab_never_replaces_the_form_on_screen_it_says_so() {
        TestPanel.Panel panel = testPanel.live();
        ScoringPanel firstTab = mount(panel.panelist(), "INTERVIEWER", panel.sessionId());
        ScoringPanel secondTab = add(new ScoringPanel(feed(panel.sessionId()), scoring, sessions));
        TextArea onScreen = textArea(secondTab, "justification-0");

        radio(firstTab, "score-area-0").setValue(ScoreScale.YES);
        _click(button(firstTab, "save-draft"));
        // What the second tab's browser may hold and the server has not heard of yet must not be
        // wiped by a redraw: the form stays and tells its user.
        secondTab.refresh();

        assertThat(textArea(secondTab, "justification-0")).as("the same form").isSameAs(onScreen);
        assertThat(text(secondTab, "scoring-message")).startsWith("Your sheet was saved in another tab or window");
        _click(button(secondTab, "reload-sheet"));
        assertThat(radio(secondTab, "score-area-0").getValue()).isEqualTo(ScoreScale.YES);
    }

    @Test
    void a_consensus_recorded_in_another_tab_keeps_this_tabs_input_and_lets_it_replace_it_deliberately() {
        TestPanel.Panel panel = testPanel.live();
        as(panel.lead(), "INTERVIEWER", () -> scoring.submit(panel.sessionId(), sheet(0, 0, 3, 1, 3, 3, 3)));
        as(panel.panelist(), "INTERVIEWER", () -> scoring.submit(panel.sessionId(), sheet(0, 0, 3, 4, 3, 3, 3)));
        as(panel.lead(), "INTERVIEWER", () -> scoring.reveal(panel.sessionId(), 0));
        ScoringPanel firstTab = mount(panel.lead(), "INTERVIEWER", panel.sessionId());
        ScoringPanel secondTab = add(new ScoringPanel(feed(panel.sessionId()), scoring, sessions));

        consensusScore(secondTab).setValue(ScoreScale.STRONG_YES);
        textArea(secondTab, "consensus-note-0").setValue("Second tab: strong on the plan.");
        consensusScore(firstTab).setValue(ScoreScale.NO);
        _click(button(firstTab, "record-consensus-0"));
        secondTab.refresh();

        assertThat(text(secondTab, "consensus-0")).startsWith("Consensus: 2 · No");
        assertThat(text(secondTab, "consensus-message-0")).contains("recorded in another tab or window");
        assertThat(textArea(secondTab, "consensus-note-0").getValue()).isEqualTo("Second tab: strong on the plan.");
        assertThat(consensusScore(secondTab).getValue()).isEqualTo(ScoreScale.STRONG_YES);

        _click(button(secondTab, "record-consensus-0"));

        assertThat(boardAs(panel.lead(), panel.sessionId()).consensus(0).orElseThrow().score()).isEqualTo(4);
        assertThat(text(secondTab, "consensus-0")).startsWith("Consensus: 4 · Strong yes — Second tab");
    }

    @SuppressWarnings("unchecked")
    private static Select<ScoreScale> consensusScore(Component in) {
        return _get(in, Select.class, spec -> spec.withId("consensus-score-0"));
    }

    @Test
    void a_submission_by_someone_else_shows_up_live_and_a_detached_panel_stops_listening() throws Exception {
        TestPanel.Panel panel = testPanel.live();
        ScoringPanel scoringPanel = mount(panel.panelist(), "INTERVIEWER", panel.sessionId());
        radio(scoringPanel, "score-area-0").setValue(ScoreScale.YES);
        textArea(scoringPanel, "justification-0").setValue("Half-typed.");

        as(panel.lead(), "INTERVIEWER", () -> scoring.submit(panel.sessionId(), sheet(0, 0, 3, 3, 3, 3, 3)));
        await(() -> text(scoringPanel, "scoring-status").startsWith("1 of 2 submitted"));

        assertThat(text(scoringPanel, "scoring-status")).contains("Submitted: Lee Lead");
        assertThat(textArea(scoringPanel, "justification-0").getValue()).as("unsaved input survives the redraw")
                .isEqualTo("Half-typed.");
        assertThat(radio(scoringPanel, "score-area-0").getValue()).isEqualTo(ScoreScale.YES);

        UI.getCurrent().remove(scoringPanel);
        var hints = new LinkedBlockingQueue<Long>();
        var probe = bus.subscribe(panel.sessionId(), hints::add);
        try {
            as(panel.lead(), "INTERVIEWER", () -> scoring.submit(panel.sessionId(),
                    sheet(0, boardAs(panel.lead(), panel.sessionId()).mySheet().version(), 1, 1, 1, 1, 1)));
            // The probe subscribed last, so by the time it hears the hint every subscriber has.
            assertThat(hints.poll(20, TimeUnit.SECONDS)).isNotNull();
            MockVaadin.runUIQueue();
        } finally {
            probe.remove();
        }
        // Had the panel still listened, it would have redrawn (the lead's submission changed its board).
        login(panel.panelist(), "INTERVIEWER");
        assertThat(_find(scoringPanel, Component.class, spec -> spec.withId("blind-hint"))).hasSize(1);
        assertThat(scoringPanel.getElement().getTextRecursively()).contains("1 of 2 submitted");
    }
}
