package io.mockpanel.panel.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.dom.Element;
import io.mockpanel.panel.LiveControlService;
import io.mockpanel.panel.Note;
import io.mockpanel.panel.NoteService;
import io.mockpanel.panel.PromptKind;
import io.mockpanel.panel.PromptRef;
import io.mockpanel.panel.SessionEventBus;
import io.mockpanel.panel.SessionTimeline;
import io.mockpanel.support.KaribuTest;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class NotesPanelTest extends KaribuTest {

    @Autowired
    NoteService notes;

    @Autowired
    SessionTimeline timeline;

    @Autowired
    SessionEventBus bus;

    @Autowired
    LiveControlService control;

    @Autowired
    TestPanel testPanel;

    @Autowired
    JdbcClient jdbc;

    /** Runs before the base class signs out: live refreshes still queued must not run signed out. */
    @AfterEach
    void unmount() {
        UI.getCurrent().removeAll();
        MockVaadin.runUIQueue();
    }

    private NotesPanel mount(long sessionId, String username, String role) {
        login(username, role);
        var panel = new NotesPanel(io.mockpanel.support.FollowedFeed.open(timeline, bus, sessionId), notes);
        UI.getCurrent().add(panel);
        MockVaadin.clientRoundtrip(false);
        return panel;
    }

    private List<String> storedTexts(long sessionId) {
        return jdbc.sql("select text from session_note where session_id = ? order by id").param(sessionId)
                .query(String.class).list();
    }

    private static List<String> timelineTexts() {
        return _find(Div.class, spec -> spec.withClasses("timeline-text")).stream().map(Div::getText).toList();
    }

    private static List<String> timelineTags() {
        return _find(com.vaadin.flow.component.html.Span.class, spec -> spec.withClasses("timeline-tag")).stream()
                .map(com.vaadin.flow.component.html.Span::getText).toList();
    }

    @Test
    void saving_through_the_panel_shows_saved_after_the_commit_and_the_note_as_plain_text() {
        TestPanel.Panel p = testPanel.live();
        NotesPanel panel = mount(p.sessionId(), p.panelist(), "INTERVIEWER");
        assertThat(panel.status.getText()).doesNotStartWith("Saved");

        boolean saved = panel.saveNow("Answer used <b>x</b> as an example");

        assertThat(saved).isTrue();
        assertThat(storedTexts(p.sessionId())).containsExactly("Answer used <b>x</b> as an example");
        assertThat(panel.status.getText()).matches("Saved \\d\\d:\\d\\d:\\d\\d");
        assertThat(panel.counter.getText()).isEqualTo("34 / 20 000");
        Div body = _get(Div.class, spec -> spec.withClasses("timeline-text"));
        assertThat(body.getText()).isEqualTo("Answer used <b>x</b> as an example");
        assertThat(body.getElement().getChildren()).isNotEmpty().allMatch(Element::isTextNode);
        assertThat(body.getElement().getProperty("innerHTML")).isNull();

        // Typing on updates the same note.
        assertThat(panel.saveNow("Answer used <b>x</b> as an example, then quantified it")).isTrue();
        assertThat(storedTexts(p.sessionId())).containsExactly("Answer used <b>x</b> as an example, then quantified it");
    }

    @Test
    void a_text_over_the_limit_shows_the_message_and_nothing_is_saved() {
        TestPanel.Panel p = testPanel.live();
        NotesPanel panel = mount(p.sessionId(), p.panelist(), "INTERVIEWER");

        assertThat(panel.saveNow("x".repeat(20_001))).isFalse();

        assertThat(panel.status.getText()).contains("at most 20 000 characters").doesNotContain("Saved");
        assertThat(panel.counter.getText()).isEqualTo("20 001 / 20 000");
        assertThat(storedTexts(p.sessionId())).isEmpty();
    }

    @Test
    void new_note_starts_a_fresh_note_and_keeps_the_previous_one() {
        TestPanel.Panel p = testPanel.live();
        NotesPanel panel = mount(p.sessionId(), p.panelist(), "INTERVIEWER");
        panel.saveNow("First point");

        _click(_get(Button.class, spec -> spec.withId("new-note")));
        assertThat(panel.composerText()).isEmpty();
        panel.saveNow("Second point");

        assertThat(storedTexts(p.sessionId())).containsExactly("First point", "Second point");
        assertThat(timelineTexts()).containsExactlyInAnyOrder("First point", "Second point");
    }

    @Test
    void a_save_after_another_tab_saved_shows_the_conflict_and_can_load_the_other_version() {
        TestPanel.Panel p = testPanel.live();
        NotesPanel panel = mount(p.sessionId(), p.panelist(), "INTERVIEWER");
        panel.saveNow("Version one");
        Note stored = notes.myNotes(p.sessionId()).getFirst();
        // The same author's other tab saves first.
        notes.saveNote(p.sessionId(), stored.id(), stored.version(), "Saved in the other tab", false);

        assertThat(panel.saveNow("Typed in this tab")).isFalse();

        assertThat(panel.conflict.isVisible()).isTrue();
        assertThat(panel.conflict.getElement().getTextRecursively()).contains("changed in another tab");
        assertThat(panel.newNote.isEnabled()).as("a new note would drop the unsaved text").isFalse();
        assertThat(panel.status.getText()).doesNotStartWith("Saved");
        assertThat(storedTexts(p.sessionId())).containsExactly("Saved in the other tab");
        // Further autosaves do not overwrite it either.
        assertThat(panel.saveNow("Typed in this tab, more")).isFalse();
        assertThat(storedTexts(p.sessionId())).containsExactly("Saved in the other tab");

        _click(_get(Button.class, spec -> spec.withId("load-other-version")));

        assertThat(panel.conflict.isVisible()).isFalse();
        assertThat(panel.newNote.isEnabled()).isTrue();
        assertThat(panel.composerText()).isEqualTo("Saved in the other tab");
        assertThat(panel.saveNow("Saved in the other tab, and continued here")).isTrue();
        assertThat(storedTexts(p.sessionId())).containsExactly("Saved in the other tab, and continued here");
    }

    @Test
    void keeping_mine_after_a_conflict_saves_it_as_a_new_note_and_overwrites_nothing() {
        TestPanel.Panel p = testPanel.live();
        NotesPanel panel = mount(p.sessionId(), p.panelist(), "INTERVIEWER");
        panel.saveNow("Version one");
        Note stored = notes.myNotes(p.sessionId()).getFirst();
        notes.saveNote(p.sessionId(), stored.id(), stored.version(), "Theirs", false);
        panel.saveNow("Mine");

        _click(_get(Button.class, spec -> spec.withId("keep-mine-as-new")));

        assertThat(panel.conflict.isVisible()).isFalse();
        assertThat(panel.status.getText()).startsWith("Saved").endsWith("as a new note");
        assertThat(storedTexts(p.sessionId())).containsExactly("Theirs", "Mine");
    }

    @Test
    void the_panel_notices_when_its_note_was_saved_elsewhere_before_it_saves_again() {
        TestPanel.Panel p = testPanel.live();
        NotesPanel panel = mount(p.sessionId(), p.panelist(), "INTERVIEWER");
        panel.saveNow("Version one");
        Note stored = notes.myNotes(p.sessionId()).getFirst();
        notes.saveNote(p.sessionId(), stored.id(), stored.version(), "From the other tab", false);

        panel.refresh();

        assertThat(panel.conflict.isVisible()).isTrue();
        assertThat(_find(Button.class, spec -> spec.withId("load-other-version"))).hasSize(1);
    }

    @Test
    void clicking_a_quick_tag_adds_it_to_the_timeline_with_the_prompt_on_screen() {
        TestPanel.Panel p = testPanel.live();
        TestUsers.signIn(p.lead(), "INTERVIEWER");
        control.push(p.sessionId(), PromptRef.of(0, PromptKind.SITUATION));
        NotesPanel panel = mount(p.sessionId(), p.panelist(), "INTERVIEWER");

        _click(_get(Button.class, spec -> spec.withId("tag-star_situation")));

        assertThat(panel.tagStatus.getText()).startsWith("Tagged \u201CSituation\u201D at 00:").contains("› Situation");
        assertThat(timelineTags()).containsExactly("Situation");
        assertThat(notes.tags(p.sessionId())).extracting(t -> t.tag().name()).containsExactly("STAR_SITUATION");
    }

    @Test
    void quick_tags_are_disabled_until_the_session_is_live() {
        TestPanel.Panel p = testPanel.scheduled();
        mount(p.sessionId(), p.panelist(), "INTERVIEWER");

        assertThat(_get(Button.class, spec -> spec.withId("tag-too_vague")).isEnabled()).isFalse();
    }

    @Test
    void an_observer_sees_shared_notes_but_neither_private_ones_nor_a_composer() {
        TestPanel.Panel p = testPanel.live();
        TestUsers.signIn(p.panelist(), "INTERVIEWER");
        notes.saveNote(p.sessionId(), null, 0, "Shared with the panel", false);
        notes.saveNote(p.sessionId(), null, 0, "Just for me", true);

        mount(p.sessionId(), p.coach(), "COACH");

        assertThat(_find(TextArea.class)).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("tag-star_task"))).isEmpty();
        assertThat(timelineTexts()).containsExactly("Shared with the panel");
    }

    @Test
    void ticking_private_saves_the_note_as_private() {
        TestPanel.Panel p = testPanel.live();
        NotesPanel panel = mount(p.sessionId(), p.panelist(), "INTERVIEWER");
        panel.saveNow("Second thoughts");

        panel.privateNote.setValue(true);

        assertThat(notes.myNotes(p.sessionId()).getFirst().isPrivate()).isTrue();
        TestUsers.signIn(p.lead(), "INTERVIEWER");
        assertThat(notes.notes(p.sessionId())).isEmpty();
    }

    @Test
    void a_draft_left_in_the_browser_is_restored_and_saved_when_nothing_was_saved_yet() {
        TestPanel.Panel p = testPanel.live();
        NotesPanel panel = mount(p.sessionId(), p.panelist(), "INTERVIEWER");

        panel.restoreDraft("", "Typed before the crash", true, 0);

        assertThat(storedTexts(p.sessionId())).containsExactly("Typed before the crash");
        assertThat(notes.myNotes(p.sessionId()).getFirst().isPrivate()).isTrue();
        assertThat(panel.composerText()).isEqualTo("Typed before the crash");
        assertThat(panel.status.getText()).startsWith("Saved").contains("restored");
    }

    @Test
    void a_draft_newer_than_the_saved_note_is_restored_over_it() {
        TestPanel.Panel p = testPanel.live();
        TestUsers.signIn(p.panelist(), "INTERVIEWER");
        Note saved = notes.saveNote(p.sessionId(), null, 0, "Saved part", false);
        NotesPanel panel = mount(p.sessionId(), p.panelist(), "INTERVIEWER");

        panel.restoreDraft(Long.toString(saved.id()), "Saved part, and the unsaved rest", false, saved.version());

        assertThat(storedTexts(p.sessionId())).containsExactly("Saved part, and the unsaved rest");
        assertThat(panel.composerText()).isEqualTo("Saved part, and the unsaved rest");
    }

    /**
     * The last keystroke can come before the save it rode on finished (or the browser's clock can
     * be behind the server's): a draft on the note's current version is still the newer text.
     */
    @Test
    void a_draft_on_the_current_version_is_restored_whatever_the_browsers_clock_says() {
        TestPanel.Panel p = testPanel.live();
        TestUsers.signIn(p.panelist(), "INTERVIEWER");
        Note saved = notes.saveNote(p.sessionId(), null, 0, "The saved words", false);
        NotesPanel panel = mount(p.sessionId(), p.panelist(), "INTERVIEWER");

        panel.restoreDraft(Long.toString(saved.id()), "The saved words and what came after", false, saved.version());

        assertThat(storedTexts(p.sessionId())).containsExactly("The saved words and what came after");
        assertThat(panel.conflict.isVisible()).isFalse();
    }

    @Test
    void a_draft_whose_note_was_changed_elsewhere_since_is_shown_as_a_conflict_not_saved_over_it() {
        TestPanel.Panel p = testPanel.live();
        TestUsers.signIn(p.panelist(), "INTERVIEWER");
        Note base = notes.saveNote(p.sessionId(), null, 0, "Base", false);
        Note other = notes.saveNote(p.sessionId(), base.id(), base.version(), "Base, edited in another tab", false);
        NotesPanel panel = mount(p.sessionId(), p.panelist(), "INTERVIEWER");

        panel.restoreDraft(Long.toString(base.id()), "Base, edited in the crashed tab", false, base.version());

        assertThat(storedTexts(p.sessionId())).containsExactly("Base, edited in another tab");
        assertThat(panel.conflict.isVisible()).isTrue();
        assertThat(panel.composerText()).isEqualTo("Base, edited in the crashed tab");
    }

    @Test
    void another_panelists_note_appears_without_a_reload() throws InterruptedException {
        TestPanel.Panel p = testPanel.live();
        mount(p.sessionId(), p.panelist(), "INTERVIEWER");
        TestUsers.signIn(p.lead(), "INTERVIEWER");
        notes.saveNote(p.sessionId(), null, 0, "The lead's observation", false);
        TestUsers.signIn(p.panelist(), "INTERVIEWER");

        long deadline = System.currentTimeMillis() + 20_000;
        while (!timelineTexts().contains("The lead's observation") && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            MockVaadin.runUIQueue();
        }

        assertThat(timelineTexts()).containsExactly("The lead's observation");
    }

    @Test
    void a_new_note_after_a_private_one_is_shared_again() {
        TestPanel.Panel p = testPanel.live();
        NotesPanel panel = mount(p.sessionId(), p.panelist(), "INTERVIEWER");
        panel.privateNote.setValue(true);
        assertThat(panel.saveNow("Only for me")).isTrue();

        _click(panel.newNote);

        assertThat(panel.privateNote.getValue()).isFalse();
        assertThat(panel.saveNow("For the panel")).isTrue();
        assertThat(jdbc.sql("select text, private from session_note where session_id = ? order by id")
                .param(p.sessionId()).query((rs, row) -> rs.getString(1) + ":" + rs.getBoolean(2)).list())
                .containsExactly("Only for me:true", "For the panel:false");
    }

    @Test
    void the_quick_tag_hint_goes_away_once_the_session_starts() {
        TestPanel.Panel p = testPanel.scheduled();
        NotesPanel panel = mount(p.sessionId(), p.lead(), "INTERVIEWER");
        assertThat(panel.tagStatus.getText()).isEqualTo(NotesPanel.TAGS_BEFORE_START);

        PanelViewSupport.as(p.lead(), "INTERVIEWER", () -> sessions.start(p.sessionId()));
        boolean cleared = PanelViewSupport.awaitUi(() -> panel.tagStatus.getText().isEmpty(), java.time.Duration.ofSeconds(10));

        assertThat(cleared).as("the live update clears it").isTrue();
        assertThat(_find(Button.class, spec -> spec.withId("tag-star_situation"))).allMatch(Button::isEnabled);
    }

    @Test
    void while_the_database_is_away_a_save_keeps_the_text_says_so_and_asks_the_browser_to_retry() {
        TestPanel.Panel p = testPanel.live();
        login(p.panelist(), "INTERVIEWER");
        NoteService away = org.mockito.Mockito.mock(NoteService.class, org.mockito.AdditionalAnswers.delegatesTo(notes));
        org.mockito.Mockito.doThrow(new org.springframework.jdbc.CannotGetJdbcConnectionException("connection refused"))
                .when(away).saveNote(org.mockito.ArgumentMatchers.anyLong(), org.mockito.ArgumentMatchers.any(),
                        org.mockito.ArgumentMatchers.anyLong(), org.mockito.ArgumentMatchers.anyString(),
                        org.mockito.ArgumentMatchers.anyBoolean());
        var panel = new NotesPanel(io.mockpanel.support.FollowedFeed.open(timeline, bus, p.sessionId()), away);
        UI.getCurrent().add(panel);
        MockVaadin.clientRoundtrip(false);

        assertThat(panel.autosave("Typed while the database restarts")).isEqualTo("retry");

        assertThat(panel.status.getText()).contains("database cannot be reached").contains("kept in this browser");
        assertThat(panel.counter.getText()).as("the text stays in the composer").isEqualTo("33 / 20 000");
        assertThat(storedTexts(p.sessionId())).isEmpty();
        org.mockito.Mockito.reset(away);
        assertThat(panel.autosave("Typed while the database restarts")).as("the retry once it is back")
                .matches("\\d+:0");
        assertThat(storedTexts(p.sessionId())).containsExactly("Typed while the database restarts");
    }

    @Test
    void saves_faster_than_allowed_are_answered_with_retry_and_never_lose_the_text() {
        TestPanel.Panel p = testPanel.live();
        NotesPanel panel = mount(p.sessionId(), p.panelist(), "INTERVIEWER");
        int retries = 0;
        String last = "";
        for (int i = 0; i < 40; i++) {
            last = "Note typed very fast " + i;
            if (panel.autosave(last).equals("retry")) {
                retries++;
            }
        }

        assertThat(retries).as("a flood of saves is refused beyond the burst").isGreaterThan(0);
        assertThat(panel.status.getText()).startsWith("Not saved yet:").contains("Try again in");
        long events = jdbc.sql("select count(*) from session_event where session_id = ? and type = 'NOTE_SAVED'")
                .param(p.sessionId()).query(Long.class).single();
        // The burst of 20, and the few tokens that refill (4 a second) while the loop runs.
        assertThat(events).isBetween(20L, 28L);
        assertThat(panel.counter.getText()).isEqualTo(last.length() + " / 20 000");
    }

    @Autowired
    io.mockpanel.panel.PanelSessionService sessions;
}
