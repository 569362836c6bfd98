package io.mockpanel.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mockpanel.panel.InviteService;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** The candidate's self-assessment and session rating, through their own link after the session. */
@IntegrationTest
class SelfAssessmentServiceTest {

    @Autowired
    SelfAssessmentService assessments;

    @Autowired
    ReportFixture fixture;

    @Autowired
    TestPanel testPanel;

    @Autowired
    InviteService invites;

    @Autowired
    ReportService reports;

    @Autowired
    JdbcClient jdbc;

    private ReportFixture.Done done;

    @BeforeEach
    void completedSession() {
        done = fixture.completed();
        TestPanel.signInCandidate(done.candidate().principal());
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private SelfAssessmentService.Answers answers(UnaryOperator<SelfAssessmentService.AreaAnswer> each,
            Integer rating, String comment) {
        var mine = assessments.mine().orElseThrow();
        return new SelfAssessmentService.Answers(mine.areas().stream().map(each).toList(), rating, comment);
    }

    private static SelfAssessmentService.AreaAnswer scored(SelfAssessmentService.AreaAnswer a, Integer score,
            String comment) {
        return new SelfAssessmentService.AreaAnswer(a.scenario(), a.area(), a.scenarioTitle(), a.areaTitle(), score,
                comment);
    }

    private long rows() {
        long sessionId = done.panel().sessionId();
        return jdbc.sql("select (select count(*) from self_assessment where session_id = ?) "
                + "+ (select count(*) from session_feedback where session_id = ?)")
                .params(sessionId, sessionId).query(Long.class).single();
    }

    @Test
    void the_candidate_rates_every_area_and_the_session_and_sees_the_answers_again() {
        var mine = assessments.mine().orElseThrow();
        assertThat(mine.submittedAt()).isNull();
        assertThat(mine.areas()).isNotEmpty().allMatch(a -> a.score() == null);

        assessments.submit(answers(a -> scored(a, 3, a.area() == 0 ? "  Went well  " : ""), 4, "Thanks!"));

        var again = assessments.mine().orElseThrow();
        assertThat(again.submittedAt()).isNotNull();
        assertThat(again.areas()).allMatch(a -> a.score() == 3);
        assertThat(again.areas().getFirst().comment()).isEqualTo("Went well");
        assertThat(again.rating()).isEqualTo(4);
        assertThat(again.ratingComment()).isEqualTo("Thanks!");

        assessments.submit(answers(a -> scored(a, 2, ""), 5, ""));
        assertThat(assessments.mine().orElseThrow().areas()).allMatch(a -> a.score() == 2);
    }

    @Test
    void an_area_without_a_score_or_a_missing_rating_saves_nothing() {
        assertThatThrownBy(() -> assessments.submit(answers(a -> scored(a, a.area() == 1 ? null : 3, ""), 4, "")))
                .isInstanceOf(ReviewException.class).hasMessageContaining("Choose how you did");
        assertThatThrownBy(() -> assessments.submit(answers(a -> scored(a, 9, ""), 4, "")))
                .isInstanceOf(ReviewException.class).hasMessageContaining("from 1");
        assertThatThrownBy(() -> assessments.submit(answers(a -> scored(a, 3, ""), null, "")))
                .isInstanceOf(ReviewException.class).hasMessageContaining("Rate the session");
        assertThat(rows()).isZero();
    }

    @Test
    void a_comment_of_3000_characters_is_refused_with_the_limit_and_saves_nothing() {
        assertThatThrownBy(() -> assessments.submit(answers(a -> scored(a, 3, a.area() == 0 ? "x".repeat(3000) : ""),
                4, ""))).isInstanceOf(ReviewException.class).hasMessageContaining("3000 characters long")
                .hasMessageContaining("at most 2000");
        assertThatThrownBy(() -> assessments.submit(answers(a -> scored(a, 3, ""), 4, "y".repeat(3000))))
                .isInstanceOf(ReviewException.class).hasMessageContaining("on the session");
        assertThat(rows()).isZero();
    }

    @Test
    void a_revoked_link_reaches_no_self_assessment() {
        TestUsers.as(done.panel().lead(), "INTERVIEWER", () -> invites.revoke(done.panel().sessionId()));
        TestPanel.signInCandidate(done.candidate().principal());

        assertThat(assessments.mine()).isEmpty();
        assertThatThrownBy(() -> assessments.submit(new SelfAssessmentService.Answers(List.of(), 4, "")))
                .isInstanceOf(ReviewException.class);
        assertThat(rows()).isZero();
    }

    @Test
    void a_running_session_has_no_self_assessment_yet() {
        TestPanel.Panel live = testPanel.live();
        TestPanel.signInCandidate(testPanel.join(live, "Robin").principal());
        assertThat(assessments.mine()).isEmpty();
    }

    @Test
    void answers_are_kept_as_they_were_once_a_report_is_released() {
        assessments.submit(answers(a -> scored(a, 3, ""), 4, ""));
        TestUsers.as(done.panel().coach(), "COACH", () -> {
            var draft = reports.edit(done.panel().sessionId());
            reports.save(done.panel().sessionId(), new ReportContent("Summary", "", "", draft.content().areas(),
                    false, false), 0);
            reports.release(done.panel().sessionId());
        });
        TestPanel.signInCandidate(done.candidate().principal());

        assertThat(assessments.mine().orElseThrow().locked()).isTrue();
        assertThatThrownBy(() -> assessments.submit(answers(a -> scored(a, 1, ""), 1, "")))
                .isInstanceOf(ReviewException.class).hasMessageContaining("kept as they were");
        assertThat(assessments.mine().orElseThrow().areas()).allMatch(a -> a.score() == 3);
    }

    @Test
    void only_a_candidate_has_a_self_assessment() {
        TestUsers.signIn(done.panel().coach(), "COACH");
        assertThatThrownBy(() -> assessments.mine()).isInstanceOf(AccessDeniedException.class);
    }
}
