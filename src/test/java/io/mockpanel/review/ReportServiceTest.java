package io.mockpanel.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** Development reports: who writes and reads them, what is quoted, autosave, release and the candidate's link. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ReportServiceTest {

    @Autowired
    ReportService reports;

    @Autowired
    ReportFixture fixture;

    @Autowired
    TestPanel testPanel;

    @Autowired
    JdbcClient jdbc;

    private ReportFixture.Done done;
    private long session;
    private String coach;

    @BeforeEach
    void completedSession() {
        done = fixture.completed();
        session = done.panel().sessionId();
        coach = done.panel().coach();
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private <T> T asCoach(java.util.function.Supplier<T> action) {
        return TestUsers.as(coach, "COACH", action);
    }

    /** The fresh draft with a summary and, optionally, the shared note quoted in the first area. */
    private ReportContent written(String summary, boolean quote, boolean consensus, boolean panelScores) {
        ReportContent fresh = asCoach(() -> reports.edit(session)).content();
        List<ReportContent.AreaFeedback> areas = new ArrayList<>(fresh.areas());
        areas.set(0, areas.get(0).withFeedback("Structured answers in this area.")
                .withQuotes(quote ? List.of(new ReportContent.Quote(done.sharedNote(), 0, "whatever the page sent"))
                        : List.of()));
        return new ReportContent(summary, "Clear structure", "Budget questions", areas, consensus, panelScores);
    }

    private ReportService.Release releasedWith(ReportContent content) {
        asCoach(() -> reports.save(session, content, asCoach(() -> reports.edit(session)).version()));
        return asCoach(() -> reports.release(session));
    }

    @Test
    void a_coach_writes_a_draft_and_each_save_moves_the_version_on() {
        ReportService.Draft fresh = asCoach(() -> reports.edit(session));
        assertThat(fresh.version()).isZero();
        assertThat(fresh.content().areas()).isNotEmpty().allMatch(a -> !a.areaTitle().isBlank());

        ReportService.Saved first = asCoach(() -> reports.save(session, written("Good session", false, false, false), 0));
        ReportService.Saved second = asCoach(() -> reports.save(session,
                written("Good session, well done", false, false, false), first.version()));

        assertThat(second.version()).isEqualTo(first.version() + 1);
        assertThat(asCoach(() -> reports.edit(session)).content().summary()).isEqualTo("Good session, well done");
    }

    @Test
    void only_coaches_write_a_report() {
        ReportContent content = written("Summary", false, false, false);
        assertThatThrownBy(() -> TestUsers.as(done.panel().lead(), "INTERVIEWER",
                () -> reports.save(session, content, 0))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestUsers.as("fixture-admin", "ADMIN",
                () -> reports.save(session, content, 0))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestUsers.as(done.panel().lead(), "INTERVIEWER",
                () -> reports.release(session))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestUsers.as(done.panel().lead(), "INTERVIEWER",
                () -> reports.edit(session))).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.sql("select count(*) from development_report where session_id = ?").param(session)
                .query(Long.class).single()).isZero();
    }

    @Test
    void the_evidence_lists_shared_notes_only_and_a_private_note_cannot_be_quoted() {
        ReportService.Draft draft = asCoach(() -> reports.edit(session));
        assertThat(draft.notes()).extracting(ReportService.QuotableNote::text)
                .contains(ReportFixture.SHARED_NOTE).doesNotContain(ReportFixture.PRIVATE_NOTE);

        ReportContent fresh = draft.content();
        List<ReportContent.AreaFeedback> areas = new ArrayList<>(fresh.areas());
        areas.set(0, areas.get(0).withQuotes(List.of(new ReportContent.Quote(done.privateNote(), 0, "x"))));
        ReportContent quotingPrivate = new ReportContent("Summary", "", "", areas, false, false);

        assertThatThrownBy(() -> asCoach(() -> reports.save(session, quotingPrivate, 0)))
                .isInstanceOf(ReviewException.class).hasMessageContaining("private notes never can");
        assertThat(jdbc.sql("select count(*) from development_report where session_id = ?").param(session)
                .query(Long.class).single()).as("nothing half-saved").isZero();
    }

    @Test
    void a_quote_keeps_the_notes_text_as_it_was_when_picked() {
        ReportService.Saved saved = asCoach(() -> reports.save(session, written("S", true, false, false), 0));
        assertThat(saved.content().areas().get(0).quotes()).extracting(ReportContent.Quote::text)
                .as("the server's snapshot, not what the page sent").containsExactly(ReportFixture.SHARED_NOTE);

        jdbc.sql("update session_note set text = 'edited later' where id = ?").param(done.sharedNote()).update();
        ReportService.Saved again = asCoach(() -> reports.save(session, saved.content(), saved.version()));

        assertThat(again.content().areas().get(0).quotes()).extracting(ReportContent.Quote::text)
                .containsExactly(ReportFixture.SHARED_NOTE);
    }

    @Test
    void a_save_from_an_older_version_is_refused_and_overwrites_nothing() {
        ReportService.Saved first = asCoach(() -> reports.save(session, written("Tab one", false, false, false), 0));
        asCoach(() -> reports.save(session, written("Tab one again", false, false, false), first.version()));

        assertThatThrownBy(() -> asCoach(() -> reports.save(session, written("Tab two", false, false, false),
                first.version()))).isInstanceOf(ReportConflictException.class)
                .hasMessageContaining("changed elsewhere");
        assertThatThrownBy(() -> asCoach(() -> reports.save(session, written("A third tab", false, false, false), 0)))
                .as("a tab that opened before the first save").isInstanceOf(ReportConflictException.class);
        assertThat(asCoach(() -> reports.edit(session)).content().summary()).isEqualTo("Tab one again");
    }

    @Test
    void a_released_report_opens_by_its_link_and_later_edits_stay_in_the_draft_until_released_again() {
        ReportService.Release release = releasedWith(written("First version", true, false, false));
        String token = release.newLink().token();

        ReleasedReport read = reports.byLink(token).orElseThrow();
        assertThat(read.summary()).isEqualTo("First version");
        assertThat(read.candidateName()).isEqualTo("Casey Candidate");
        assertThat(read.areas().get(0).quotes()).extracting(ReportContent.Quote::text)
                .containsExactly(ReportFixture.SHARED_NOTE);

        long version = asCoach(() -> reports.edit(session)).version();
        asCoach(() -> reports.save(session, written("Second version", true, false, false), version));
        assertThat(reports.byLink(token).orElseThrow().summary()).isEqualTo("First version");
        assertThat(asCoach(() -> reports.state(session)).changedSinceRelease()).isTrue();

        ReportService.Release again = asCoach(() -> reports.release(session));
        assertThat(again.newLink()).as("the working link stays").isNull();
        assertThat(reports.byLink(token).orElseThrow().summary()).isEqualTo("Second version");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'RELEASED_REPORT' and subject = ?")
                .param("session " + session).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void individual_scores_reach_the_candidate_only_when_included() {
        ReportService.Release release = releasedWith(written("S", false, false, false));
        ReleasedReport.Area first = reports.byLink(release.newLink().token()).orElseThrow().areas().get(0);
        assertThat(first.panelScores()).isEmpty();
        assertThat(first.consensus()).isNull();

        long version = asCoach(() -> reports.edit(session)).version();
        asCoach(() -> reports.save(session, written("S", false, true, true), version));
        asCoach(() -> reports.release(session));
        first = reports.byLink(release.newLink().token()).orElseThrow().areas().get(0);
        assertThat(first.consensus()).isEqualTo(ReportFixture.CONSENSUS);
        assertThat(first.panelScores()).containsExactly(ReportFixture.LEAD_SCORE, ReportFixture.PANELIST_SCORE);
    }

    @Test
    void revoked_expired_replaced_and_unknown_links_are_all_refused_alike(CapturedOutput output) {
        String first = releasedWith(written("S", false, false, false)).newLink().token();
        String second = asCoach(() -> reports.reissueLink(session)).token();
        assertThat(reports.byLink(first)).as("replaced").isEmpty();
        assertThat(reports.byLink(second)).isPresent();

        asCoach(() -> {
            reports.revokeLink(session);
            return null;
        });
        assertThat(reports.byLink(second)).as("revoked").isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'REVOKED_REPORT_LINK' and subject = ?")
                .param("session " + session).query(Long.class).single()).isEqualTo(2);

        String third = asCoach(() -> reports.reissueLink(session)).token();
        assertThat(reports.byLink(third)).isPresent();
        jdbc.sql("update report_link set expires_at = now() - interval '1 minute' where token_hash is not null "
                + "and report_id = (select id from development_report where session_id = ?)").param(session).update();
        assertThat(reports.byLink(third)).as("expired").isEmpty();
        assertThat(asCoach(() -> reports.state(session)).link().expired()).isTrue();

        assertThat(reports.byLink(io.mockpanel.panel.InviteTokens.newToken())).as("unknown").isEmpty();
        assertThat(reports.byLink("not-a-token")).as("malformed").isEmpty();
        assertThat(output.getAll()).as("tokens never reach the log").doesNotContain(first).doesNotContain(second)
                .doesNotContain(third).contains("Report link refused: revoked").contains("Report link refused: expired");
    }

    @Test
    void the_sessions_panel_reads_the_released_report_and_nobody_else_but_coaches_and_admins() {
        releasedWith(written("Released text", false, false, false));
        long version = asCoach(() -> reports.edit(session)).version();
        asCoach(() -> reports.save(session, written("Unreleased draft", false, false, false), version));

        assertThat(TestUsers.as(done.panel().panelist(), "INTERVIEWER", () -> reports.released(session))
                .orElseThrow().summary()).isEqualTo("Released text");
        ReportService.ReportState seenByPanel = TestUsers.as(done.panel().panelist(), "INTERVIEWER",
                () -> reports.state(session));
        assertThat(seenByPanel.draftSavedAt()).as("interviewers do not see drafts").isNull();
        assertThat(seenByPanel.mayWrite()).isFalse();
        assertThatThrownBy(() -> TestUsers.as(done.panel().panelist(), "INTERVIEWER", () -> reports.draftPreview(session)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestUsers.as(done.panel().outsider(), "INTERVIEWER", () -> reports.released(session)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(TestUsers.as("fixture-admin", "ADMIN", () -> reports.draftPreview(session)).orElseThrow().summary())
                .isEqualTo("Unreleased draft");
    }

    @Test
    void a_report_waits_for_the_end_of_the_session_and_needs_a_summary_to_be_released() {
        TestPanel.Panel live = testPanel.live();
        assertThatThrownBy(() -> TestUsers.as(live.coach(), "COACH", () -> reports.save(live.sessionId(),
                new ReportContent("S", "", "", List.of(), false, false), 0)))
                .isInstanceOf(ReviewException.class).hasMessageContaining("completed");

        asCoach(() -> reports.save(session, written("", false, false, false), 0));
        assertThatThrownBy(() -> asCoach(() -> reports.release(session))).isInstanceOf(ReviewException.class)
                .hasMessageContaining("summary");
        assertThat(jdbc.sql("select count(*) from report_link l join development_report r on r.id = l.report_id "
                + "where r.session_id = ?").param(session).query(Long.class).single()).isZero();
    }

    @Test
    void an_overlong_text_is_refused_with_the_limit() {
        ReportContent content = written("x".repeat(ReportContent.MAX_TEXT + 1), false, false, false);
        assertThatThrownBy(() -> asCoach(() -> reports.save(session, content, 0))).isInstanceOf(ReviewException.class)
                .hasMessageContaining("at most 5000");
    }
}
