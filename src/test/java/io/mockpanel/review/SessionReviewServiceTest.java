package io.mockpanel.review;

import static io.mockpanel.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.panel.SessionEventLog;
import io.mockpanel.panel.SessionEvents;
import io.mockpanel.panel.SessionState;
import io.mockpanel.review.SessionReview.Moment;
import io.mockpanel.review.SessionReview.MomentKind;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.QueryCounter;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** What the review of a past session shows to whom, what it measures, and the lead's verdict. */
@IntegrationTest
class SessionReviewServiceTest {

    @Autowired
    SessionReviewService reviews;
    @Autowired
    ReviewFixture fixture;
    @Autowired
    PanelSessionService sessions;
    @Autowired
    SessionEventLog log;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private static List<String> texts(SessionReview review, MomentKind kind) {
        return review.timeline().stream().filter(m -> m.kind() == kind).map(Moment::text).toList();
    }

    private int audits(String actor, long sessionId) {
        return jdbc.sql("select count(*) from audit_log where actor = ? and subject = ? and action = 'VIEWED_SESSION'")
                .params(actor, "session " + sessionId).query(Integer.class).single();
    }

    // --- visibility ----------------------------------------------------------------------------------

    @Test
    void a_private_note_is_shown_to_its_author_only() {
        TestPanel.Panel panel = fixture.finished();
        SessionReview author = as(panel.panelist(), "INTERVIEWER", () -> reviews.review(panel.sessionId()));
        SessionReview lead = as(panel.lead(), "INTERVIEWER", () -> reviews.review(panel.sessionId()));
        SessionReview coach = as(panel.coach(), "COACH", () -> reviews.review(panel.sessionId()));
        SessionReview admin = as("fixture-admin", "ADMIN", () -> reviews.review(panel.sessionId()));

        assertThat(texts(author, MomentKind.PRIVATE_NOTE)).containsExactly(ReviewFixture.PANELIST_PRIVATE);
        for (SessionReview other : List.of(lead, coach, admin)) {
            assertThat(other.timeline()).extracting(Moment::text).doesNotContain(ReviewFixture.PANELIST_PRIVATE);
            assertThat(texts(other, MomentKind.NOTE)).contains(ReviewFixture.LEAD_NOTE, ReviewFixture.PANELIST_SHARED);
            assertThat(other.scenarios()).flatExtracting(SessionReview.ScenarioScores::areas)
                    .flatExtracting(SessionReview.AreaScores::scores).flatExtracting(SessionReview.PanelScore::cited)
                    .extracting(SessionReview.CitedNote::text).doesNotContain(ReviewFixture.PANELIST_PRIVATE);
        }
    }

    @Test
    void others_sheets_show_only_once_revealed_and_an_unrevealed_scenario_stays_blind_for_everyone() {
        TestPanel.Panel panel = fixture.finished();
        SessionReview lead = as(panel.lead(), "INTERVIEWER", () -> reviews.review(panel.sessionId()));
        SessionReview coach = as(panel.coach(), "COACH", () -> reviews.review(panel.sessionId()));

        // Scenario 0 was revealed: both sheets, the spread and the consensus.
        SessionReview.AreaScores area0 = lead.scenarios().get(0).areas().get(0);
        assertThat(lead.scenarios().get(0).revealed()).isTrue();
        assertThat(area0.scores()).extracting(SessionReview.PanelScore::username)
                .containsExactly(panel.lead(), panel.panelist());
        assertThat(area0.spread()).isEqualTo(1);
        assertThat(area0.consensus()).isEqualTo(3);
        assertThat(area0.consensusNote()).isEqualTo("We settled on 3");
        // Scenario 1 was submitted by both but never revealed: the lead sees their own sheet only,
        // the coach none, even though the live board would have shown submitted sheets to a submitter.
        assertThat(lead.scenarios().get(1).revealed()).isFalse();
        assertThat(lead.scenarios().get(1).areas().get(0).scores()).extracting(SessionReview.PanelScore::username)
                .containsExactly(panel.lead());
        assertThat(lead.recommendations()).filteredOn(r -> r.scenario() == 1)
                .extracting(SessionReview.Recommendation::username).containsExactly(panel.lead());
        assertThat(coach.scenarios().get(1).areas().get(0).scores()).isEmpty();
        assertThat(coach.recommendations()).filteredOn(r -> r.scenario() == 1).isEmpty();
        assertThat(coach.recommendations()).filteredOn(r -> r.scenario() == 0)
                .extracting(SessionReview.Recommendation::recommendation).containsExactly(3, 2);
    }

