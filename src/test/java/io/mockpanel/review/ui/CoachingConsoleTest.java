package io.mockpanel.review.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.mockpanel.review.ui.ReviewUiSupport.asUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.server.VaadinSession;
import io.mockpanel.panel.LiveControlService;
import io.mockpanel.panel.PromptKind;
import io.mockpanel.panel.PromptRef;
import io.mockpanel.panel.SessionEvents;
import io.mockpanel.review.CoachingNote;
import io.mockpanel.review.CoachingNoteService;
import io.mockpanel.review.RealAccounts;
import io.mockpanel.support.KaribuTest;
import io.mockpanel.support.QueryCounter;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The console's Coaching tab: only an observing coach's console has it; the coach writes there,
 * stamped like a panel note; another coach's console shows the note without a reload; and what a
 * coaching-note event costs the consoles open on the session.
 */
class CoachingConsoleTest extends KaribuTest {

    @Autowired
    TestPanel testPanel;

    @Autowired
    RealAccounts accounts;

    @Autowired
    CoachingNoteService coaching;

    @Autowired
    LiveControlService control;

    @Autowired
    JdbcClient jdbc;

    private final OtherBrowser other = new OtherBrowser();

    @AfterEach
    void closeScreens() {
        other.close();
        ReviewUiSupport.closeView();
    }

    private void openConsole(String username, String role, long sessionId) {
        ReviewUiSupport.login(accounts, username, role);
        UI.getCurrent().navigate("sessions/" + sessionId);
        MockVaadin.clientRoundtrip(false);
    }

    /** A second observing coach on the session (the other panel's coach). */
    private String secondCoach(TestPanel.Panel panel) {
        String coach = testPanel.scheduled().coach();
        jdbc.sql("insert into session_member (session_id, username, role) values (?, ?, 'OBSERVER')")
                .params(panel.sessionId(), coach).update();
        return coach;
    }

    private static boolean hasCoachingTab() {
        return !_find(Tab.class, spec -> spec.withId("wide-tab-coaching")).isEmpty();
    }

    private static List<String> shownTexts() {
        return _find(Div.class, spec -> spec.withClasses("coaching-text")).stream()
                .map(div -> div.getElement().getText()).toList();
    }

    @Test
    void only_an_observing_coachs_console_has_the_coaching_tab() {
        TestPanel.Panel panel = testPanel.live();
        accounts.as(panel.coach(), () -> coaching.write(panel.sessionId(), "Shared with the panel.", true, null));

        openConsole(panel.lead(), "INTERVIEWER", panel.sessionId());
        assertThat(hasCoachingTab()).isFalse();
        assertThat(_find(TextArea.class, spec -> spec.withId("coaching-text"))).isEmpty();
        assertThat(shownTexts()).as("the panel's console shows no coaching notes, shared or not").isEmpty();
        ReviewUiSupport.closeView();

        openConsole(panel.panelist(), "INTERVIEWER", panel.sessionId());
        assertThat(hasCoachingTab()).isFalse();
        ReviewUiSupport.closeView();

        openConsole(panel.coach(), "COACH", panel.sessionId());
        assertThat(hasCoachingTab()).isTrue();
        assertThat(_find(Tab.class, spec -> spec.withId("tab-coaching"))).as("a tab on narrow screens too").hasSize(1);
        assertThat(shownTexts()).containsExactly("Shared with the panel.");
    }

    @Test
    void an_observing_coach_writes_from_the_console_stamped_with_the_time_and_the_prompt_on_screen() {
        TestPanel.Panel panel = testPanel.live();
        TestUsers.as(panel.lead(), "INTERVIEWER",
                () -> control.push(panel.sessionId(), PromptRef.of(0, PromptKind.SITUATION)));
        openConsole(panel.coach(), "COACH", panel.sessionId());

        asUser(_get(TextArea.class, spec -> spec.withId("coaching-text")), "Answer ran 6 minutes before a result.");
        asUser(_get(Checkbox.class, spec -> spec.withId("coaching-shared")), true);
        _click(_get(Button.class, spec -> spec.withId("coaching-save")));

        CoachingNote stored = accounts.as(panel.coach(), () -> coaching.notes(panel.sessionId())).getFirst();
        assertThat(stored.text()).isEqualTo("Answer ran 6 minutes before a result.");
        assertThat(stored.shared()).isTrue();
        assertThat(stored.offset()).isNotNull();
        assertThat(stored.prompt()).isEqualTo(PromptRef.of(0, PromptKind.SITUATION));
        assertThat(_get(TextArea.class, spec -> spec.withId("coaching-text")).getValue()).as("cleared").isEmpty();
        Div card = _get(Div.class, spec -> spec.withId("coaching-note-" + stored.id()));
        assertThat(card.getElement().getTextRecursively()).contains(stored.promptLabel()).contains("Shared with panel")
                .contains("Answer ran 6 minutes");
        // The own save's event comes back through the feed: the card is shown at that version already.
        MockVaadin.clientRoundtrip(false);
        assertThat(shownTexts()).containsExactly("Answer ran 6 minutes before a result.");
    }

