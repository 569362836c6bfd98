package io.mockpanel.review.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import io.mockpanel.panel.InviteService;
import io.mockpanel.review.ReportFixture;
import io.mockpanel.support.KaribuTest;
import io.mockpanel.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** "How did it go?" in the candidate's room once the session is completed. */
class SelfAssessmentFormTest extends KaribuTest {

    @Autowired
    ReportFixture fixture;

    @Autowired
    InviteService invites;

    @Autowired
    JdbcClient jdbc;

    private ReportFixture.Done done;

    @BeforeEach
    void completedSession() {
        done = fixture.completed();
    }

    private SelfAssessmentForm openRoom() {
        ReviewViewSupport.signInCandidate(done.candidate().principal());
        UI.getCurrent().navigate("room");
        MockVaadin.clientRoundtrip(false);
        return _get(SelfAssessmentForm.class);
    }

    private long rows() {
        long id = done.panel().sessionId();
        return jdbc.sql("select (select count(*) from self_assessment where session_id = ?) "
                + "+ (select count(*) from session_feedback where session_id = ?)").params(id, id)
                .query(Long.class).single();
    }

    private void fillAll(SelfAssessmentForm form) {
        form.scores.forEach(group -> ReviewViewSupport.asUser(group, 3));
        ReviewViewSupport.asUser(form.rating, 4);
    }

    @Test
    void the_room_of_a_completed_session_asks_how_it_went_on_the_panels_scale() {
        SelfAssessmentForm form = openRoom();
        String text = ReviewViewSupport.allTexts();
        assertThat(text).contains("The session has ended").contains("How did it go?").contains("1 · Strong no")
                .contains("4 · Strong yes").contains("How was the session for you?");
        assertThat(form.scores).isNotEmpty();
    }

    @Test
    void sending_saves_the_answers_which_show_again_on_return() {
        SelfAssessmentForm form = openRoom();
        fillAll(form);
        ReviewViewSupport.asUser(form.comments.getFirst(), "I rushed the first answer");

        _click(form.send);

        assertThat(form.error.isVisible()).isFalse();
        assertThat(form.status.getText()).startsWith("Thank you! Sent");
        assertThat(rows()).isEqualTo(form.scores.size() + 1);

        SelfAssessmentForm again = openRoom();
        assertThat(again.scores).allMatch(g -> Integer.valueOf(3).equals(g.getValue()));
        assertThat(again.comments.getFirst().getValue()).isEqualTo("I rushed the first answer");
        assertThat(again.send.getText()).isEqualTo("Update my answers");
    }

    @Test
    void an_area_without_a_score_gets_a_message_and_nothing_is_saved() {
        SelfAssessmentForm form = openRoom();
        ReviewViewSupport.asUser(form.rating, 4);
        ReviewViewSupport.asUser(form.scores.getFirst(), 2);

        _click(form.send);

        assertThat(form.error.isVisible()).isTrue();
        assertThat(form.error.getText()).startsWith("Choose how you did in");
        assertThat(rows()).isZero();
    }

    @Test
    void a_3000_character_comment_gets_a_message_and_nothing_is_saved() {
        SelfAssessmentForm form = openRoom();
        fillAll(form);
        ReviewViewSupport.asUser(form.comments.getLast(), "x".repeat(3000));

        _click(form.send);

        assertThat(form.error.getText()).contains("3000 characters long").contains("at most 2000");
        assertThat(rows()).isZero();
    }

    @Test
    void a_revoked_link_shows_no_self_assessment() {
        TestUsers.as(done.panel().lead(), "INTERVIEWER", () -> invites.revoke(done.panel().sessionId()));
        ReviewViewSupport.signInCandidate(done.candidate().principal());
        UI.getCurrent().navigate("room");
        MockVaadin.clientRoundtrip(false);

        assertThat(_find(SelfAssessmentForm.class)).isEmpty();
        assertThat(ReviewViewSupport.allTexts()).doesNotContain("How did it go?");
        assertThat(_find(Button.class, spec -> spec.withId("send-self-assessment"))).isEmpty();
    }
}
