package io.mockpanel.scoring.ui;

import static io.mockpanel.scoring.ScoringFixture.as;
import static io.mockpanel.scoring.ScoringFixture.sheet;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import io.mockpanel.scoring.ConsensusInput;
import io.mockpanel.support.TestPanel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each role sees the blind rule and only the controls it can use: nothing disabled, nothing of another role. */
class ScoringPanelRolesTest extends ScoringPanelTestSupport {

    private static final String SCORERS_RULE = "Scoring is blind: you see the others' scores only once you have "
            + "submitted your own, and nobody ever sees a draft; the lead then reveals every sheet to the whole panel.";
    private static final String OBSERVERS_RULE = "Scoring is blind: the sheets stay hidden from you until the lead "
            + "reveals them, once every panelist has submitted.";

    /** Every component in the panel's tree that is disabled (walked, not looked up by id). */
    private static List<Component> disabled(Component root) {
        return tree(root).filter(c -> c instanceof HasEnabled enabled && !enabled.isEnabled()).toList();
    }

    private static List<Component> controls(Component root) {
        return tree(root).filter(c -> c instanceof Button || c instanceof HasValue<?, ?>).toList();
    }

    private void submitBoth(TestPanel.Panel panel) {
        as(panel.lead(), "INTERVIEWER", () -> scoring.submit(panel.sessionId(), sheet(0, 0, 3, 1, 3, 3, 3)));
        as(panel.panelist(), "INTERVIEWER", () -> scoring.submit(panel.sessionId(), sheet(0, 0, 3, 4, 3, 3, 3)));
    }

    @Test
    void the_blind_rule_is_stated_first_in_one_sentence_as_it_applies_to_scorers_and_observers() {
        TestPanel.Panel panel = testPanel.live();
        ScoringPanel panelist = mount(panel.panelist(), "INTERVIEWER", panel.sessionId());
        List<Component> parts = panelist.getChildren().toList();
        assertThat(parts.get(1).getId()).hasValue("scoring-rule");
        assertThat(text(panelist, "scoring-rule")).isEqualTo(SCORERS_RULE);

        panelist.removeFromParent();
        ScoringPanel observer = mount(panel.coach(), "COACH", panel.sessionId());
        assertThat(text(observer, "scoring-rule")).isEqualTo(OBSERVERS_RULE);
        for (String rule : List.of(SCORERS_RULE, OBSERVERS_RULE)) {
            assertThat(rule).endsWith(".").doesNotContain(". ");
        }
    }

    @Test
    void an_observing_coach_meets_no_control_at_all_only_what_they_can_read_before_and_after_the_reveal() {
        TestPanel.Panel panel = testPanel.live();
        submitBoth(panel);
        ScoringPanel before = mount(panel.coach(), "COACH", panel.sessionId());

        assertThat(disabled(before)).isEmpty();
        assertThat(controls(before)).as("only the scenario picker").singleElement()
                .satisfies(c -> assertThat(c.getId()).hasValue("scoring-scenario"));
        assertThat(text(before, "scores-later")).startsWith("Scores are revealed after the panel submits");
        assertThat(text(before, "scoring-status")).startsWith("2 of 2 submitted");

        as(panel.lead(), "INTERVIEWER", () -> scoring.reveal(panel.sessionId(), 0));
        as(panel.lead(), "INTERVIEWER", () -> scoring.recordConsensus(panel.sessionId(),
                new ConsensusInput(0, 0, 2, "Agreed.", 0)));
        before.removeFromParent();
        ScoringPanel after = mount(panel.coach(), "COACH", panel.sessionId());

        assertThat(disabled(after)).isEmpty();
        assertThat(controls(after)).singleElement().satisfies(c -> assertThat(c.getId()).hasValue("scoring-scenario"));
        assertThat(shows(after, "score-spread")).isTrue();
        assertThat(text(after, "consensus-0")).startsWith("Consensus: 2 · No — Agreed.");
        assertThat(text(after, "revealed-sheets")).contains("Lee Lead").contains("Pat Panelist");
        assertThat(shows(after, "scores-later")).isFalse();
    }

    @Test
    void a_co_panelist_sees_no_reveal_and_no_consensus_controls_hidden_rather_than_disabled() {
        TestPanel.Panel panel = testPanel.live();
        submitBoth(panel);
        ScoringPanel before = mount(panel.panelist(), "INTERVIEWER", panel.sessionId());

        assertThat(shows(before, "reveal-scores")).isFalse();
        assertThat(shows(before, "reveal-later")).isFalse();
        assertThat(disabled(before)).isEmpty();
        assertThat(text(before, "other-sheets")).contains("Lee Lead");

        as(panel.lead(), "INTERVIEWER", () -> scoring.reveal(panel.sessionId(), 0));
        before.removeFromParent();
        ScoringPanel after = mount(panel.panelist(), "INTERVIEWER", panel.sessionId());

        assertThat(text(after, "consensus-0")).isEqualTo("Not recorded yet.");
        assertThat(tree(after).flatMap(c -> c.getId().stream()))
                .noneMatch(id -> id.startsWith("consensus-score-") || id.startsWith("consensus-note-")
                        || id.startsWith("record-consensus-") || id.equals("reveal-scores"));
        assertThat(disabled(after)).isEmpty();
        assertThat(controls(after)).singleElement().satisfies(c -> assertThat(c.getId()).hasValue("scoring-scenario"));
    }

    @Test
    void the_lead_sees_the_reveal_only_once_it_can_be_made_and_then_the_consensus_inputs() {
        TestPanel.Panel panel = testPanel.live();
        ScoringPanel lead = mount(panel.lead(), "INTERVIEWER", panel.sessionId());
        assertThat(disabled(lead)).isEmpty();
        assertThat(shows(lead, "reveal-scores")).isFalse();

        submitBoth(panel);
        lead.refresh();
        assertThat(button(lead, "reveal-scores").isEnabled()).isTrue();
        assertThat(shows(lead, "my-sheet")).as("a correction is still possible").isTrue();

        as(panel.lead(), "INTERVIEWER", () -> scoring.reveal(panel.sessionId(), 0));
        lead.refresh();
        assertThat(shows(lead, "record-consensus-0")).isTrue();
        assertThat(shows(lead, "my-sheet")).isFalse();
        assertThat(disabled(lead)).isEmpty();
    }
}
