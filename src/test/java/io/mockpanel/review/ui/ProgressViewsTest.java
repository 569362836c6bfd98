package io.mockpanel.review.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteNotFoundError;
import com.vaadin.flow.server.VaadinServletRequest;
import io.mockpanel.panel.QuickTag;
import io.mockpanel.review.Candidate;
import io.mockpanel.review.CandidateService;
import io.mockpanel.review.ProgressFixture;
import io.mockpanel.security.AccountRole;
import io.mockpanel.support.KaribuTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/** The candidates list, a candidate's progress (charts, table fallback, merge) and calibration. */
class ProgressViewsTest extends KaribuTest {

    @Autowired
    ProgressFixture fixture;
    @Autowired
    CandidateService candidates;
    @Autowired
    JdbcClient jdbc;

    String lead;
    String panelist;
    String coach;
    String name;
    long candidate;

    @BeforeEach
    void threeSessions() {
        lead = fixture.account("lead", "Lee Lead", AccountRole.INTERVIEWER);
        panelist = fixture.account("pan", "Pat Panelist", AccountRole.INTERVIEWER);
        coach = fixture.account("coach", "Cory Coach", AccountRole.COACH);
        name = "Ann <script>alert(1)</script> " + ProgressFixture.suffix();
        String email = "ann-" + ProgressFixture.suffix() + "@example.com";
        int day = 1;
        for (int[] scores : new int[][] {{2, 2}, {3, 2}, {3, 4}}) {
            long session = fixture.session(lead, List.of(panelist), name, email);
            fixture.held(session, LocalDate.of(2002, day++, 5));
            fixture.sheet(session, 0, lead, scores[0], scores[1]);
            fixture.sheet(session, 0, panelist, scores[0], scores[1]);
            fixture.reveal(session, 0, lead);
            fixture.tag(session, panelist, QuickTag.TOO_VAGUE, 4 - day);
            candidate = fixture.candidateOf(session);
        }
    }

    /** Signs in for real (the review services read the account's role from its principal). */
    private void signIn(String username, String role) {
        login(username, role);
        var authentication = fixture.authenticate(username);
        SecurityContextHolder.getContext().setAuthentication(authentication);
        ((FakeRequest) VaadinServletRequest.getCurrent().getRequest()).setUserPrincipalInt(authentication);
    }

    private CandidateProgressView openProgress(long id) {
        UI.getCurrent().navigate("candidates/" + id);
        MockVaadin.clientRoundtrip(false);
        return _get(CandidateProgressView.class);
    }

