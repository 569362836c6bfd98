package io.mockpanel.scoring;

import static io.mockpanel.panel.SessionRole.LEAD;
import static io.mockpanel.panel.SessionRole.OBSERVER;
import static io.mockpanel.panel.SessionRole.PANELIST;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Who may do what with a scenario's scoring, and what the blind rule shows them. */
class ScoringRightsTest {

    private static ScoringRights rights(io.mockpanel.panel.SessionRole role, boolean open, boolean revealed,
            boolean mineSubmitted, boolean allSubmitted) {
        return new ScoringRights(role, open, revealed, mineSubmitted, allSubmitted);
    }

    @Test
    void scorers_score_while_the_session_is_open_until_the_reveal_observers_never() {
        assertThat(rights(PANELIST, true, false, false, false).scores()).isTrue();
        assertThat(rights(LEAD, true, false, true, true).scores()).as("corrections").isTrue();
        assertThat(rights(PANELIST, false, false, false, false).scores()).as("scheduled or cancelled").isFalse();
        assertThat(rights(PANELIST, true, true, true, true).scores()).as("frozen by the reveal").isFalse();
        assertThat(rights(OBSERVER, true, false, false, false).scores()).isFalse();
    }

    @Test
    void a_submitted_sheet_never_goes_back_to_a_draft() {
        assertThat(rights(PANELIST, true, false, false, false).savesDrafts()).isTrue();
        assertThat(rights(PANELIST, true, false, true, false).savesDrafts()).isFalse();
        assertThat(rights(OBSERVER, true, false, false, false).savesDrafts()).isFalse();
    }

    @Test
    void only_the_lead_reveals_and_only_once_everyone_submitted() {
        assertThat(rights(LEAD, true, false, true, false).leadsReveal()).isTrue();
        assertThat(rights(LEAD, true, false, true, false).canReveal()).isFalse();
        assertThat(rights(LEAD, true, false, true, true).canReveal()).isTrue();
        assertThat(rights(LEAD, true, true, true, true).canReveal()).as("already revealed").isFalse();
        assertThat(rights(LEAD, false, false, true, true).canReveal()).as("session not open").isFalse();
        assertThat(rights(PANELIST, true, false, true, true).leadsReveal()).isFalse();
        assertThat(rights(OBSERVER, true, false, false, true).canReveal()).isFalse();
    }

    @Test
    void only_the_lead_records_the_consensus_after_the_reveal() {
        assertThat(rights(LEAD, true, true, true, true).recordsConsensus()).isTrue();
        assertThat(rights(LEAD, true, false, true, true).recordsConsensus()).isFalse();
        assertThat(rights(PANELIST, true, true, true, true).recordsConsensus()).isFalse();
        assertThat(rights(OBSERVER, true, true, false, true).recordsConsensus()).isFalse();
    }

    @Test
    void others_sheets_show_after_ones_own_submission_or_for_observers_after_the_reveal() {
        assertThat(rights(PANELIST, true, false, false, false).seesOthersSheets()).isFalse();
        assertThat(rights(PANELIST, true, false, true, false).seesOthersSheets()).isTrue();
        assertThat(rights(OBSERVER, true, false, false, true).seesOthersSheets()).isFalse();
        assertThat(rights(OBSERVER, true, true, false, true).seesOthersSheets()).isTrue();
    }

    @Test
    void the_blind_rule_tells_scorers_to_submit_first_and_observers_to_wait_for_the_reveal() {
        assertThat(rights(PANELIST, true, false, false, false).blindRule())
                .contains("only once you have submitted your own").contains("nobody ever sees a draft");
        assertThat(rights(OBSERVER, true, false, false, false).blindRule())
                .contains("hidden from you until the lead reveals them").doesNotContain("submitted your own");
    }
}
