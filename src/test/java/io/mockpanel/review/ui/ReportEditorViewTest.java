package io.mockpanel.review.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteNotFoundError;
import io.mockpanel.review.ReportContent;
import io.mockpanel.review.ReportFixture;
import io.mockpanel.review.ReportService;
import io.mockpanel.support.KaribuTest;
import io.mockpanel.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The coach's report editor: autosave with its status, the conflict of two tabs, quoting, release. */
class ReportEditorViewTest extends KaribuTest {

    @Autowired
    ReportFixture fixture;

    @Autowired
    ReportService reports;

    private ReportFixture.Done done;

    @BeforeEach
    void completedSession() {
        done = fixture.completed();
    }

    private ReportEditorView open() {
        login(done.panel().coach(), "COACH");
        UI.getCurrent().navigate("sessions/" + done.panel().sessionId() + "/report");
        MockVaadin.clientRoundtrip(false);
        return _get(ReportEditorView.class);
    }

    @Test
    void typing_saves_the_draft_and_says_when() {
        ReportEditorView view = open();
        assertThat(view.status.getText()).isEqualTo("Not saved yet");

        ReviewViewSupport.asUser(view.summary, "A calm, structured session.");

        assertThat(view.status.getText()).matches("Saved \\d\\d:\\d\\d");
        assertThat(TestUsers.as(done.panel().coach(), "COACH", () -> reports.edit(done.panel().sessionId()))
                .content().summary()).isEqualTo("A calm, structured session.");
    }

    @Test
    void a_second_tab_that_saved_in_between_gets_a_conflict_and_this_tab_keeps_its_text() {
        ReportEditorView view = open();
        ReviewViewSupport.asUser(view.summary, "First words");
        TestUsers.as(done.panel().coach(), "COACH", () -> {
            var other = reports.edit(done.panel().sessionId());
            reports.save(done.panel().sessionId(), new ReportContent("Other tab", "", "", other.content().areas(),
                    false, false), other.version());
        });

        ReviewViewSupport.asUser(view.summary, "First words, and more");

        assertThat(view.conflictBox.isVisible()).isTrue();
        assertThat(view.conflictBox.getElement().getTextRecursively()).contains("changed elsewhere");
        assertThat(view.status.getText()).isEqualTo("Not saved: changed elsewhere");
        assertThat(view.summary.getValue()).isEqualTo("First words, and more");
        assertThat(TestUsers.as(done.panel().coach(), "COACH", () -> reports.edit(done.panel().sessionId()))
                .content().summary()).isEqualTo("Other tab");
    }

    @Test
    void the_evidence_lists_the_shared_note_only_and_quoting_it_saves_it_under_the_chosen_area() {
        ReportEditorView view = open();
        String everything = ReviewViewSupport.allTexts();
        assertThat(everything).contains(ReportFixture.SHARED_NOTE).doesNotContain(ReportFixture.PRIVATE_NOTE);

        _click(_get(view, Button.class, spec -> spec.withClasses("quote-note")));

        assertThat(view.status.getText()).startsWith("Saved");
        var saved = TestUsers.as(done.panel().coach(), "COACH", () -> reports.edit(done.panel().sessionId()));
        assertThat(saved.content().areas().get(0).quotes()).extracting(ReportContent.Quote::text)
                .containsExactly(ReportFixture.SHARED_NOTE);
    }

    @Test
    void releasing_shows_the_link_once_with_a_copy_button() {
        ReportEditorView view = open();
        ReviewViewSupport.asUser(view.summary, "Released summary");

        view.releaseNow();

        TextField link = _get(view, TextField.class, spec -> spec.withId("report-link-url"));
        assertThat(link.getValue()).contains("/report/");
        assertThat(_find(view, Button.class, spec -> spec.withId("copy-report-link"))).hasSize(1);
        assertThat(view.release.getText()).isEqualTo("Release again");
        assertThat(_get(view, com.vaadin.flow.component.html.Span.class, spec -> spec.withId("report-link-state"))
                .getText()).contains("works until");
        String token = link.getValue().substring(link.getValue().lastIndexOf('/') + 1);
        assertThat(reports.byLink(token)).isPresent();

        UI.getCurrent().navigate("sessions/" + done.panel().sessionId() + "/report");
        MockVaadin.clientRoundtrip(false);
        assertThat(ReviewViewSupport.allTexts()).as("shown once").doesNotContain(token);
    }

    @Test
    void an_interviewer_cannot_open_the_editor() {
        login(done.panel().lead(), "INTERVIEWER");
        UI.getCurrent().navigate("sessions/" + done.panel().sessionId() + "/report");
        MockVaadin.clientRoundtrip(false);

        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(RouteNotFoundError.class);
        assertThat(_find(ReportEditorView.class)).isEmpty();
    }
}
