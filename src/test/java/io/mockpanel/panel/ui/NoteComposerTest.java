package io.mockpanel.panel.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.mockpanel.panel.ui.NotesTestSupport.timelineTexts;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.ShortcutsKt;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import io.mockpanel.panel.Note;
import io.mockpanel.panel.NoteService;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.AdditionalAnswers;
import org.mockito.ArgumentMatchers;
import org.mockito.Mockito;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class NoteComposerTest extends NotesPartsTest {

    private NoteComposer mount(long sessionId, String username) {
        return mountOn(notes, sessionId, username);
    }

    private NoteComposer mountOn(NoteService service, long sessionId, String username) {
        login(username, "INTERVIEWER");
        return NotesTestSupport.mount(timeline, bus, service, sessionId).composer();
    }

    private List<String> storedTexts(long sessionId) {
        return jdbc.sql("select text from session_note where session_id = ? order by id").param(sessionId)
                .query(String.class).list();
    }

    private long noteEvents(long sessionId) {
        return jdbc.sql("select count(*) from session_event where session_id = ? and type = 'NOTE_SAVED'")
                .param(sessionId).query(Long.class).single();
    }

    @Test
    void saving_shows_saved_after_the_commit_and_the_note_as_plain_text() {
        TestPanel.Panel p = testPanel.live();
        NoteComposer composer = mount(p.sessionId(), p.panelist());
        assertThat(composer.status.text()).doesNotStartWith("Saved");

        boolean saved = composer.saveNow("Answer used <b>x</b> as an example");

        assertThat(saved).isTrue();
        assertThat(storedTexts(p.sessionId())).containsExactly("Answer used <b>x</b> as an example");
        assertThat(composer.status.text()).matches("Saved \\d\\d:\\d\\d:\\d\\d");
        assertThat(composer.status.counter.getText()).isEqualTo("34 / 20 000");
        Div body = _get(Div.class, spec -> spec.withClasses("timeline-text"));
        assertThat(body.getText()).isEqualTo("Answer used <b>x</b> as an example");
        assertThat(body.getElement().getChildren()).isNotEmpty().allMatch(Element::isTextNode);
        assertThat(body.getElement().getProperty("innerHTML")).isNull();

        // Typing on updates the same note, and the timeline line with it.
        assertThat(composer.autosave("Answer used <b>x</b> as an example, then quantified it", false))
                .matches("\\d+:1");
        assertThat(storedTexts(p.sessionId())).containsExactly("Answer used <b>x</b> as an example, then quantified it");
        assertThat(timelineTexts()).containsExactly("Answer used <b>x</b> as an example, then quantified it");
    }

    @Test
    void a_text_over_the_limit_shows_the_message_and_nothing_is_saved() {
        TestPanel.Panel p = testPanel.live();
        NoteComposer composer = mount(p.sessionId(), p.panelist());

        assertThat(composer.saveNow("x".repeat(20_001))).isFalse();

        assertThat(composer.status.text()).contains("at most 20 000 characters").doesNotContain("Saved");
        assertThat(composer.status.counter.getText()).isEqualTo("20 001 / 20 000");
        assertThat(composer.status.counter.getClassNames()).contains("over");
        assertThat(storedTexts(p.sessionId())).isEmpty();
    }

    @Test
    void new_note_starts_a_fresh_note_and_keeps_the_previous_one() {
        TestPanel.Panel p = testPanel.live();
        NoteComposer composer = mount(p.sessionId(), p.panelist());
        composer.saveNow("First point");

        _click(_get(Button.class, spec -> spec.withId("new-note")));
        assertThat(composer.composerText()).isEmpty();
        composer.saveNow("Second point");

        assertThat(storedTexts(p.sessionId())).containsExactly("First point", "Second point");
        assertThat(timelineTexts()).containsExactlyInAnyOrder("First point", "Second point");
    }

    /** Decision 0022: typing stores every save but wakes the other consoles once; leaving the field commits. */
    @Test
    void typing_stores_every_save_but_announces_the_note_once_until_it_is_committed() {
        TestPanel.Panel p = testPanel.live();
        NoteComposer composer = mount(p.sessionId(), p.panelist());
        String text = "";
        for (int i = 0; i < 8; i++) {
            text += "word" + i + " ";
            assertThat(composer.autosave(text, false)).as("save %d", i).matches("\\d+:" + i);
        }
        assertThat(storedTexts(p.sessionId())).containsExactly(text);
        assertThat(composer.status.text()).startsWith("Saved");
        assertThat(noteEvents(p.sessionId())).as("the creation only").isEqualTo(1);

        // Leaving the field (the script sends the same text as a commit): the others hear of it now.
        assertThat(composer.autosave(text, true)).endsWith(":7");
        assertThat(noteEvents(p.sessionId())).isEqualTo(2);
        // Nothing new since: another commit wakes nobody.
        composer.autosave(text, true);
        _click(composer.newNote);
        assertThat(noteEvents(p.sessionId())).isEqualTo(2);
    }

    @Test
    void new_note_announces_the_previous_note_when_its_last_words_were_not_yet() {
        TestPanel.Panel p = testPanel.live();
        NoteComposer composer = mount(p.sessionId(), p.panelist());
        composer.autosave("Created", false);
        composer.autosave("Created, and typed on", false);
        assertThat(noteEvents(p.sessionId())).isEqualTo(1);

        _click(composer.newNote);

        assertThat(noteEvents(p.sessionId())).isEqualTo(2);
    }

    @Test
    void a_save_after_another_tab_saved_shows_the_conflict_and_can_load_the_other_version() {
        TestPanel.Panel p = testPanel.live();
        NoteComposer composer = mount(p.sessionId(), p.panelist());
        composer.saveNow("Version one");
        Note stored = notes.myNotes(p.sessionId()).getFirst();
        // The same author's other tab saves first.
        notes.saveNote(p.sessionId(), stored.id(), stored.version(), "Saved in the other tab", false);

        assertThat(composer.saveNow("Typed in this tab")).isFalse();

        assertThat(composer.conflict.isVisible()).isTrue();
        assertThat(composer.conflict.getElement().getTextRecursively()).contains("changed in another tab");
        assertThat(composer.newNote.isEnabled()).as("a new note would drop the unsaved text").isFalse();
        assertThat(composer.status.text()).isEqualTo("Not saved: conflict.");
        assertThat(storedTexts(p.sessionId())).containsExactly("Saved in the other tab");
        // Further autosaves do not overwrite it either.
        assertThat(composer.saveNow("Typed in this tab, more")).isFalse();
        assertThat(storedTexts(p.sessionId())).containsExactly("Saved in the other tab");

        _click(_get(Button.class, spec -> spec.withId("load-other-version")));

        assertThat(composer.conflict.isVisible()).isFalse();
        assertThat(composer.newNote.isEnabled()).isTrue();
        assertThat(composer.composerText()).isEqualTo("Saved in the other tab");
        assertThat(composer.saveNow("Saved in the other tab, and continued here")).isTrue();
        assertThat(storedTexts(p.sessionId())).containsExactly("Saved in the other tab, and continued here");
    }

    @Test
    void keeping_mine_after_a_conflict_saves_it_as_a_new_note_and_overwrites_nothing() {
        TestPanel.Panel p = testPanel.live();
        NoteComposer composer = mount(p.sessionId(), p.panelist());
        composer.saveNow("Version one");
        Note stored = notes.myNotes(p.sessionId()).getFirst();
        notes.saveNote(p.sessionId(), stored.id(), stored.version(), "Theirs", false);
        composer.saveNow("Mine");

        _click(_get(Button.class, spec -> spec.withId("keep-mine-as-new")));

        assertThat(composer.conflict.isVisible()).isFalse();
        assertThat(composer.status.text()).startsWith("Saved").endsWith("as a new note");
        assertThat(storedTexts(p.sessionId())).containsExactly("Theirs", "Mine");
    }

    @Test
    void the_composer_notices_from_the_event_alone_when_its_note_was_committed_elsewhere() {
        TestPanel.Panel p = testPanel.live();
        NoteComposer composer = mount(p.sessionId(), p.panelist());
        composer.saveNow("Version one");
        Note stored = notes.myNotes(p.sessionId()).getFirst();
        notes.saveNote(p.sessionId(), stored.id(), stored.version(), "From the other tab", false);

        boolean noticed = PanelViewSupport.awaitUi(composer.conflict::isVisible, Duration.ofSeconds(10));

        assertThat(noticed).as("the live feed's event shows the conflict before a save fails").isTrue();
        assertThat(_find(Button.class, spec -> spec.withId("load-other-version"))).hasSize(1);
        _click(composer.conflict.loadOther);
        assertThat(composer.composerText()).isEqualTo("From the other tab");
    }

    @Test
    void ticking_private_saves_the_note_as_private() {
        TestPanel.Panel p = testPanel.live();
        NoteComposer composer = mount(p.sessionId(), p.panelist());
        composer.saveNow("Second thoughts");

        composer.privateNote.setValue(true);

        assertThat(notes.myNotes(p.sessionId()).getFirst().isPrivate()).isTrue();
        TestUsers.signIn(p.lead(), "INTERVIEWER");
        assertThat(notes.notes(p.sessionId())).isEmpty();
    }

    @Test
    void a_new_note_after_a_private_one_is_shared_again() {
        TestPanel.Panel p = testPanel.live();
        NoteComposer composer = mount(p.sessionId(), p.panelist());
        composer.privateNote.setValue(true);
        assertThat(composer.saveNow("Only for me")).isTrue();

        _click(composer.newNote);

        assertThat(composer.privateNote.getValue()).isFalse();
        assertThat(composer.saveNow("For the panel")).isTrue();
        assertThat(jdbc.sql("select text, private from session_note where session_id = ? order by id")
                .param(p.sessionId()).query((rs, row) -> rs.getString(1) + ":" + rs.getBoolean(2)).list())
                .containsExactly("Only for me:true", "For the panel:false");
    }

    @Test
    void a_draft_left_in_the_browser_is_restored_and_saved_when_nothing_was_saved_yet() {
        TestPanel.Panel p = testPanel.live();
        NoteComposer composer = mount(p.sessionId(), p.panelist());

        composer.restoreDraft("", "Typed before the crash", true, 0);

        assertThat(storedTexts(p.sessionId())).containsExactly("Typed before the crash");
        assertThat(notes.myNotes(p.sessionId()).getFirst().isPrivate()).isTrue();
        assertThat(composer.composerText()).isEqualTo("Typed before the crash");
        assertThat(composer.status.text()).startsWith("Saved").contains("restored");
    }

    /**
     * The last keystroke can come before the save it rode on finished (or the browser's clock can
     * be behind the server's): a draft on the note's current version is still the newer text.
     */
    @Test
    void a_draft_on_the_current_version_is_restored_over_the_saved_note() {
        TestPanel.Panel p = testPanel.live();
        TestUsers.signIn(p.panelist(), "INTERVIEWER");
        Note saved = notes.saveNote(p.sessionId(), null, 0, "The saved words", false);
        NoteComposer composer = mount(p.sessionId(), p.panelist());

        composer.restoreDraft(Long.toString(saved.id()), "The saved words and what came after", false, saved.version());

        assertThat(storedTexts(p.sessionId())).containsExactly("The saved words and what came after");
        assertThat(composer.composerText()).isEqualTo("The saved words and what came after");
        assertThat(composer.conflict.isVisible()).isFalse();
    }

    @Test
    void a_draft_whose_note_was_changed_elsewhere_since_is_shown_as_a_conflict_not_saved_over_it() {
        TestPanel.Panel p = testPanel.live();
        TestUsers.signIn(p.panelist(), "INTERVIEWER");
        Note base = notes.saveNote(p.sessionId(), null, 0, "Base", false);
        notes.saveNote(p.sessionId(), base.id(), base.version(), "Base, edited in another tab", false);
        NoteComposer composer = mount(p.sessionId(), p.panelist());

        composer.restoreDraft(Long.toString(base.id()), "Base, edited in the crashed tab", false, base.version());

        assertThat(storedTexts(p.sessionId())).containsExactly("Base, edited in another tab");
        assertThat(composer.conflict.isVisible()).isTrue();
        assertThat(composer.composerText()).isEqualTo("Base, edited in the crashed tab");
    }

    @Test
    void while_the_database_is_away_a_save_keeps_the_text_says_so_and_asks_the_browser_to_retry() {
        TestPanel.Panel p = testPanel.live();
        NoteService away = Mockito.mock(NoteService.class, AdditionalAnswers.delegatesTo(notes));
        Mockito.doThrow(new CannotGetJdbcConnectionException("connection refused"))
                .when(away).save(ArgumentMatchers.anyLong(), ArgumentMatchers.any(), ArgumentMatchers.anyLong(),
                        ArgumentMatchers.anyString(), ArgumentMatchers.anyBoolean(), ArgumentMatchers.any());
        NoteComposer composer = mountOn(away, p.sessionId(), p.panelist());

        assertThat(composer.autosave("Typed while the database restarts", false)).isEqualTo("retry");

        assertThat(composer.status.text()).contains("database cannot be reached").contains("kept in this browser");
        assertThat(composer.status.counter.getText()).as("the text stays in the composer").isEqualTo("33 / 20 000");
        assertThat(storedTexts(p.sessionId())).isEmpty();
        Mockito.reset(away);
        assertThat(composer.autosave("Typed while the database restarts", false)).as("the retry once it is back")
                .matches("\\d+:0");
        assertThat(storedTexts(p.sessionId())).containsExactly("Typed while the database restarts");
    }

    @Test
    void saves_faster_than_allowed_are_answered_with_retry_and_never_lose_the_text() {
        TestPanel.Panel p = testPanel.live();
        NoteComposer composer = mount(p.sessionId(), p.panelist());
        int retries = 0;
        String last = "";
        for (int i = 0; i < 40; i++) {
            last = "Note typed very fast " + i;
            if (composer.autosave(last, false).equals("retry")) {
                retries++;
            }
        }

        assertThat(retries).as("a flood of saves is refused beyond the burst").isGreaterThan(0);
        // The burst of 20, and the few tokens that refill (4 a second) while the loop runs.
        assertThat(40 - retries).isBetween(20, 28);
        assertThat(composer.status.text()).startsWith("Not saved yet:").contains("Try again in");
        assertThat(composer.status.counter.getText()).isEqualTo(last.length() + " / 20 000");
    }

    @Test
    void alt_m_focuses_the_note_from_anywhere_on_the_console() {
        TestPanel.Panel p = testPanel.live();
        NoteComposer composer = mount(p.sessionId(), p.panelist());
        MockVaadin.clientRoundtrip(false);

        ShortcutsKt.fireShortcut(Key.KEY_M, KeyModifier.ALT);

        // Element.executeJs waits for the response to be written: run that step, then look.
        UI.getCurrent().getInternals().getStateTree().runExecutionsBeforeClientResponse();
        List<Element> focused = UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .filter(invocation -> invocation.getInvocation().getExpression().contains("focus"))
                .flatMap(invocation -> invocation.getInvocation().getParameters().stream())
                .filter(Element.class::isInstance).map(Element.class::cast).toList();
        assertThat(focused).contains(composer.text.getElement());
        assertThat(NoteComposer.SHORTCUTS).extracting(hint -> hint.keys()).containsExactly("Alt+M");
    }
}