    @Test
    void coaching_notes_reach_the_panel_only_when_shared_and_coaches_and_admins_see_all() {
        TestPanel.Panel panel = fixture.finished();
        SessionReview lead = as(panel.lead(), "INTERVIEWER", () -> reviews.review(panel.sessionId()));
        SessionReview coach = as(panel.coach(), "COACH", () -> reviews.review(panel.sessionId()));
        SessionReview admin = as("fixture-admin", "ADMIN", () -> reviews.review(panel.sessionId()));

        assertThat(texts(lead, MomentKind.COACHING_NOTE)).containsExactly(ReviewFixture.COACHING_SHARED);
        assertThat(texts(coach, MomentKind.COACHING_NOTE))
                .containsExactlyInAnyOrder(ReviewFixture.COACHING_SHARED, ReviewFixture.COACHING_PRIVATE);
        assertThat(texts(admin, MomentKind.COACHING_NOTE)).hasSize(2);
    }

    @Test
    void the_candidates_rating_of_the_session_is_for_coaches_and_admins_and_the_self_assessment_for_everyone() {
        TestPanel.Panel panel = fixture.finished();
        SessionReview lead = as(panel.lead(), "INTERVIEWER", () -> reviews.review(panel.sessionId()));
        SessionReview coach = as(panel.coach(), "COACH", () -> reviews.review(panel.sessionId()));

        assertThat(lead.feedback()).isNull();
        assertThat(coach.feedback()).isNotNull().extracting(SessionReview.CandidateFeedback::rating).isEqualTo(5);
        for (SessionReview review : List.of(lead, coach)) {
            SessionReview.AreaScores area0 = review.scenarios().get(0).areas().get(0);
            assertThat(area0.selfScore()).isEqualTo(4);
            assertThat(area0.selfComment()).isEqualTo("I think I nailed it");
        }
    }

