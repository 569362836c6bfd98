package io.mockpanel.scoring;

import static io.mockpanel.scoring.ScoringFixture.as;
import static io.mockpanel.scoring.ScoringFixture.sheet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The lead reveals a scenario when everyone submitted; then the spread, disagreements and consensus. */
@IntegrationTest
class RevealAndConsensusTest {

    @Autowired
    ScoringService scoring;

    @Autowired
    TestPanel testPanel;

    @Autowired
    ScoringFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PanelSessionService sessions;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private TestPanel.Panel bothSubmitted() {
        TestPanel.Panel panel = testPanel.live();
        // Area 0: 1 and 3 (2 apart), area 1: 3 and 4 (1 apart), area 2: 4 and 1 (3 apart), area 3: 2 and 2.
        as(panel.lead(), "INTERVIEWER", () -> scoring.submit(panel.sessionId(), sheet(0, 0, 3, 1, 3, 4, 2)));
        as(panel.panelist(), "INTERVIEWER", () -> scoring.submit(panel.sessionId(), sheet(0, 0, 2, 3, 4, 1, 2)));
        return panel;
    }

    private int reveals(long sessionId) {
        return jdbc.sql("select count(*) from score_reveal where session_id = ?").param(sessionId)
                .query(Integer.class).single();
    }

    @Test
    void the_lead_can_reveal_only_when_every_scoring_member_submitted_and_the_message_names_who_is_missing() {
        ScoringFixture.ThreeScorers panel = fixture.threeScorers();
        as(panel.lead(), "INTERVIEWER", () -> scoring.submit(panel.sessionId(), sheet(0, 0, 3, 3, 3, 3, 3)));
        as(panel.panelist(), "INTERVIEWER", () -> scoring.submit(panel.sessionId(), sheet(0, 0, 3, 3, 3, 3, 3)));
        // A draft is not a submission.
        as(panel.panelist2(), "INTERVIEWER", () -> scoring.saveDraft(panel.sessionId(), sheet(0, 0, 3, 3, 3, 3, 3)));

        ScoringBoard lead = as(panel.lead(), "INTERVIEWER", () -> scoring.board(panel.sessionId(), 0));
        assertThat(lead.canReveal()).isFalse();
        assertThatThrownBy(() -> as(panel.lead(), "INTERVIEWER", () -> scoring.reveal(panel.sessionId(), 0)))
                .isInstanceOf(ScoringException.class)
                .hasMessage("The scores can be revealed once every panelist has submitted; still waiting for "
                        + "Cy Panelist.");
        assertThat(reveals(panel.sessionId())).isZero();

        as(panel.panelist2(), "INTERVIEWER", () -> scoring.submit(panel.sessionId(), sheet(0, 1, 3, 3, 3, 3, 3)));
        assertThat(as(panel.lead(), "INTERVIEWER", () -> scoring.board(panel.sessionId(), 0)).canReveal()).isTrue();
        as(panel.lead(), "INTERVIEWER", () -> scoring.reveal(panel.sessionId(), 0));
        assertThat(reveals(panel.sessionId())).isEqualTo(1);
    }

    @Test
    void only_the_lead_reveals() {
        TestPanel.Panel panel = bothSubmitted();

        assertThat(as(panel.panelist(), "INTERVIEWER", () -> scoring.board(panel.sessionId(), 0)).canReveal())
                .isFalse();
        assertThatThrownBy(() -> as(panel.panelist(), "INTERVIEWER", () -> scoring.reveal(panel.sessionId(), 0)))
                .isInstanceOf(ScoringException.class)
                .hasMessage("Only the lead interviewer can reveal the scores.");
        assertThat(reveals(panel.sessionId())).isZero();
    }

    @Test
    void revealing_twice_is_refused() {
        TestPanel.Panel panel = bothSubmitted();
        as(panel.lead(), "INTERVIEWER", () -> scoring.reveal(panel.sessionId(), 0));

        assertThatThrownBy(() -> as(panel.lead(), "INTERVIEWER", () -> scoring.reveal(panel.sessionId(), 0)))
                .isInstanceOf(ScoringException.class).hasMessageContaining("already been revealed");
    }

