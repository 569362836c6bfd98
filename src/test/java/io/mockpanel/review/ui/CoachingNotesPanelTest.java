package io.mockpanel.review.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.mockpanel.review.ui.ReviewUiSupport.asUser;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.mockpanel.panel.LiveControlService;
import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.panel.PromptKind;
import io.mockpanel.panel.PromptRef;
import io.mockpanel.review.CoachingNote;
import io.mockpanel.review.CoachingNoteService;
import io.mockpanel.review.RealAccounts;
import io.mockpanel.support.KaribuTest;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The coaching notes panel of the review page, in a test-only host (the review page places it): a
 * coach pins notes to a typed moment or a pushed prompt, edits, shares and deletes their own; bad
 * input and stale saves keep the text; the panel reads only shared notes; an outsider gets nothing.
 */
class CoachingNotesPanelTest extends KaribuTest {

    @Autowired
    TestPanel testPanel;

    @Autowired
    RealAccounts accounts;

    @Autowired
    CoachingNoteService coaching;

    @Autowired
    LiveControlService control;

    @Autowired
    PanelSessionService sessions;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void unmount() {
        ReviewUiSupport.closeView();
    }

    /** The test-only host: what the review page will do with the panel. */
    private CoachingNotesPanel host(String username, String role, long sessionId) {
        ReviewUiSupport.login(accounts, username, role);
        var panel = new CoachingNotesPanel(sessionId, coaching);
        UI.getCurrent().add(panel);
        return panel;
    }

    /** A session that ran 40 minutes: the situation pushed at 02:00, the first question at 10:00. */
    private TestPanel.Panel finished() {
        TestPanel.Panel panel = testPanel.live();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(40);
        jdbc.sql("update session_event set created_at = ? where session_id = ? and type = 'SESSION_STARTED'")
                .params(start, panel.sessionId()).update();
        TestUsers.as(panel.lead(), "INTERVIEWER", () -> {
            control.push(panel.sessionId(), PromptRef.of(0, PromptKind.SITUATION));
            control.push(panel.sessionId(), PromptRef.question(0, 0, 0));
        });
        List<Long> pushes = jdbc.sql("select seq from session_event where session_id = ? and type = 'PROMPT_PUSHED' "
                + "order by seq").param(panel.sessionId()).query(Long.class).list();
        jdbc.sql("update session_event set created_at = ? where session_id = ? and seq = ?")
                .params(start.plusMinutes(2), panel.sessionId(), pushes.get(0)).update();
        jdbc.sql("update session_event set created_at = ? where session_id = ? and seq = ?")
                .params(start.plusMinutes(10), panel.sessionId(), pushes.get(1)).update();
        TestUsers.as(panel.lead(), "INTERVIEWER", () -> sessions.end(panel.sessionId()));
        return panel;
    }

    private static TextArea text() {
        return _get(TextArea.class, spec -> spec.withId("coaching-text"));
    }

    private static TextField pin() {
        return _get(TextField.class, spec -> spec.withId("coaching-pin"));
    }

    private static void save() {
        _click(_get(Button.class, spec -> spec.withId("coaching-save")));
    }

    @SuppressWarnings("unchecked")
    private static Select<CoachingNoteService.PushedMoment> pick() {
        return _get(Select.class, spec -> spec.withId("coaching-pick"));
    }

    private static List<String> cards() {
        return _find(Div.class, spec -> spec.withClasses("coaching-note")).stream()
                .map(card -> card.getElement().getTextRecursively()).toList();
    }

    private static String lastNotification() {
        List<Notification> all = getNotifications();
        return all.isEmpty() ? "" : all.getLast().getElement().getProperty("text", "")
                + all.getLast().getElement().getTextRecursively();
    }

    private List<CoachingNote> stored(TestPanel.Panel panel) {
        return accounts.as(panel.coach(), () -> coaching.notes(panel.sessionId()));
    }