    @Test
    void an_empty_note_is_refused_and_a_scheduled_session_has_no_composer_yet() {
        TestPanel.Panel scheduled = testPanel.scheduled();
        openConsole(scheduled.coach(), "COACH", scheduled.sessionId());
        assertThat(_find(Div.class, spec -> spec.withId("coaching-composer"))).as("hidden").isEmpty();
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("coaching-closed"))
                .getText()).isEqualTo("Coaching notes open when the session starts.");

        TestUsers.as(scheduled.lead(), "INTERVIEWER", () -> startSession(scheduled.sessionId()));
        assertThat(ReviewUiSupport.awaitUi(() -> !_find(Div.class, spec -> spec.withId("coaching-composer")).isEmpty(),
                Duration.ofSeconds(10))).as("opens when the session starts, without a reload").isTrue();

        _click(_get(Button.class, spec -> spec.withId("coaching-save")));
        assertThat(jdbc.sql("select count(*) from coaching_note where session_id = ?").param(scheduled.sessionId())
                .query(Long.class).single()).isZero();
    }

    @Autowired
    io.mockpanel.panel.PanelSessionService sessions;

    private void startSession(long sessionId) {
        sessions.start(sessionId);
    }

    @Test
    void a_note_written_in_one_coachs_console_appears_in_the_other_coachs_console_without_a_reload() {
        TestPanel.Panel panel = testPanel.live();
        String second = secondCoach(panel);
        openConsole(second, "COACH", panel.sessionId());
        assertThat(shownTexts()).isEmpty();

        // The first coach writes from their own console, in a browser of their own.
        other.open(context);
        other.run(() -> {
            openConsole(panel.coach(), "COACH", panel.sessionId());
            asUser(_get(TextArea.class, spec -> spec.withId("coaching-text")), "Good recovery after the hint.");
            _click(_get(Button.class, spec -> spec.withId("coaching-save")));
            return null;
        });

        assertThat(ReviewUiSupport.awaitUi(() -> shownTexts().contains("Good recovery after the hint."),
                Duration.ofSeconds(10))).as("arrived in the second coach's console").isTrue();
        Div card = _find(Div.class, spec -> spec.withClasses("coaching-note")).getFirst();
        assertThat(_find(card, Button.class)).as("no Edit or Delete on another coach's note").isEmpty();

        // An edit and a deletion follow the same way.
        CoachingNote note = accounts.as(panel.coach(), () -> coaching.notes(panel.sessionId())).getFirst();
        accounts.as(panel.coach(), () -> coaching.edit(panel.sessionId(), note.id(), note.version(), "Edited.", false));
        assertThat(ReviewUiSupport.awaitUi(() -> shownTexts().equals(List.of("Edited.")), Duration.ofSeconds(10)))
                .isTrue();
        accounts.as(panel.coach(), () -> coaching.delete(panel.sessionId(), note.id(), note.version() + 1));
        assertThat(ReviewUiSupport.awaitUi(() -> shownTexts().isEmpty(), Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void a_coaching_note_event_costs_a_coachs_console_one_read_and_the_panels_console_none() {
        TestPanel.Panel panel = testPanel.live();
        String second = secondCoach(panel);
        openConsole(panel.lead(), "INTERVIEWER", panel.sessionId());
        other.open(context);
        other.run(() -> {
            openConsole(second, "COACH", panel.sessionId());
            return null;
        });
        settle();

        for (boolean shared : List.of(false, true)) {
            accounts.as(panel.coach(), () -> coaching.write(panel.sessionId(), "Shared: " + shared, shared, null));
            awaitTask(Duration.ofSeconds(10));
            other.run(() -> awaitTask(Duration.ofSeconds(10)));
            var lead = QueryCounter.counted(() -> {
                MockVaadin.clientRoundtrip(false);
                return null;
            });
            var coach = other.run(() -> QueryCounter.counted(() -> {
                MockVaadin.clientRoundtrip(false);
                return shownTexts();
            }));
            System.out.printf("FIGURE queries per event coaching note (shared %s): lead's console %d, coach's console %d%n",
                    shared, lead.count(), coach.count());
            lead.statements().forEach(sql -> System.out.println("    lead:  " + sql));
            coach.statements().forEach(sql -> System.out.println("    coach: " + sql));
            assertThat(lead.statements()).as("the log read only").singleElement().asString()
                    .contains("from session_event");
            assertThat(coach.count()).as("the log read and one read of the note").isEqualTo(2);
            assertThat(coach.value()).contains("Shared: " + shared);
            settle();
        }
        assertThat(jdbc.sql("select count(*) from session_event where session_id = ? and type = ?")
                .params(panel.sessionId(), SessionEvents.CoachingNoteSaved.TYPE).query(Long.class).single()).isEqualTo(2);
    }

    /** Waits until a UI task is waiting in this thread's Vaadin session (a wake-up arrived). */
    private static boolean awaitTask(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (VaadinSession.getCurrent().getPendingAccessQueue().isEmpty()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            ReviewUiSupport.sleep(20);
        }
        return true;
    }

    private void settle() {
        for (int i = 0; i < 3; i++) {
            ReviewUiSupport.sleep(150);
            MockVaadin.clientRoundtrip(false);
            other.run(() -> {
                MockVaadin.clientRoundtrip(false);
                return null;
            });
        }
    }

}