    @Test
    void after_the_reveal_everyone_on_the_panel_including_the_observer_sees_all_sheets_and_the_spread() {
        TestPanel.Panel panel = bothSubmitted();
        as(panel.lead(), "INTERVIEWER", () -> scoring.reveal(panel.sessionId(), 0));

        ScoringBoard observer = as(panel.coach(), "COACH", () -> scoring.board(panel.sessionId(), 0));
        ScoringBoard panelist = as(panel.panelist(), "INTERVIEWER", () -> scoring.board(panel.sessionId(), 0));

        assertThat(observer.revealed()).isTrue();
        assertThat(observer.reveal().by()).isEqualTo(panel.lead());
        assertThat(observer.otherSheets()).extracting(ScoreSheet::author)
                .containsExactly(panel.lead(), panel.panelist());
        assertThat(observer.spread()).extracting(Spread::title).hasSize(4);
        assertThat(observer.spread().getFirst().scores()).extracting(Spread.Score::displayName, Spread.Score::score)
                .containsExactly(tuple("Lee Lead", 1), tuple("Pat Panelist", 3));
        assertThat(observer.recommendationSpread().scores()).extracting(Spread.Score::score).containsExactly(3, 2);
        assertThat(panelist.spread()).isEqualTo(observer.spread());
        assertThat(panelist.mySheet().submitted()).isTrue();
        assertThat(panelist.otherSheets()).extracting(ScoreSheet::author).containsExactly(panel.lead());
        assertThat(panelist.canScore()).isFalse();
    }

    @Test
    void scores_two_or_more_points_apart_are_flagged_as_a_disagreement_and_one_point_apart_are_not() {
        TestPanel.Panel panel = bothSubmitted();
        as(panel.lead(), "INTERVIEWER", () -> scoring.reveal(panel.sessionId(), 0));

        ScoringBoard board = as(panel.lead(), "INTERVIEWER", () -> scoring.board(panel.sessionId(), 0));

        assertThat(board.spread()).extracting(Spread::min, Spread::max, Spread::disagreement).containsExactly(
                tuple(1, 3, true), tuple(3, 4, false), tuple(1, 4, true), tuple(2, 2, false));
        assertThat(board.recommendationSpread().disagreement()).isFalse();
    }

    @Test
    void the_lead_records_a_consensus_per_area_that_everyone_sees_and_can_correct_it() {
        TestPanel.Panel panel = bothSubmitted();
        as(panel.lead(), "INTERVIEWER", () -> scoring.reveal(panel.sessionId(), 0));

        ConsensusScore first = as(panel.lead(), "INTERVIEWER", () -> scoring.recordConsensus(panel.sessionId(),
                new ConsensusInput(0, 0, 2, "  Agreed after discussing the rollout plan.  ", 0)));
        as(panel.lead(), "INTERVIEWER", () -> scoring.recordConsensus(panel.sessionId(),
                new ConsensusInput(0, 2, 3, "", 0)));
        ConsensusScore corrected = as(panel.lead(), "INTERVIEWER", () -> scoring.recordConsensus(panel.sessionId(),
                new ConsensusInput(0, 0, 3, "On reflection, a yes.", first.version())));

        ScoringBoard observer = as(panel.coach(), "COACH", () -> scoring.board(panel.sessionId(), 0));
        assertThat(first.note()).isEqualTo("Agreed after discussing the rollout plan.");
        assertThat(corrected.version()).isEqualTo(first.version() + 1);
        assertThat(observer.consensus()).extracting(ConsensusScore::area, ConsensusScore::score, ConsensusScore::note,
                        ConsensusScore::recordedByName)
                .containsExactly(tuple(0, 3, "On reflection, a yes.", "Lee Lead"), tuple(2, 3, "", "Lee Lead"));
        assertThat(observer.consensus(1)).isEmpty();
    }