    @Test
    void an_interviewer_who_did_not_sit_on_the_session_is_refused_and_nothing_is_audited() {
        TestPanel.Panel panel = fixture.finished();
        assertThatThrownBy(() -> as(panel.outsider(), "INTERVIEWER", () -> reviews.review(panel.sessionId())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(panel.outsider(), "INTERVIEWER", () -> reviews.screenAt(panel.sessionId(), 5)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(panel.outsider(), "INTERVIEWER", () -> reviews.review(Long.MAX_VALUE)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(audits(panel.outsider(), panel.sessionId())).isZero();
    }

    @Test
    void a_coach_who_was_not_on_the_panel_is_audited_once_per_open_and_members_are_not() {
        TestPanel.Panel panel = fixture.finished();
        String otherCoach = "coach2-" + panel.lead();
        jdbc.sql("insert into user_account (username, display_name, password_hash, role, enabled, created_at, updated_at) "
                        + "select ?, 'Other Coach', password_hash, 'COACH', true, created_at, updated_at from user_account "
                        + "where username = ?")
                .params(otherCoach, panel.coach()).update();

        as(otherCoach, "COACH", () -> reviews.review(panel.sessionId()));
        assertThat(audits(otherCoach, panel.sessionId())).isEqualTo(1);
        as(otherCoach, "COACH", () -> reviews.screenAt(panel.sessionId(), 3)); // a click on the open page
        assertThat(audits(otherCoach, panel.sessionId())).isEqualTo(1);
        as(otherCoach, "COACH", () -> reviews.review(panel.sessionId()));
        assertThat(audits(otherCoach, panel.sessionId())).isEqualTo(2);

        as(panel.coach(), "COACH", () -> reviews.review(panel.sessionId()));
        as(panel.lead(), "INTERVIEWER", () -> reviews.review(panel.sessionId()));
        assertThat(audits(panel.coach(), panel.sessionId()) + audits(panel.lead(), panel.sessionId())).isZero();
    }

    // --- what happened ---------------------------------------------------------------------------------

    @Test
    void the_summary_counts_prompts_pushed_and_skipped_and_the_timeline_holds_every_kind_of_moment() {
        TestPanel.Panel panel = fixture.finished();
        SessionReview review = as(panel.lead(), "INTERVIEWER", () -> reviews.review(panel.sessionId()));

        assertThat(review.summary().state()).isEqualTo(SessionState.COMPLETED);
        assertThat(review.summary().candidateName()).isEqualTo("Casey Candidate");
        assertThat(review.summary().panel()).extracting(SessionReview.Seat::username)
                .containsExactly(panel.lead(), panel.panelist(), panel.coach());
        assertThat(review.summary().promptsPushed()).isEqualTo(3);
        var agenda = as(panel.lead(), "INTERVIEWER", () -> sessions.find(panel.sessionId()).agenda());
        assertThat(review.summary().promptsSkipped())
                .isEqualTo(io.mockpanel.panel.PromptRef.allOf(agenda).size() - 3);
        assertThat(review.timeline()).extracting(Moment::kind).contains(MomentKind.STARTED, MomentKind.PROMPT,
                MomentKind.NOTE, MomentKind.TAG, MomentKind.COVERAGE, MomentKind.TIMER, MomentKind.SCORE_SUBMITTED,
                MomentKind.SCORES_REVEALED, MomentKind.CONSENSUS, MomentKind.ENDED);
        assertThat(review.timeline().getFirst().kind()).isEqualTo(MomentKind.STARTED);
        assertThat(review.timeline()).extracting(Moment::offset).isSorted();
        assertThat(review.scenarios().get(0).tags()).extracting(SessionReview.TagCount::label)
                .containsExactlyInAnyOrder("Too vague", "Quantified the result");
        assertThat(review.scenarios().get(0).coverage()).filteredOn(SessionReview.QuestionCoverage::covered)
                .extracting(c -> c.area() + "." + c.question()).containsExactly("0.0");
    }

    @Test
    void a_score_cites_the_scorers_notes_taken_while_its_area_was_on_screen() {
        TestPanel.Panel panel = fixture.finished();
        SessionReview review = as(panel.panelist(), "INTERVIEWER", () -> reviews.review(panel.sessionId()));
        var scores = review.scenarios().get(0).areas().get(0).scores();
        assertThat(scores.get(0).cited()).extracting(SessionReview.CitedNote::text).containsExactly(ReviewFixture.LEAD_NOTE);
        // The author reads their own private note among the cited ones; area 1 had no question on screen.
        assertThat(scores.get(1).cited()).extracting(SessionReview.CitedNote::text)
                .containsExactly(ReviewFixture.PANELIST_PRIVATE, ReviewFixture.PANELIST_SHARED);
        assertThat(review.scenarios().get(0).areas().get(1).scores().get(1).cited()).isEmpty();
    }

    @Test
    void the_screen_at_a_moment_is_what_the_candidate_saw_then() {
        TestPanel.Panel panel = fixture.finished();
        SessionReview review = as(panel.lead(), "INTERVIEWER", () -> reviews.review(panel.sessionId()));
        List<Moment> prompts = review.timeline().stream().filter(m -> m.kind() == MomentKind.PROMPT).toList();

        var first = as(panel.lead(), "INTERVIEWER", () -> reviews.screenAt(panel.sessionId(), prompts.get(1).seq()));
        assertThat(first.scenario().index()).isZero();
        assertThat(first.scenario().questions()).hasSize(1);
        var last = as(panel.lead(), "INTERVIEWER", () -> reviews.screenAt(panel.sessionId(), prompts.get(2).seq()));
        assertThat(last.scenario().index()).isEqualTo(1);
        assertThat(last.scenario().questions()).isEmpty();
        Moment note = review.timeline().stream().filter(m -> m.text().equals(ReviewFixture.LEAD_NOTE)).findFirst()
                .orElseThrow();
        var atNote = as(panel.lead(), "INTERVIEWER", () -> reviews.screenAt(panel.sessionId(), note.seq()));
        assertThat(atNote.scenario().questions()).hasSize(1);
    }

    @Test
    void time_is_counted_per_scenario_and_area_from_the_pushes_without_the_paused_spans() {
        TestPanel.Panel panel = fixture.finished();
        long id = panel.sessionId();
        // Put the log on a known clock: each event one minute after the one before.
        Instant base = Instant.parse("2030-01-01T10:00:00Z");
        jdbc.sql("""
                update session_event e set created_at = ? + (x.n * interval '1 minute')
                  from (select seq, row_number() over (order by seq) - 1 as n from session_event where session_id = ?) x
                 where e.session_id = ? and e.seq = x.seq""")
                .params(base.atOffset(ZoneOffset.UTC), id, id).update();
        jdbc.sql("update panel_session set started_at = (select min(created_at) from session_event where session_id = ? "
                        + "and type = 'SESSION_STARTED'), ended_at = (select max(created_at) from session_event "
                        + "where session_id = ? and type = 'SESSION_ENDED') where id = ?")
                .params(id, id, id).update();
        List<String> types = jdbc.sql("select type from session_event where session_id = ? order by seq").param(id)
                .query(String.class).list();
        int overview0 = types.indexOf("PROMPT_PUSHED");
        int question0 = types.subList(overview0 + 1, types.size()).indexOf("PROMPT_PUSHED") + overview0 + 1;
        int overview1 = types.lastIndexOf("PROMPT_PUSHED");
        int end = types.indexOf("SESSION_ENDED");

        SessionReview review = as(panel.lead(), "INTERVIEWER", () -> reviews.review(id));

        assertThat(review.timeSpent().get(0).spent()).isEqualTo(Duration.ofMinutes(overview1 - overview0));
        assertThat(review.timeSpent().get(0).areas().get(0).spent()).isEqualTo(Duration.ofMinutes(overview1 - question0));
        assertThat(review.timeSpent().get(0).areas().get(1).spent()).isZero();
        assertThat(review.timeSpent().get(1).spent()).isEqualTo(Duration.ofMinutes(end - overview1));
    }

    @Test
    void the_whole_review_takes_ten_statements_whatever_the_session_holds() {
        TestPanel.Panel small = fixture.finished();
        TestPanel.Panel busy = fixture.finished();
        as(busy.lead(), "INTERVIEWER", () -> {
            for (int i = 0; i < 15; i++) {
                jdbc.sql("insert into session_note (session_id, author, text, offset_ms, created_at, updated_at) "
                                + "values (?, ?, ?, ?, now(), now())")
                        .params(busy.sessionId(), busy.lead(), "extra " + i, 1000L * i).update();
            }
        });
        var smallCount = QueryCounter.counted(() -> as(small.lead(), "INTERVIEWER", () -> reviews.review(small.sessionId())));
        var busyCount = QueryCounter.counted(() -> as(busy.lead(), "INTERVIEWER", () -> reviews.review(busy.sessionId())));

        assertThat(smallCount.count()).as(String.join("\n", smallCount.statements())).isEqualTo(10);
        assertThat(busyCount.count()).isEqualTo(10);
        assertThat(busyCount.value().timeline().size()).isGreaterThan(smallCount.value().timeline().size() + 14);
    }

    // --- the verdict ------------------------------------------------------------------------------------

    @Test
    void the_lead_records_the_verdict_and_changes_it_with_the_version_seen() {
        TestPanel.Panel panel = fixture.finished();
        long id = panel.sessionId();
        RecordedVerdict first = as(panel.lead(), "INTERVIEWER",
                () -> reviews.recordVerdict(id, new VerdictInput(3, "  Solid on both  ", null)));
        assertThat(first.version()).isZero();
        assertThat(first.verdict().note()).isEqualTo("Solid on both");
        assertThat(first.verdict().recordedBy()).isEqualTo("Lee Lead");
        RecordedVerdict second = as(panel.lead(), "INTERVIEWER",
                () -> reviews.recordVerdict(id, new VerdictInput(4, "On reflection", 0L)));
        assertThat(second.version()).isEqualTo(1);

        SessionReview review = as(panel.panelist(), "INTERVIEWER", () -> reviews.review(id));
        assertThat(review.verdict()).isNotNull().extracting(SessionReview.Verdict::recommendation).isEqualTo(4);
        assertThat(texts(review, MomentKind.VERDICT))
                .containsExactly("Recorded the panel's verdict", "Changed the panel's verdict");
        assertThat(log.last(id, SessionEvents.VerdictRecorded.class)).contains(new SessionEvents.VerdictRecorded(1));
    }

    @Test
    void a_verdict_changed_meanwhile_is_refused_not_overwritten() {
        TestPanel.Panel panel = fixture.finished();
        long id = panel.sessionId();
        as(panel.lead(), "INTERVIEWER", () -> reviews.recordVerdict(id, new VerdictInput(3, "first", null)));
        as(panel.lead(), "INTERVIEWER", () -> reviews.recordVerdict(id, new VerdictInput(2, "second tab", 0L)));

        assertThatThrownBy(() -> as(panel.lead(), "INTERVIEWER",
                () -> reviews.recordVerdict(id, new VerdictInput(4, "stale tab", 0L))))
                .isInstanceOf(ReviewException.class).hasMessageContaining("changed meanwhile by Lee Lead");
        assertThatThrownBy(() -> as(panel.lead(), "INTERVIEWER",
                () -> reviews.recordVerdict(id, new VerdictInput(4, "thought it was new", null))))
                .isInstanceOf(ReviewException.class);
        var kept = as(panel.lead(), "INTERVIEWER", () -> reviews.verdict(id)).orElseThrow();
        assertThat(kept.verdict().note()).isEqualTo("second tab");
        assertThat(kept.version()).isEqualTo(1);
    }

    @Test
    void only_the_lead_records_the_verdict() {
        TestPanel.Panel panel = fixture.finished();
        long id = panel.sessionId();
        for (String[] who : List.of(new String[] {panel.panelist(), "INTERVIEWER"}, new String[] {panel.coach(), "COACH"},
                new String[] {"fixture-admin", "ADMIN"})) {
            assertThatThrownBy(() -> as(who[0], who[1], () -> reviews.recordVerdict(id, new VerdictInput(3, "", null))))
                    .isInstanceOf(ReviewException.class)
                    .hasMessage("Only the lead interviewer records the panel's verdict.");
        }
        assertThatThrownBy(() -> as(panel.outsider(), "INTERVIEWER",
                () -> reviews.recordVerdict(id, new VerdictInput(3, "", null)))).isInstanceOf(AccessDeniedException.class);
        assertThat(as(panel.lead(), "INTERVIEWER", () -> reviews.verdict(id))).isEmpty();
    }

    @Test
    void bad_verdict_input_is_refused_with_what_is_allowed_and_nothing_is_saved() {
        TestPanel.Panel panel = fixture.finished();
        long id = panel.sessionId();
        assertThatThrownBy(() -> as(panel.lead(), "INTERVIEWER", () -> reviews.recordVerdict(id,
                new VerdictInput(null, "", null)))).hasMessage(
                        "Choose the panel's recommendation (1 strong no, 2 no, 3 yes, 4 strong yes).");
        assertThatThrownBy(() -> as(panel.lead(), "INTERVIEWER", () -> reviews.recordVerdict(id,
                new VerdictInput(5, "", null)))).hasMessage(
                        "The recommendation must be 1 to 4 (1 strong no, 2 no, 3 yes, 4 strong yes); 5 is not on the scale.");
        assertThatThrownBy(() -> as(panel.lead(), "INTERVIEWER", () -> reviews.recordVerdict(id,
                new VerdictInput(3, "x".repeat(5001), null)))).hasMessage(
                        "The note has 5001 characters; at most 5000 are allowed.");
        assertThat(as(panel.lead(), "INTERVIEWER", () -> reviews.verdict(id))).isEmpty();
        assertThat(jdbc.sql("select count(*) from session_event where session_id = ? and type = 'VERDICT_RECORDED'")
                .param(id).query(Integer.class).single()).isZero();
    }

    @Test
    void the_verdict_waits_for_the_end_or_for_every_scenario_to_be_revealed() {
        TestPanel.Panel live = fixture.happened(); // scenario 1 not revealed yet
        assertThatThrownBy(() -> as(live.lead(), "INTERVIEWER",
                () -> reviews.recordVerdict(live.sessionId(), new VerdictInput(3, "", null))))
                .hasMessage("The verdict is recorded after the session, or during it once the scores of every "
                        + "scenario have been revealed.");
        as(live.lead(), "INTERVIEWER", () -> scoringReveal(live.sessionId(), 1));
        assertThat(as(live.lead(), "INTERVIEWER",
                () -> reviews.recordVerdict(live.sessionId(), new VerdictInput(3, "", null))).version()).isZero();
    }

    @Autowired
    io.mockpanel.scoring.ScoringService scoring;

    private void scoringReveal(long sessionId, int scenario) {
        scoring.reveal(sessionId, scenario);
    }
}