    @Test
    void the_progress_page_shows_the_score_chart_with_escaped_labels_and_a_table_on_request() {
        signIn(coach, "COACH");
        openProgress(candidate);

        ChartCard scores = _get(ChartCard.class, spec -> spec.withId("score-chart"));
        String svg = scores.chart.getElement().getProperty("innerHTML");
        assertThat(svg).startsWith("<svg").contains("role=\"img\"").contains("Overall")
                .doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(_find(scores, Svg.class)).hasSize(1);
        assertThat(scores.table.isVisible()).isFalse();

        _click(scores.toggle);

        assertThat(scores.table.isVisible()).isTrue();
        assertThat(scores.chart.isVisible()).isFalse();
        assertThat(scores.toggle.getText()).isEqualTo("Show as chart");
        // a header row and one row per session, oldest first; Overall of the first session: (2 + 2) / 2
        List<NativeTableRow> rows = _find(scores.table, NativeTableRow.class);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1).getElement().getTextRecursively()).startsWith("5 Jan 2002").contains("2.0");
        assertThat(rows.get(3).getElement().getTextRecursively()).startsWith("5 Mar 2002").contains("3.5");

        ChartCard tags = _get(ChartCard.class, spec -> spec.withId("tag-chart"));
        assertThat(tags.chart.getElement().getProperty("innerHTML")).contains("Too vague").contains("data-value=\"2\"");
        assertThat(_get(com.vaadin.flow.component.html.UnorderedList.class, spec -> spec.withId("scenarios-done"))
                .getChildren().count()).isEqualTo(2);
    }

    @Test
    void a_candidate_without_sessions_that_took_place_gets_an_explanation_instead_of_charts() {
        long fresh = fixture.candidateOf(fixture.session(lead, List.of(), "Nia New", null));
        signIn(coach, "COACH");
        openProgress(fresh);

        assertThat(_get(Paragraph.class, spec -> spec.withId("progress-empty")).getText())
                .contains("no session yet");
        assertThat(_find(ChartCard.class)).isEmpty();
    }

    @Test
    void merging_asks_first_and_merges_only_on_confirmation() {
        long duplicate = fixture.candidateOf(fixture.session(lead, List.of(), "A. N. Other", null));
        signIn(coach, "COACH");
        openProgress(candidate);

        _click(_get(Button.class, spec -> spec.withId("merge")));
        MergeDialog dialog = _get(MergeDialog.class);
        Candidate other = fixture.as(coach, () -> candidates.candidate(duplicate)).orElseThrow();
        dialog.other.setValue(other);
        _click(dialog.merge);

        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("merge-confirm"));
        assertThat(confirm.isOpened()).isTrue();
        assertThat(jdbc.sql("select count(*) from candidate where id = ?").param(duplicate).query(Integer.class).single())
                .as("nothing merged before the confirmation").isEqualTo(1);

        ConfirmDialogKt._fireConfirm(confirm);

        assertThat(jdbc.sql("select count(*) from candidate where id = ?").param(duplicate).query(Integer.class).single())
                .isZero();
        // the page shows the kept record with the merged session among its own
        assertThat(_get(com.vaadin.flow.component.html.UnorderedList.class, spec -> spec.withId("candidate-sessions"))
                .getChildren().count()).isEqualTo(4);
    }

    @Test
    void the_merge_button_stays_off_for_the_same_record() {
        signIn(coach, "COACH");
        openProgress(candidate);
        _click(_get(Button.class, spec -> spec.withId("merge")));
        MergeDialog dialog = _get(MergeDialog.class);

        dialog.other.setValue(fixture.as(coach, () -> candidates.candidate(candidate)).orElseThrow());

        assertThat(dialog.merge.isEnabled()).isFalse();
        assertThat(dialog.other.getHelperText()).contains("this record");
    }

    @Test
    void the_candidates_list_finds_by_name_and_says_when_nothing_matches() {
        signIn(coach, "COACH");
        UI.getCurrent().navigate("candidates");
        CandidatesView view = _get(CandidatesView.class);

        _get(TextField.class, spec -> spec.withId("candidate-search")).setValue(name);
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        assertThat(GridKt._get(view.grid, 0).id()).isEqualTo(candidate);

        view.search.setValue("no such person " + ProgressFixture.suffix());
        assertThat(view.grid.isVisible()).isFalse();
        assertThat(view.empty.isVisible()).isTrue();
        assertThat(view.empty.getText()).contains("No candidate");
    }

    @Test
    void interviewers_get_neither_candidates_nor_calibration() {
        signIn(lead, "INTERVIEWER");
        for (String route : List.of("candidates", "candidates/" + candidate, "calibration")) {
            UI.getCurrent().navigate(route);
            MockVaadin.clientRoundtrip(false);
            assertThat(UI.getCurrent().getCurrentView()).as(route).isInstanceOf(RouteNotFoundError.class);
        }
    }

    @Test
    void calibration_shows_a_chart_and_a_table_and_an_empty_range_says_so() {
        signIn(coach, "COACH");
        UI.getCurrent().navigate("calibration");
        CalibrationView view = _get(CalibrationView.class);
        view.from.setValue(LocalDate.of(2002, 1, 1));
        view.to.setValue(LocalDate.of(2002, 12, 31));

        var shown = GridKt._findAll(view.grid).stream().map(i -> i.username()).toList();
        assertThat(shown).contains(lead, panelist);
        ChartCard card = _get(view.chart, ChartCard.class);
        assertThat(card.chart.getElement().getProperty("innerHTML")).contains("lenient").contains("Lee Lead");
        _click(card.toggle);
        assertThat(card.table.isVisible()).isTrue();
        assertThat(_find(card.table, NativeTableRow.class).size()).isGreaterThanOrEqualTo(3);
        assertThat(view.empty.isVisible()).isFalse();

        view.from.setValue(LocalDate.of(1990, 1, 1));
        view.to.setValue(LocalDate.of(1990, 1, 2));
        assertThat(view.empty.isVisible()).isTrue();
        assertThat(view.grid.isVisible()).isFalse();
        assertThat(_find(view.chart, ChartCard.class)).isEmpty();
    }

}