    @Test
    void a_coach_pins_notes_to_a_typed_moment_to_a_pushed_prompt_and_to_none_listed_in_moment_order() {
        TestPanel.Panel panel = finished();
        host(panel.coach(), "COACH", panel.sessionId());
        assertThat(pin().getHelperText()).startsWith("Between 00:00 and 40:");
        assertThat(pick().getListDataView().getItems().map(pick().getItemLabelGenerator()::apply).toList())
                .hasSize(2).first().asString().startsWith("02:00 · ").endsWith("› Situation");

        asUser(text(), "First question: no structure.");
        asUser(pin(), "12:30");
        save();
        asUser(text(), "Situation read well.");
        asUser(pick(), pick().getListDataView().getItems().findFirst().orElseThrow());
        assertThat(pin().getValue()).as("picking a prompt fills the moment").isEqualTo("02:00");
        save();
        asUser(text(), "Overall: calm under pressure.");
        save();

        assertThat(stored(panel)).extracting(note -> note.offset() == null ? null : note.offset().toSeconds(),
                        CoachingNote::prompt)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(120L, PromptRef.of(0, PromptKind.SITUATION)),
                        org.assertj.core.groups.Tuple.tuple(750L, PromptRef.question(0, 0, 0)),
                        org.assertj.core.groups.Tuple.tuple(null, null));
        assertThat(cards()).hasSize(3);
        assertThat(cards().get(0)).startsWith("02:00").contains("Situation read well.");
        assertThat(cards().get(1)).startsWith("12:30").contains("First question");
        assertThat(cards().get(2)).startsWith("No moment");
    }

    @Test
    void a_moment_that_does_not_read_or_lies_outside_the_session_is_refused_and_the_text_kept() {
        TestPanel.Panel panel = finished();
        host(panel.coach(), "COACH", panel.sessionId());

        asUser(text(), "Keep me.");
        asUser(pin(), "12 minutes");
        save();
        assertThat(lastNotification()).contains("is not a moment: write minutes and seconds like 12:30");
        assertThat(text().getValue()).isEqualTo("Keep me.");

        asUser(pin(), "55:00");
        save();
        assertThat(lastNotification()).contains("Pick a moment between 00:00 and 40:");
        assertThat(text().getValue()).isEqualTo("Keep me.");

        asUser(pin(), "");
        asUser(text(), "x".repeat(20_001));
        save();
        assertThat(lastNotification()).contains("at most 20 000 characters; this one has 20 001");
        assertThat(text().getValue()).hasSize(20_001);
        assertThat(stored(panel)).isEmpty();
    }

    @Test
    void the_author_edits_shares_and_deletes_their_own_note_after_asking() {
        TestPanel.Panel panel = finished();
        CoachingNote note = accounts.as(panel.coach(),
                () -> coaching.write(panel.sessionId(), "Draft.", false, Duration.ofMinutes(3)));
        host(panel.coach(), "COACH", panel.sessionId());

        _click(_get(Button.class, spec -> spec.withId("coaching-edit-" + note.id())));
        assertThat(text().getValue()).isEqualTo("Draft.");
        assertThat(_get(Span.class, spec -> spec.withId("coaching-moment")).getText())
                .isEqualTo("Editing your note at 03:00; its moment stays.");
        asUser(text(), "Answer ran 6 minutes before a result.");
        save();
        assertThat(stored(panel).getFirst().text()).isEqualTo("Answer ran 6 minutes before a result.");
        assertThat(cards().getFirst()).contains("Coaches only");

        _click(_get(Button.class, spec -> spec.withId("coaching-share-" + note.id())));
        assertThat(stored(panel).getFirst().shared()).isTrue();
        assertThat(cards().getFirst()).contains("Shared with panel");

        _click(_get(Button.class, spec -> spec.withId("coaching-delete-" + note.id())));
        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("coaching-delete-confirm"));
        ConfirmDialogKt._fireConfirm(confirm);
        assertThat(stored(panel)).isEmpty();
        assertThat(cards()).isEmpty();
    }

    @Test
    void a_stale_edit_keeps_the_text_says_why_and_loads_the_saved_version_on_request() {
        TestPanel.Panel panel = finished();
        CoachingNote note = accounts.as(panel.coach(), () -> coaching.write(panel.sessionId(), "First.", false, null));
        host(panel.coach(), "COACH", panel.sessionId());
        _click(_get(Button.class, spec -> spec.withId("coaching-edit-" + note.id())));
        asUser(text(), "Mine from this tab.");
        // Meanwhile, in another tab:
        accounts.as(panel.coach(), () -> coaching.edit(panel.sessionId(), note.id(), 0, "From the other tab.", true));

        save();

        Div conflict = _get(Div.class, spec -> spec.withId("coaching-conflict"));
        assertThat(conflict.isVisible()).isTrue();
        assertThat(conflict.getElement().getTextRecursively()).startsWith("This note was changed elsewhere")
                .contains("Your text is still here");
        assertThat(text().getValue()).isEqualTo("Mine from this tab.");
        assertThat(stored(panel).getFirst().text()).isEqualTo("From the other tab.");

        _click(_get(Button.class, spec -> spec.withId("coaching-load-saved")));
        assertThat(text().getValue()).isEqualTo("From the other tab.");
        assertThat(_get(Checkbox.class, spec -> spec.withId("coaching-shared")).getValue()).isTrue();
        asUser(text(), "Merged by hand.");
        save();
        assertThat(stored(panel)).extracting(CoachingNote::text).containsExactly("Merged by hand.");
    }

    @Test
    void the_panel_reads_only_shared_notes_and_has_nothing_to_write_or_change() {
        TestPanel.Panel panel = finished();
        accounts.as(panel.coach(), () -> {
            coaching.write(panel.sessionId(), "Shared: good structure.", true, Duration.ofMinutes(5));
            coaching.write(panel.sessionId(), "Coaches only: the lead interrupted.", false, Duration.ofMinutes(6));
        });
        host(panel.panelist(), "INTERVIEWER", panel.sessionId());

        assertThat(cards()).singleElement().asString().contains("Shared: good structure.");
        assertThat(_find(Div.class, spec -> spec.withId("coaching-composer"))).as("no composer").isEmpty();
        assertThat(_find(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("coaching-closed")))
                .as("and no word on why").isEmpty();
        assertThat(_find(Button.class, spec -> spec.withClasses("coaching-note-actions"))).isEmpty();
        assertThat(_find(Div.class, spec -> spec.withClasses("coaching-note-actions"))).isEmpty();
    }

    @Test
    void a_coach_who_did_not_write_a_note_cannot_change_it_and_an_outsider_gets_nothing() {
        TestPanel.Panel panel = finished();
        accounts.as(panel.coach(), () -> coaching.write(panel.sessionId(), "Mine.", false, null));
        TestPanel.Panel other = testPanel.scheduled();
        host(other.coach(), "COACH", panel.sessionId());
        assertThat(cards()).singleElement().asString().contains("Mine.");
        assertThat(_find(Div.class, spec -> spec.withClasses("coaching-note-actions"))).isEmpty();
        assertThat(_get(Div.class, spec -> spec.withId("coaching-composer")).isVisible()).as("any coach adds notes")
                .isTrue();
        ReviewUiSupport.closeView();

        assertThatThrownBy(() -> host(panel.outsider(), "INTERVIEWER", panel.sessionId()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void edit_asks_before_it_replaces_text_not_yet_saved() {
        TestPanel.Panel panel = finished();
        CoachingNote note = accounts.as(panel.coach(), () -> coaching.write(panel.sessionId(), "Saved.", false, null));
        host(panel.coach(), "COACH", panel.sessionId());
        asUser(text(), "Half a thought");

        _click(_get(Button.class, spec -> spec.withId("coaching-edit-" + note.id())));
        ConfirmDialog ask = _get(ConfirmDialog.class, spec -> spec.withId("coaching-discard-confirm"));
        assertThat(text().getValue()).as("nothing replaced before the answer").isEqualTo("Half a thought");

        ConfirmDialogKt._fireConfirm(ask);
        assertThat(text().getValue()).isEqualTo("Saved.");
    }
}
