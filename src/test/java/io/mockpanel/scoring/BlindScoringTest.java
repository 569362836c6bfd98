package io.mockpanel.scoring;

import static io.mockpanel.scoring.ScoringFixture.as;
import static io.mockpanel.scoring.ScoringFixture.sheet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.mockpanel.panel.SessionRole;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The blind rule: nobody sees another's scores before submitting their own; drafts stay private. */
@IntegrationTest
class BlindScoringTest {

    @Autowired
    ScoringService scoring;

    @Autowired
    TestPanel testPanel;

    @Autowired
    ScoringFixture fixture;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private ScoringBoard board(String user, String role, long sessionId) {
        return as(user, role, () -> scoring.board(sessionId, 0));
    }

    /** Nothing of other people's sheets in the board: no sheet, no spread, no consensus. */
    private static void assertNothingOfOthers(ScoringBoard board) {
        assertThat(board.otherSheets()).isEmpty();
        assertThat(board.spread()).isEmpty();
        assertThat(board.recommendationSpread()).isNull();
        assertThat(board.consensus()).isEmpty();
        assertThat(board.revealed()).isFalse();
    }

    @Test
    void the_board_lists_the_scenario_areas_and_the_scoring_members_with_nothing_submitted() {
        TestPanel.Panel panel = testPanel.live();

        ScoringBoard board = board(panel.panelist(), "INTERVIEWER", panel.sessionId());

        assertThat(board.areaTitles()).hasSize(4);
        assertThat(board.myRole()).isEqualTo(SessionRole.PANELIST);
        assertThat(board.scorers()).extracting(ScorerStatus::username)
                .containsExactly(panel.lead(), panel.panelist());
        assertThat(board.scorers()).noneMatch(ScorerStatus::submitted);
        assertThat(board.mySheet()).isNull();
        assertThat(board.canScore()).isTrue();
        assertThat(board.canReveal()).isFalse();
        assertNothingOfOthers(board);
    }

    @Test
    void a_panelist_sees_nothing_of_the_leads_submitted_scores_before_submitting_their_own() {
        TestPanel.Panel panel = testPanel.live();
        as(panel.lead(), "INTERVIEWER", () -> scoring.submit(panel.sessionId(), sheet(0, 0, 4, 4, 4, 4, 4)));

        ScoringBoard beforeAnything = board(panel.panelist(), "INTERVIEWER", panel.sessionId());
        as(panel.panelist(), "INTERVIEWER", () -> scoring.saveDraft(panel.sessionId(), sheet(0, 0, 2, 2, 2, 2, 2)));
        ScoringBoard withADraft = board(panel.panelist(), "INTERVIEWER", panel.sessionId());

        for (ScoringBoard board : List.of(beforeAnything, withADraft)) {
            assertNothingOfOthers(board);
            // Only that the lead submitted, by name: no score, no text.
            assertThat(board.scorers()).extracting(ScorerStatus::username, ScorerStatus::submitted)
                    .containsExactly(tuple(panel.lead(), true), tuple(panel.panelist(), false));
        }
        assertThat(withADraft.mySheet()).isNotNull();
        assertThat(withADraft.mySheet().author()).isEqualTo(panel.panelist());
        assertThat(withADraft.mySheet().state()).isEqualTo(SheetState.DRAFT);
    }

