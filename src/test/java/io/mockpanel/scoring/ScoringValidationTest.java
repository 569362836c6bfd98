package io.mockpanel.scoring;

import static io.mockpanel.scoring.ScoringFixture.as;
import static io.mockpanel.scoring.ScoringFixture.sheet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mockpanel.panel.SessionEventLog;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bad input gets a message that says what is allowed, and nothing of it is saved. */
@IntegrationTest
class ScoringValidationTest {

    @Autowired
    ScoringService scoring;

    @Autowired
    TestPanel testPanel;

    @Autowired
    SessionEventLog log;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    /** Everything stored about the session's sheets, to compare before and after a refused request. */
    private List<String> stored(long sessionId) {
        return jdbc.sql("""
                select s.author || '|' || s.state || '|' || coalesce(s.recommendation::text, '-') || '|'
                       || s.recommendation_text || '|' || s.version || '|'
                       || coalesce((select string_agg(a.area || ':' || coalesce(a.score::text, '-') || ':'
                                           || a.justification, ';' order by a.area)
                                      from area_score a where a.sheet_id = s.id), '')
                  from score_sheet s where s.session_id = ? order by s.id""")
                .param(sessionId).query(String.class).list();
    }

    private void assertRefusedAndNothingChanged(TestPanel.Panel panel, Runnable request, String message) {
        List<String> before = stored(panel.sessionId());
        long seq = log.lastSeq(panel.sessionId());
        assertThatThrownBy(() -> as(panel.panelist(), "INTERVIEWER", request))
                .isInstanceOf(ScoringException.class).hasMessage(message);
        assertThat(stored(panel.sessionId())).isEqualTo(before);
        assertThat(log.lastSeq(panel.sessionId())).isEqualTo(seq);
    }

    /** The title of an area of the first scenario, as the messages quote it. */
    private String area(TestPanel.Panel panel, int area) {
        return "\"" + as(panel.panelist(), "INTERVIEWER", () -> scoring.board(panel.sessionId(), 0))
                .areaTitles().get(area) + "\"";
    }

    private static ScoreSheetInput withArea(ScoreSheetInput sheet, int index, AreaScore area) {
        List<AreaScore> areas = new ArrayList<>(sheet.areas());
        areas.set(index, area);
        return new ScoreSheetInput(sheet.scenario(), areas, sheet.recommendation(), sheet.recommendationText(),
                sheet.version());
    }

    @Test
    void a_score_of_0_or_5_is_refused_with_the_scale_in_the_message_and_the_previous_draft_is_kept() {
        TestPanel.Panel panel = testPanel.live();
        ScoreSheet draft = as(panel.panelist(), "INTERVIEWER",
                () -> scoring.saveDraft(panel.sessionId(), sheet(0, 0, 3, 3, 3, 3, 3)));
        assertThat(stored(panel.sessionId())).singleElement().asString().contains("|DRAFT|3|");

        for (int bad : new int[] {0, 5}) {
            ScoreSheetInput input = withArea(sheet(0, draft.version(), 2, 2, 2, 2, 2), 1, AreaScore.of(1, bad, "x"));
            String message = "A score is 1 to 4 (1 strong no, 2 no, 3 yes, 4 strong yes); " + area(panel, 1) + " was "
                    + "given " + bad + ".";
            assertRefusedAndNothingChanged(panel, () -> scoring.submit(panel.sessionId(), input), message);
            assertRefusedAndNothingChanged(panel, () -> scoring.saveDraft(panel.sessionId(), input), message);
        }
        ScoreSheetInput badRecommendation = new ScoreSheetInput(0, sheet(0, 0, 2, 2, 2, 2, 2).areas(), 5, "x",
                draft.version());
        assertRefusedAndNothingChanged(panel, () -> scoring.submit(panel.sessionId(), badRecommendation),
                "The overall recommendation is 1 to 4 (1 strong no, 2 no, 3 yes, 4 strong yes); it was 5.");
    }

    @Test
    void submitting_with_an_area_missing_names_the_area_and_saves_nothing() {
        TestPanel.Panel panel = testPanel.live();
        ScoreSheet draft = as(panel.panelist(), "INTERVIEWER",
                () -> scoring.saveDraft(panel.sessionId(), sheet(0, 0, 3, 3, 3)));
        assertThat(draft.areas()).hasSize(2);

        assertRefusedAndNothingChanged(panel,
                () -> scoring.submit(panel.sessionId(), sheet(0, draft.version(), 3, 3, 3, 3)),
                "To submit, score every discussion area from 1 to 4; not scored yet: " + area(panel, 3) + ". "
                        + "Save a draft to finish later.");
        ScoreSheetInput unscored = withArea(sheet(0, draft.version(), 3, 3, 3, 3, 3), 0,
                new AreaScore(0, null, "Not sure yet."));
        assertRefusedAndNothingChanged(panel, () -> scoring.submit(panel.sessionId(), unscored),
                "To submit, score every discussion area from 1 to 4; not scored yet: " + area(panel, 0) + ". "
                        + "Save a draft to finish later.");
        ScoreSheetInput unjustified = withArea(sheet(0, draft.version(), 3, 3, 3, 3, 3), 2, AreaScore.of(2, 3, "  "));
        assertRefusedAndNothingChanged(panel, () -> scoring.submit(panel.sessionId(), unjustified),
                "To submit, justify every score in a few words (you may cite your notes); missing for "
                        + area(panel, 2) + ".");
        ScoreSheetInput noRecommendation = new ScoreSheetInput(0, sheet(0, 0, 3, 3, 3, 3, 3).areas(), null, "",
                draft.version());
        assertRefusedAndNothingChanged(panel, () -> scoring.submit(panel.sessionId(), noRecommendation),
                "To submit, give an overall recommendation from 1 to 4 (1 strong no, 2 no, 3 yes, 4 strong yes).");
        ScoreSheetInput noReason = new ScoreSheetInput(0, sheet(0, 0, 3, 3, 3, 3, 3).areas(), 3, " ",
                draft.version());
        assertRefusedAndNothingChanged(panel, () -> scoring.submit(panel.sessionId(), noReason),
                "To submit, explain the overall recommendation in a few words.");
    }

