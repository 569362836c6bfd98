package io.mockpanel.review.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import io.mockpanel.panel.InviteTokens;
import io.mockpanel.review.ReportContent;
import io.mockpanel.review.ReportFixture;
import io.mockpanel.review.ReportService;
import io.mockpanel.support.KaribuTest;
import io.mockpanel.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The candidate's report page: the released report only, by link, without an account. */
class CandidateReportViewTest extends KaribuTest {

    @Autowired
    ReportFixture fixture;

    @Autowired
    ReportService reports;

    @Autowired
    JdbcClient jdbc;

    private ReportFixture.Done done;

    @BeforeEach
    void completedSession() {
        done = fixture.completed();
    }

    /** Saves and releases a report quoting the shared note; returns the token of a new link. */
    private String release(String summary, boolean consensus, boolean panelScores) {
        return TestUsers.as(done.panel().coach(), "COACH", () -> {
            long id = done.panel().sessionId();
            var draft = reports.edit(id);
            List<ReportContent.AreaFeedback> areas = new ArrayList<>(draft.content().areas());
            areas.set(0, areas.get(0).withFeedback("Your examples were concrete.")
                    .withQuotes(List.of(new ReportContent.Quote(done.sharedNote(), 0, ""))));
            reports.save(id, new ReportContent(summary, "Clear structure", "Talk about budgets", areas, consensus,
                    panelScores), draft.version());
            reports.release(id);
            return reports.reissueLink(id).token();
        });
    }

    private String page(String token) {
        logout();
        UI.getCurrent().navigate("report/" + token);
        MockVaadin.clientRoundtrip(false);
        return ReviewViewSupport.allTexts();
    }

    @Test
    void the_candidate_reads_the_released_report_with_their_name_the_session_and_the_quote() {
        String text = page(release("You did well overall.", false, false));

        assertThat(text).contains("Development report").contains("Casey Candidate").contains("Test panel")
                .contains("You did well overall.").contains("Clear structure").contains("Talk about budgets")
                .contains("Your examples were concrete.").contains(ReportFixture.SHARED_NOTE)
                .doesNotContain(ReportFixture.PRIVATE_NOTE)
                .doesNotContain("Individual panel scores").doesNotContain("agreed score")
                .doesNotContain("Pat Panelist").doesNotContain("Lee Lead").doesNotContain("because");
    }

    @Test
    void individual_scores_appear_only_when_the_coach_included_them() {
        String text = page(release("Summary", true, true));
        assertThat(text).contains("Panel's agreed score: 3 · Yes")
                .contains("Individual panel scores: 2 · No, 4 · Strong yes")
                .doesNotContain("Pat Panelist").doesNotContain("Lee Lead");
    }

    @Test
    void edits_after_the_release_stay_off_the_candidates_page() {
        String token = release("Released words", false, false);
        TestUsers.as(done.panel().coach(), "COACH", () -> {
            var draft = reports.edit(done.panel().sessionId());
            reports.save(done.panel().sessionId(), new ReportContent("Unreleased words", "", "",
                    draft.content().areas(), false, false), draft.version());
        });
        assertThat(page(token)).contains("Released words").doesNotContain("Unreleased words");
    }

    @Test
    void unknown_revoked_and_expired_links_get_the_same_calm_page() {
        String token = release("Summary", false, false);
        String unknown = refusal(InviteTokens.newToken());
        String malformed = refusal("nonsense");

        TestUsers.as(done.panel().coach(), "COACH", () -> reports.revokeLink(done.panel().sessionId()));
        String revoked = refusal(token);

        String fresh = TestUsers.as(done.panel().coach(), "COACH",
                () -> reports.reissueLink(done.panel().sessionId()).token());
        jdbc.sql("update report_link set expires_at = now() - interval '1 second' "
                + "where report_id = (select id from development_report where session_id = ?)")
                .param(done.panel().sessionId()).update();
        String expired = refusal(fresh);

        assertThat(List.of(unknown, malformed, revoked, expired)).containsOnly(CandidateReportView.REFUSED_TEXT);
    }

    private String refusal(String token) {
        String text = page(token);
        assertThat(text).doesNotContain("Summary").doesNotContain("Casey");
        return _get(Paragraph.class, spec -> spec.withId("report-refused")).getText();
    }
}
