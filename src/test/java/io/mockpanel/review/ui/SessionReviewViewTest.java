package io.mockpanel.review.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.mockpanel.panel.ui.CandidateScreenView;
import io.mockpanel.review.ReviewFixture;
import io.mockpanel.review.SessionReview.Moment;
import io.mockpanel.review.SessionReview.MomentKind;
import io.mockpanel.scoring.ScoreScale;
import io.mockpanel.scoring.ScoringService;
import io.mockpanel.support.KaribuTest;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The review page: the summary says what happened, the timeline filters and replays, roles, the verdict form. */
class SessionReviewViewTest extends KaribuTest {

    @Autowired
    ReviewFixture fixture;
    @Autowired
    ScoringService scoring;
    @Autowired
    JdbcClient jdbc;

    /** Detaches the open view, so a console's live connection closes before the next test. */
    @org.junit.jupiter.api.AfterEach
    void closeView() {
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.getInternals().getActiveRouterTargetsChain().forEach(target -> target.getElement().removeFromParent());
            MockVaadin.clientRoundtrip(false);
        }
    }

    private void go(String username, String role, String path) {
        login(username, role);
        UI.getCurrent().navigate(path);
        MockVaadin.clientRoundtrip(false);
    }

    private SessionReviewView open(TestPanel.Panel panel, String username, String role) {
        go(username, role, "sessions/" + panel.sessionId() + "/review");
        return _get(SessionReviewView.class);
    }

    private static String path() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPath();
    }

    private static String text(String id) {
        // A Composite and its content share the id: either gives the same text.
        return _find(Component.class, spec -> spec.withId(id)).getFirst().getElement().getTextRecursively();
    }

    private static void scoresTab() {
        _get(com.vaadin.flow.component.tabs.TabSheet.class, spec -> spec.withId("review-details")).setSelectedIndex(1);
    }

    /**
     * The view rerouted to the not-found error: in the app that is its own page (base.ui), which
     * Karibu's route set here replaces by Vaadin's default error view.
     */
    private static boolean notFound() {
        return UI.getCurrent().getCurrentView() instanceof com.vaadin.flow.router.RouteNotFoundError
                || !_find(Div.class, spec -> spec.withId("not-found")).isEmpty();
    }

    @Test
    void the_summary_says_who_when_how_long_what_was_pushed_and_who_recommended_what() {
        TestPanel.Panel panel = fixture.finished();
        SessionReviewView view = open(panel, panel.lead(), "INTERVIEWER");

        assertThat(view.getPageTitle()).startsWith("Review: Test panel");
        assertThat(_get(Span.class, spec -> spec.withId("review-state")).getText()).isEqualTo("Completed");
        Anchor candidate = _get(Anchor.class, spec -> spec.withId("candidate-link"));
        assertThat(candidate.getText()).isEqualTo("Casey Candidate");
        assertThat(candidate.getHref()).matches("candidates/\\d+");
        assertThat(text("review-panel")).contains("Lee Lead (lead)", "Pat Panelist", "Cory Coach (observer)");
        assertThat(text("review-when")).contains(" – ").doesNotContain("never started", "still running");
        assertThat(text("prompts-pushed")).isEqualTo("3");
        assertThat(Integer.parseInt(text("prompts-skipped"))).isPositive();
        assertThat(text("review-time")).contains("Time on screen");
        assertThat(text("review-recommendations")).contains("Lee Lead", "3 · Yes", "Pat Panelist", "2 · No", "hidden");
        assertThat(text("verdict")).contains("Not recorded yet.");
        assertThat(view.actions.getId()).contains("review-actions");
        assertThat(_find(view.actions, com.vaadin.flow.component.html.Anchor.class)).extracting(a -> a.getElement().getTextRecursively())
                .contains("PDF report", "Scores (CSV)");
    }

    @Test
    void the_scores_tab_shows_each_score_with_its_justification_cited_notes_consensus_and_self_rating() {
        TestPanel.Panel panel = fixture.finished();
        open(panel, panel.panelist(), "INTERVIEWER");
        scoresTab();

        String scores = text("scores-0");
        assertThat(scores).contains("Revealed", "Lee Lead", "Pat Panelist", "3 · Yes", "2 · No",
                "Evidence for area 0", "We settled on 3", "4 · Strong yes", "I think I nailed it",
                ReviewFixture.LEAD_NOTE, ReviewFixture.PANELIST_PRIVATE, "Coverage: 1 of", "Too vague × 1");
        assertThat(text("scores-1")).contains("Not revealed", "Pat Panelist").doesNotContain("Lee Lead");
    }

    @Test
    void filters_narrow_the_timeline_by_kind_and_by_person() {
        TestPanel.Panel panel = fixture.finished();
        SessionReviewView view = open(panel, panel.lead(), "INTERVIEWER");
        ReviewTimeline timeline = view.timeline;
        int all = timeline.shown().size();

        timeline.kinds.setValue(Set.of(MomentKind.NOTE));
        assertThat(timeline.shown()).extracting(Moment::kind).containsOnly(MomentKind.NOTE);
        assertThat(timeline.shown()).extracting(Moment::text)
                .containsExactlyInAnyOrder(ReviewFixture.LEAD_NOTE, ReviewFixture.PANELIST_SHARED);

        timeline.who.setValue(Set.of("Pat Panelist"));
        assertThat(timeline.shown()).extracting(Moment::text).containsExactly(ReviewFixture.PANELIST_SHARED);

        timeline.kinds.clear();
        assertThat(timeline.shown()).extracting(Moment::who).containsOnly("Pat Panelist").hasSizeGreaterThan(1);
        timeline.who.clear();
        assertThat(timeline.shown()).hasSize(all);
    }

    @Test
    void clicking_a_moment_shows_what_the_candidate_saw_then() {
        TestPanel.Panel panel = fixture.finished();
        SessionReviewView view = open(panel, panel.lead(), "INTERVIEWER");
        ReviewTimeline timeline = view.timeline;
        timeline.kinds.setValue(Set.of(MomentKind.PROMPT));
        List<Moment> prompts = timeline.shown();

        timeline.selectShown(1); // the first question of scenario 1
        CandidateScreenView screen = _get(timeline.screen, CandidateScreenView.class);
        String question = text("moment-screen");
        assertThat(question).contains("Questions");
        assertThat(timeline.screenHeading.getText()).isEqualTo("What the candidate saw at "
                + ReviewTexts.offset(prompts.get(1).offset()));

        timeline.selectShown(2); // the second scenario's overview: no question on screen any more
        assertThat(text("moment-screen")).doesNotContain("Questions");
        assertThat(_find(timeline.list, Div.class, spec -> spec.withClasses("selected"))).hasSize(1);
        assertThat(screen).isNotNull();
    }

    @Test
    void an_interviewer_who_did_not_sit_on_it_and_a_made_up_id_get_the_not_found_page() {
        TestPanel.Panel panel = fixture.finished();
        go(panel.outsider(), "INTERVIEWER", "sessions/" + panel.sessionId() + "/review");
        assertThat(notFound()).isTrue();
        assertThat(_find(SessionReviewView.class)).isEmpty();

        go(panel.outsider(), "INTERVIEWER", "sessions/99999999999/review");
        assertThat(notFound()).isTrue();
        go(panel.outsider(), "INTERVIEWER", "sessions/abc/review");
        assertThat(notFound()).isTrue();
    }

    @Test
    void an_admin_opens_any_session_and_the_look_is_audited_once_per_open() {
        TestPanel.Panel panel = fixture.finished();
        open(panel, "fixture-admin", "ADMIN");
        assertThat(audits("fixture-admin", panel.sessionId())).isEqualTo(1);
        // Coaching notes and the candidate's feedback are for coaches and admins.
        SessionReviewView view = _get(SessionReviewView.class);
        assertThat(view.coachingTab).isNotNull();
        _get(com.vaadin.flow.component.tabs.TabSheet.class).setSelectedTab(view.coachingTab);
        assertThat(text("review-coaching")).isNotEmpty();
        view.timeline.kinds.setValue(Set.of(MomentKind.COACHING_NOTE));
        assertThat(view.timeline.shown()).hasSize(2);
    }

    @Test
    void the_panel_sees_only_the_coaching_note_shared_with_it_and_no_private_note_of_others() {
        TestPanel.Panel panel = fixture.finished();
        SessionReviewView view = open(panel, panel.lead(), "INTERVIEWER");
        String all = view.getElement().getTextRecursively();
        assertThat(all).contains(ReviewFixture.COACHING_SHARED).doesNotContain(ReviewFixture.COACHING_PRIVATE)
                .doesNotContain(ReviewFixture.PANELIST_PRIVATE);
        assertThat(audits(panel.lead(), panel.sessionId())).isZero();
    }

    @Test
    void the_lead_records_the_verdict_with_the_form_and_bad_input_is_explained() {
        TestPanel.Panel panel = fixture.finished();
        SessionReviewView view = open(panel, panel.lead(), "INTERVIEWER");
        VerdictPanel verdict = view.verdict;

        _click(_get(Button.class, spec -> spec.withId("record-verdict")));
        assertThat(verdict.problem.getText()).isEqualTo(
                "Choose the panel's recommendation (1 strong no, 2 no, 3 yes, 4 strong yes).");
        assertThat(text("verdict")).contains("Not recorded yet.");

        verdict.recommendation.setValue(ScoreScale.YES);
        verdict.note.setValue("Solid, hire for the team lead role");
        _click(verdict.record);

        assertThat(_get(Span.class, spec -> spec.withId("verdict-value")).getText()).isEqualTo("3 · Yes");
        assertThat(text("verdict")).contains("Solid, hire for the team lead role", "by Lee Lead");
        assertThat(verdict.problem.getText()).isEmpty();
        assertThat(verdict.record.getText()).isEqualTo("Change verdict");

        verdict.recommendation.setValue(ScoreScale.STRONG_YES);
        _click(verdict.record);
        assertThat(_get(Span.class, spec -> spec.withId("verdict-value")).getText()).isEqualTo("4 · Strong yes");
    }

    @Test
    void only_the_lead_gets_the_verdict_form() {
        TestPanel.Panel panel = fixture.finished();
        open(panel, panel.panelist(), "INTERVIEWER");
        assertThat(_find(Button.class, spec -> spec.withId("record-verdict"))).isEmpty();
        open(panel, panel.coach(), "COACH");
        assertThat(_find(Button.class, spec -> spec.withId("record-verdict"))).isEmpty();
    }

    // --- the console forwards -------------------------------------------------------------------------

    @Test
    void the_console_of_a_finished_session_whose_scoring_is_over_opens_the_review() {
        TestPanel.Panel panel = fixture.finished();
        TestUsers.as(panel.lead(), "INTERVIEWER", () -> scoring.reveal(panel.sessionId(), 1));

        go(panel.panelist(), "INTERVIEWER", "sessions/" + panel.sessionId());

        assertThat(path()).isEqualTo("sessions/" + panel.sessionId() + "/review");
        assertThat(_find(SessionReviewView.class)).hasSize(1);
    }

    @Test
    void an_observer_is_sent_to_the_review_and_a_scorer_keeps_the_console_while_scoring_is_open() {
        TestPanel.Panel panel = fixture.finished(); // scenario 1 not revealed yet

        go(panel.coach(), "COACH", "sessions/" + panel.sessionId());
        assertThat(_find(SessionReviewView.class)).hasSize(1);

        go(panel.lead(), "INTERVIEWER", "sessions/" + panel.sessionId());
        assertThat(_find(SessionReviewView.class)).isEmpty();
        Button review = _get(Button.class, spec -> spec.withId("open-review"));
        assertThat(review.isVisible()).isTrue();
        _click(review);
        MockVaadin.clientRoundtrip(false);
        assertThat(_find(SessionReviewView.class)).hasSize(1);
        assertThat(_get(Anchor.class, spec -> spec.withId("open-console")).getHref())
                .isEqualTo("sessions/" + panel.sessionId());
    }

    private int audits(String actor, long sessionId) {
        return jdbc.sql("select count(*) from audit_log where actor = ? and subject = ?")
                .params(actor, "session " + sessionId).query(Integer.class).single();
    }
}