    @Test
    void after_submitting_their_own_a_panelist_sees_the_others_submitted_sheets_with_scores_and_texts() {
        TestPanel.Panel panel = testPanel.live();
        as(panel.lead(), "INTERVIEWER", () -> scoring.submit(panel.sessionId(), sheet(0, 0, 4, 4, 3, 2, 1)));
        as(panel.panelist(), "INTERVIEWER", () -> scoring.submit(panel.sessionId(), sheet(0, 0, 2, 2, 2, 2, 2)));

        ScoringBoard board = board(panel.panelist(), "INTERVIEWER", panel.sessionId());

        assertThat(board.otherSheets()).singleElement().satisfies(lead -> {
            assertThat(lead.author()).isEqualTo(panel.lead());
            assertThat(lead.authorName()).isEqualTo("Lee Lead");
            assertThat(lead.areas()).extracting(AreaScore::score).containsExactly(4, 3, 2, 1);
            assertThat(lead.area(1).orElseThrow().justification())
                    .isEqualTo("Evidence for area 1: scored 3, see note 12:30.");
            assertThat(lead.recommendation()).isEqualTo(4);
        });
        // Seeing is not revealing: no spread or consensus until the lead reveals.
        assertThat(board.revealed()).isFalse();
        assertThat(board.spread()).isEmpty();
    }

    @Test
    void a_draft_is_seen_by_its_author_only_even_by_those_who_submitted() {
        ScoringFixture.ThreeScorers panel = fixture.threeScorers();
        as(panel.panelist2(), "INTERVIEWER",
                () -> scoring.saveDraft(panel.sessionId(), sheet(0, 0, 1, 1, 1, 1, 1)));
        as(panel.lead(), "INTERVIEWER", () -> scoring.submit(panel.sessionId(), sheet(0, 0, 3, 3, 3, 3, 3)));
        as(panel.panelist(), "INTERVIEWER", () -> scoring.submit(panel.sessionId(), sheet(0, 0, 3, 3, 3, 3, 3)));

        ScoringBoard panelist = board(panel.panelist(), "INTERVIEWER", panel.sessionId());
        ScoringBoard lead = board(panel.lead(), "INTERVIEWER", panel.sessionId());
        ScoringBoard author = board(panel.panelist2(), "INTERVIEWER", panel.sessionId());

        assertThat(panelist.otherSheets()).extracting(ScoreSheet::author).containsExactly(panel.lead());
        assertThat(lead.otherSheets()).extracting(ScoreSheet::author).containsExactly(panel.panelist());
        assertThat(panelist.submittedCount()).isEqualTo(2);
        assertThat(panelist.scorers()).hasSize(3);
        assertThat(author.mySheet().areas()).extracting(AreaScore::score).containsExactly(1, 1, 1, 1);
        assertNothingOfOthers(author);
    }

    @Test
    void an_observer_sees_no_sheet_before_the_reveal_even_when_everyone_submitted() {
        TestPanel.Panel panel = testPanel.live();
        as(panel.lead(), "INTERVIEWER", () -> scoring.submit(panel.sessionId(), sheet(0, 0, 4, 4, 4, 4, 4)));
        as(panel.panelist(), "INTERVIEWER", () -> scoring.submit(panel.sessionId(), sheet(0, 0, 2, 2, 2, 2, 2)));

        ScoringBoard board = board(panel.coach(), "COACH", panel.sessionId());

        assertThat(board.myRole()).isEqualTo(SessionRole.OBSERVER);
        assertThat(board.mySheet()).isNull();
        assertThat(board.canScore()).isFalse();
        assertThat(board.allSubmitted()).isTrue();
        assertNothingOfOthers(board);
    }

    @Test
    void the_blind_rule_holds_per_scenario() {
        TestPanel.Panel panel = testPanel.live();
        as(panel.lead(), "INTERVIEWER", () -> {
            scoring.submit(panel.sessionId(), sheet(0, 0, 4, 4, 4, 4, 4));
            scoring.submit(panel.sessionId(), sheet(1, 0, 1, 1, 1, 1, 1));
        });
        as(panel.panelist(), "INTERVIEWER", () -> scoring.submit(panel.sessionId(), sheet(0, 0, 2, 2, 2, 2, 2)));

        ScoringBoard second = as(panel.panelist(), "INTERVIEWER", () -> scoring.board(panel.sessionId(), 1));

        assertThat(second.scenario()).isEqualTo(1);
        assertNothingOfOthers(second);
        assertThat(board(panel.panelist(), "INTERVIEWER", panel.sessionId()).otherSheets()).hasSize(1);
    }
}
