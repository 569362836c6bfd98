package io.mockpanel.review.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import io.mockpanel.review.ReportContent;
import io.mockpanel.review.ReportFixture;
import io.mockpanel.review.ReportService;
import io.mockpanel.support.KaribuTest;
import io.mockpanel.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The report's state on the review page, as each reader may know it. */
class ReportCardTest extends KaribuTest {

    @Autowired
    ReportFixture fixture;

    @Autowired
    ReportService reports;

    private ReportFixture.Done done;

    @BeforeEach
    void completedSession() {
        done = fixture.completed();
    }

    private ReportCard card() {
        var card = new ReportCard(done.panel().sessionId(), reports);
        UI.getCurrent().add(card);
        return card;
    }

    private void saveDraft(String summary) {
        TestUsers.as(done.panel().coach(), "COACH", () -> {
            var draft = reports.edit(done.panel().sessionId());
            reports.save(done.panel().sessionId(), new ReportContent(summary, "", "", draft.content().areas(),
                    false, false), draft.version());
        });
    }

    @Test
    void a_coach_without_a_report_is_offered_to_write_one() {
        login(done.panel().coach(), "COACH");
        ReportCard card = card();
        assertThat(card.state.getText()).isEqualTo("No report written yet.");
        assertThat(_find(card, Button.class, spec -> spec.withId("open-report"))).singleElement()
                .extracting(Button::getText).isEqualTo("Write report");
    }

    @Test
    void a_draft_shows_when_it_was_saved_and_opens_for_the_coach() {
        saveDraft("Draft");
        login(done.panel().coach(), "COACH");
        ReportCard card = card();
        assertThat(card.state.getText()).startsWith("Draft saved ").contains("not released");
        assertThat(_find(card, Button.class, spec -> spec.withId("open-report"))).singleElement()
                .extracting(Button::getText).isEqualTo("Open report");
    }

    @Test
    void a_released_report_shows_its_link_expiry_and_the_panel_may_read_it_but_not_the_draft() {
        saveDraft("Released");
        TestUsers.as(done.panel().coach(), "COACH", () -> reports.release(done.panel().sessionId()));
        saveDraft("Changed after release");

        login(done.panel().coach(), "COACH");
        assertThat(card().state.getText()).startsWith("Released ").contains("link works until")
                .contains("changes not yet released");

        login(done.panel().panelist(), "INTERVIEWER");
        ReportCard seenByPanel = card();
        assertThat(seenByPanel.state.getText()).startsWith("Released ").doesNotContain("draft");
        assertThat(_find(seenByPanel, Button.class, spec -> spec.withId("open-report"))).isEmpty();
        assertThat(_find(seenByPanel, Button.class, spec -> spec.withId("read-report"))).hasSize(1);
    }

    @Test
    void the_panel_hears_nothing_of_an_unreleased_draft() {
        saveDraft("Secret draft");
        login(done.panel().panelist(), "INTERVIEWER");
        ReportCard card = card();
        assertThat(card.state.getText()).isEqualTo("No report released yet.");
        assertThat(_find(card, Button.class)).isEmpty();
    }
}
