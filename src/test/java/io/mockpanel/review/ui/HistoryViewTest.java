package io.mockpanel.review.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteNotFoundError;
import io.mockpanel.panel.NoteService;
import io.mockpanel.panel.SessionState;
import io.mockpanel.review.HistoryRow;
import io.mockpanel.review.VerdictFilter;
import io.mockpanel.security.AppRoles;
import io.mockpanel.support.KaribuTest;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The history screen: filters, the address that keeps them, opening a row, bad input, who may open it. */
class HistoryViewTest extends KaribuTest {

    @Autowired
    TestPanel testPanel;
    @Autowired
    NoteService notes;

    TestPanel.Panel panel;
    String word;

    @BeforeEach
    void aPanelWithANote() {
        panel = testPanel.live();
        word = "heron" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50), 36);
        TestUsers.as(panel.lead(), "INTERVIEWER", () -> {
            notes.saveNote(panel.sessionId(), null, 0, "Talked about <script>alert(1)</script> and " + word, false);
        });
    }

    @Test
    void a_coach_filters_by_words_and_the_address_keeps_them() {
        login(panel.coach(), AppRoles.COACH);
        HistoryView view = open("history");
        view.filters.search.setValue(word);

        assertThat(ids(view)).containsExactly(panel.sessionId());
        assertThat(view.count.getText()).isEqualTo("1 session");
        assertThat(view.location.getPathWithQueryParameters()).isEqualTo("history?q=" + word);
        HistoryRow row = GridKt._get(view.grid, 0);
        assertThat(row.excerpt()).anyMatch(part -> part.match() && part.text().equals(word));
        // The excerpt is text: PostgreSQL's headline leaves the note's tags out, the view sets it as text.
        assertThat(row.excerpt()).anyMatch(part -> part.text().contains("alert(1)"))
                .noneMatch(part -> part.text().contains("<script"));
    }

    @Test
    void the_filters_come_back_from_the_address() {
        login(panel.coach(), AppRoles.COACH);
        LocalDate today = LocalDate.now();
        HistoryView view = open("history?q=" + word + "&state=live&verdict=not-recorded&interviewer=" + panel.lead()
                + "&from=" + today + "&to=" + today + "&candidate=nonsense&scenario=");

        assertThat(view.filters.search.getValue()).isEqualTo(word);
        assertThat(view.filters.state.getValue()).isEqualTo(SessionState.LIVE);
        assertThat(view.filters.verdict.getValue()).isEqualTo(VerdictFilter.NOT_RECORDED);
        assertThat(view.filters.interviewer.getValue().key()).isEqualTo(panel.lead());
        assertThat(view.filters.from.getValue()).isEqualTo(today);
        assertThat(view.filters.candidate.getValue()).isNull();
        assertThat(ids(view)).containsExactly(panel.sessionId());

        view.filters.state.setValue(SessionState.COMPLETED);
        assertThat(ids(view)).isEmpty();
        assertThat(view.location.getQueryParameters().getParameters().get("state")).containsExactly("completed");
        assertThat(view.grid.getEmptyStateText()).contains("No sessions match these filters");

        view.filters.clear.click();
        assertThat(view.location.getPathWithQueryParameters()).isEqualTo("history");
        assertThat(view.filters.state.getValue()).isNull();
    }

    @Test
    void a_row_opens_the_sessions_review() {
        login(panel.coach(), AppRoles.COACH);
        HistoryView view = open("history?interviewer=" + panel.lead());
        assertThat(ids(view)).containsExactly(panel.sessionId());

        GridKt._clickItem(view.grid, 0);

        // The review view is another part of issue 8: either it is there and open, or the router
        // names the address it was asked for.
        String review = "sessions/" + panel.sessionId() + "/review";
        if (UI.getCurrent().getCurrentView() instanceof RouteNotFoundError) {
            assertThat(_get(Html.class).getInnerHtml()).contains(review);
        } else {
            assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo(review);
        }
    }

    @Test
    void bad_input_is_explained_in_place() {
        login(panel.lead(), AppRoles.INTERVIEWER);
        HistoryView view = open("history");
        LocalDate today = LocalDate.now();
        view.filters.from.setValue(today);
        view.filters.to.setValue(today.minusDays(2));
        assertThat(view.filters.to.isInvalid()).isTrue();
        assertThat(view.filters.to.getErrorMessage()).contains("after the end date");
        assertThat(view.message.getText()).contains("after the end date");
        assertThat(ids(view)).isEmpty();

        view.filters.to.clear();
        assertThat(view.filters.to.isInvalid()).isFalse();
        assertThat(ids(view)).contains(panel.sessionId());

        view.filters.search.setValue(":*&|!()'\"");
        assertThat(view.filters.search.isInvalid()).isTrue();
        assertThat(view.filters.search.getErrorMessage()).contains("Nothing to search for");

        HistoryView pasted = open("history?q=" + "a".repeat(2000));
        assertThat(pasted.filters.search.isInvalid()).isTrue();
        assertThat(pasted.filters.search.getErrorMessage()).contains("at most 200");
    }

    @Test
    void an_interviewer_sees_only_their_sessions_and_a_helpful_empty_state() {
        login(panel.outsider(), AppRoles.INTERVIEWER);
        HistoryView view = open("history");
        assertThat(ids(view)).isEmpty();
        assertThat(view.count.getText()).isEqualTo("0 sessions");
        assertThat(view.grid.getEmptyStateText()).contains("interviewers see the sessions they sat on");
    }

    @Test
    void a_candidate_cannot_open_the_history() {
        login("candidate-" + word, AppRoles.CANDIDATE);
        UI.getCurrent().navigate("history");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(RouteNotFoundError.class);
        _assertNone(HistoryView.class);
    }

    @Test
    void a_visitor_is_sent_to_sign_in() {
        UI.getCurrent().navigate("history");
        _assertNone(HistoryView.class);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("login");
    }

    private static HistoryView open(String location) {
        int query = location.indexOf('?');
        if (query < 0) {
            UI.getCurrent().navigate(location);
        } else {
            UI.getCurrent().navigate(location.substring(0, query),
                    QueryParameters.fromString(location.substring(query + 1)));
        }
        return (HistoryView) UI.getCurrent().getCurrentView();
    }

    private static List<Long> ids(HistoryView view) {
        return GridKt._findAll(view.grid).stream().map(HistoryRow::id).toList();
    }
}