    @Test
    void a_draft_may_be_incomplete() {
        TestPanel.Panel panel = testPanel.live();

        ScoreSheet draft = as(panel.panelist(), "INTERVIEWER", () -> scoring.saveDraft(panel.sessionId(),
                new ScoreSheetInput(0, List.of(new AreaScore(1, null, "Strong on stakeholders, see 12:05"),
                        AreaScore.of(3, 2, ""), new AreaScore(2, null, "")), null, "", 0)));

        assertThat(draft.state()).isEqualTo(SheetState.DRAFT);
        assertThat(draft.areas()).extracting(AreaScore::area, AreaScore::score).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, null), org.assertj.core.groups.Tuple.tuple(3, 2));
        assertThat(draft.recommendation()).isNull();
        assertThat(draft.submittedAt()).isNull();
    }

    @Test
    void texts_over_5000_characters_are_refused_and_5000_are_accepted() {
        TestPanel.Panel panel = testPanel.live();
        String longest = "é".repeat(4999) + "😀"; // 5000 characters, 5001 UTF-16 units
        ScoreSheet saved = as(panel.panelist(), "INTERVIEWER", () -> scoring.saveDraft(panel.sessionId(),
                new ScoreSheetInput(0, List.of(AreaScore.of(0, 3, longest)), 3, longest, 0)));
        assertThat(saved.area(0).orElseThrow().justification()).isEqualTo(longest);

        ScoreSheetInput tooLong = new ScoreSheetInput(0, List.of(AreaScore.of(0, 3, longest + "x")), 3, "",
                saved.version());
        assertRefusedAndNothingChanged(panel, () -> scoring.saveDraft(panel.sessionId(), tooLong),
                "The justification for " + area(panel, 0) + " has 5,001 characters; at most 5,000 are allowed.");
        ScoreSheetInput longReason = new ScoreSheetInput(0, List.of(), 3, "y".repeat(6000), saved.version());
        assertRefusedAndNothingChanged(panel, () -> scoring.saveDraft(panel.sessionId(), longReason),
                "The text of the overall recommendation has 6,000 characters; at most 5,000 are allowed.");
        ScoreSheetInput nul = new ScoreSheetInput(0, List.of(AreaScore.of(0, 3, "a\0b")), 3, "", saved.version());
        assertRefusedAndNothingChanged(panel, () -> scoring.saveDraft(panel.sessionId(), nul),
                "The justification for " + area(panel, 0) + " contains a NUL character, which cannot be stored; "
                        + "remove it.");
    }

    @Test
    void an_area_or_scenario_that_does_not_exist_and_a_repeated_area_are_refused() {
        TestPanel.Panel panel = testPanel.live();

        assertRefusedAndNothingChanged(panel, () -> scoring.saveDraft(panel.sessionId(),
                        new ScoreSheetInput(0, List.of(AreaScore.of(4, 3, "")), null, "", 0)),
                "This scenario has 4 discussion areas (numbered 0 to 3); there is no area 4.");
        assertRefusedAndNothingChanged(panel, () -> scoring.saveDraft(panel.sessionId(),
                        new ScoreSheetInput(0, List.of(AreaScore.of(1, 3, ""), AreaScore.of(1, 2, "")), null, "", 0)),
                "The discussion area " + area(panel, 1) + " is on the sheet twice; give each area once.");
        assertRefusedAndNothingChanged(panel, () -> scoring.saveDraft(panel.sessionId(), sheet(2, 0, 3, 3, 3, 3, 3)),
                "That scenario is not on this session's agenda (it has 2 scenarios).");
        assertThatThrownBy(() -> as(panel.panelist(), "INTERVIEWER", () -> scoring.board(panel.sessionId(), -1)))
                .isInstanceOf(ScoringException.class)
                .hasMessage("That scenario is not on this session's agenda (it has 2 scenarios).");
    }

    @Test
    void scoring_is_refused_before_the_session_starts() {
        TestPanel.Panel panel = testPanel.scheduled();

        assertRefusedAndNothingChanged(panel, () -> scoring.saveDraft(panel.sessionId(), sheet(0, 0, 3, 3, 3, 3, 3)),
                "Scoring opens when the lead starts the session.");
        ScoringBoard board = as(panel.panelist(), "INTERVIEWER", () -> scoring.board(panel.sessionId(), 0));
        assertThat(board.open()).isFalse();
        assertThat(board.canScore()).isFalse();
    }
}