    @Test
    void consensus_is_refused_before_the_reveal_from_a_panelist_and_for_a_score_outside_the_scale() {
        TestPanel.Panel panel = bothSubmitted();

        assertThatThrownBy(() -> as(panel.lead(), "INTERVIEWER", () -> scoring.recordConsensus(panel.sessionId(),
                new ConsensusInput(0, 0, 3, "", 0))))
                .isInstanceOf(ScoringException.class)
                .hasMessage("Reveal the scores first: the consensus is recorded after the reveal.");

        as(panel.lead(), "INTERVIEWER", () -> scoring.reveal(panel.sessionId(), 0));
        assertThatThrownBy(() -> as(panel.panelist(), "INTERVIEWER", () -> scoring.recordConsensus(panel.sessionId(),
                new ConsensusInput(0, 0, 3, "", 0))))
                .isInstanceOf(ScoringException.class)
                .hasMessage("Only the lead interviewer can record the panel's consensus.");
        assertThatThrownBy(() -> as(panel.lead(), "INTERVIEWER", () -> scoring.recordConsensus(panel.sessionId(),
                new ConsensusInput(0, 0, 5, "", 0))))
                .isInstanceOf(ScoringException.class)
                .hasMessageStartingWith("A consensus score is 1 to 4 (1 strong no, 2 no, 3 yes, 4 strong yes)");
        assertThatThrownBy(() -> as(panel.lead(), "INTERVIEWER", () -> scoring.recordConsensus(panel.sessionId(),
                new ConsensusInput(0, 9, 3, "", 0))))
                .isInstanceOf(ScoringException.class).hasMessageContaining("there is no area 9");
        assertThat(jdbc.sql("select count(*) from consensus_score where session_id = ?").param(panel.sessionId())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void a_submitted_sheet_can_be_corrected_until_the_reveal_and_never_after() {
        TestPanel.Panel panel = testPanel.live();
        ScoreSheet submitted = as(panel.panelist(), "INTERVIEWER",
                () -> scoring.submit(panel.sessionId(), sheet(0, 0, 2, 2, 2, 2, 2)));
        ScoreSheet corrected = as(panel.panelist(), "INTERVIEWER",
                () -> scoring.submit(panel.sessionId(), sheet(0, submitted.version(), 3, 3, 2, 2, 2)));
        assertThat(corrected.areas()).extracting(AreaScore::score).containsExactly(3, 2, 2, 2);
        assertThat(corrected.state()).isEqualTo(SheetState.SUBMITTED);

        as(panel.lead(), "INTERVIEWER", () -> scoring.submit(panel.sessionId(), sheet(0, 0, 3, 3, 3, 3, 3)));
        as(panel.lead(), "INTERVIEWER", () -> scoring.reveal(panel.sessionId(), 0));

        assertThatThrownBy(() -> as(panel.panelist(), "INTERVIEWER",
                () -> scoring.submit(panel.sessionId(), sheet(0, corrected.version(), 4, 4, 4, 4, 4))))
                .isInstanceOf(ScoringException.class).hasMessageContaining("revealed; sheets can no longer change");
        assertThatThrownBy(() -> as(panel.panelist(), "INTERVIEWER",
                () -> scoring.saveDraft(panel.sessionId(), sheet(0, corrected.version(), 4, 4, 4, 4, 4))))
                .isInstanceOf(ScoringException.class).hasMessageContaining("revealed; sheets can no longer change");
        ScoringBoard board = as(panel.panelist(), "INTERVIEWER", () -> scoring.board(panel.sessionId(), 0));
        assertThat(board.mySheet().areas()).extracting(AreaScore::score).containsExactly(3, 2, 2, 2);
        assertThat(board.mySheet().version()).isEqualTo(corrected.version());
    }

    @Test
    void a_submitted_sheet_cannot_go_back_to_being_a_draft() {
        TestPanel.Panel panel = testPanel.live();
        ScoreSheet submitted = as(panel.panelist(), "INTERVIEWER",
                () -> scoring.submit(panel.sessionId(), sheet(0, 0, 2, 2, 2, 2, 2)));

        assertThatThrownBy(() -> as(panel.panelist(), "INTERVIEWER",
                () -> scoring.saveDraft(panel.sessionId(), sheet(0, submitted.version(), 1, 1, 1, 1, 1))))
                .isInstanceOf(ScoringException.class).hasMessageContaining("cannot go back to being a draft");
        ScoringBoard lead = as(panel.lead(), "INTERVIEWER", () -> scoring.board(panel.sessionId(), 0));
        assertThat(lead.scorers()).filteredOn(s -> s.username().equals(panel.panelist()))
                .singleElement().extracting(ScorerStatus::submitted).isEqualTo(true);
    }

    @Test
    void sheets_can_still_be_completed_and_revealed_after_the_session_ended() {
        TestPanel.Panel panel = testPanel.live();
        as(panel.lead(), "INTERVIEWER", () -> scoring.submit(panel.sessionId(), sheet(0, 0, 3, 3, 3, 3, 3)));
        as(panel.lead(), "INTERVIEWER", () -> sessions.end(panel.sessionId()));

        as(panel.panelist(), "INTERVIEWER", () -> scoring.submit(panel.sessionId(), sheet(0, 0, 3, 3, 3, 3, 3)));
        as(panel.lead(), "INTERVIEWER", () -> scoring.reveal(panel.sessionId(), 0));

        assertThat(as(panel.coach(), "COACH", () -> scoring.board(panel.sessionId(), 0)).revealed()).isTrue();
    }
}
