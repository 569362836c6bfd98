package io.mockpanel.panel.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.mockpanel.panel.ui.NotesTestSupport.timelineTags;
import static io.mockpanel.panel.ui.NotesTestSupport.timelineTexts;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import io.mockpanel.base.ui.ShortcutHint;
import io.mockpanel.panel.Note;
import io.mockpanel.panel.NoteService;
import io.mockpanel.panel.PromptKind;
import io.mockpanel.panel.PromptRef;
import io.mockpanel.panel.QuickTag;
import io.mockpanel.panel.SessionRole;
import io.mockpanel.support.FollowedFeed;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mockito.AdditionalAnswers;
import org.mockito.Mockito;

/** The notes parts together, as a console shows them: wiring, what they read on live events, shortcuts. */
class NotesPanelTest extends NotesPartsTest {

    /** NoteService's methods that read nothing: they decode an event the feed already read. */
    private static final Set<String> NO_READ = Set.of("noteSaved", "tagOf");

    /** Calls to the service that read or write the database (every method but the event decoders). */
    private static List<String> readsOf(NoteService spy) {
        return Mockito.mockingDetails(spy).getInvocations().stream()
                .map(invocation -> invocation.getMethod().getName())
                .filter(name -> !NO_READ.contains(name))
                .toList();
    }

    /** Waits until the feed has handed out every event the session has now. */
    private void awaitFeed(long sessionId, LiveFeed feed) {
        long last = jdbc.sql("select last_event_seq from panel_session where id = ?").param(sessionId)
                .query(Long.class).single();
        assertThat(PanelViewSupport.awaitUi(() -> feed.live().lastSeq() >= last, Duration.ofSeconds(20)))
                .as("the feed caught up to event %d", last).isTrue();
    }

    /**
     * Counted on the service's calls (a Mockito spy delegating to the real service): each call the
     * notes parts make on an event is one SQL statement, except the event decoders, which read nothing.
     */
    @Test
    void events_not_about_notes_cost_no_read_a_tag_none_and_a_note_event_one() {
        TestPanel.Panel p = testPanel.live();
        login(p.panelist(), "INTERVIEWER");
        NoteService spy = Mockito.mock(NoteService.class, AdditionalAnswers.delegatesTo(notes));
        NotesTestSupport.Mounted m = NotesTestSupport.mount(timeline, bus, spy, p.sessionId());
        Mockito.clearInvocations(spy);

        TestUsers.as(p.lead(), "INTERVIEWER", () -> {
            control.push(p.sessionId(), PromptRef.of(0, PromptKind.SITUATION));
            control.startTimer(p.sessionId(), 0);
        });
        awaitFeed(p.sessionId(), m.feed());
        assertThat(readsOf(spy)).as("a prompt and a timer").isEmpty();

        TestUsers.as(p.lead(), "INTERVIEWER", () -> notes.addTag(p.sessionId(), QuickTag.STAR_TASK));
        awaitFeed(p.sessionId(), m.feed());
        assertThat(timelineTags()).containsExactly("Task");
        assertThat(readsOf(spy)).as("a tag comes whole in its event").isEmpty();

        TestUsers.as(p.lead(), "INTERVIEWER", () -> {
            Note first = notes.saveNote(p.sessionId(), null, 0, "First", false);
            notes.saveNote(p.sessionId(), first.id(), first.version(), "First, edited", false);
            notes.saveNote(p.sessionId(), null, 0, "Secret of the lead", true);
        });
        awaitFeed(p.sessionId(), m.feed());
        assertThat(timelineTexts()).containsExactly("First, edited");
        assertThat(readsOf(spy)).as("three note events: at most one read per wake-up, never for another's private note")
                .isNotEmpty().allMatch("visibleNotes"::equals).hasSizeLessThanOrEqualTo(2);
        Mockito.verify(spy, Mockito.never()).canWrite(Mockito.anyLong());
    }

    @Test
    void the_writers_own_saves_and_tags_reach_their_timeline_without_a_read() {
        TestPanel.Panel p = testPanel.live();
        login(p.panelist(), "INTERVIEWER");
        NoteService spy = Mockito.mock(NoteService.class, AdditionalAnswers.delegatesTo(notes));
        NotesTestSupport.Mounted m = NotesTestSupport.mount(timeline, bus, spy, p.sessionId());
        m.composer().autosave("Mine", true);
        _click(_get(Button.class, spec -> spec.withId("tag-star_action")));
        Mockito.clearInvocations(spy);

        awaitFeed(p.sessionId(), m.feed());

        assertThat(timelineTexts()).containsExactly("Mine");
        assertThat(timelineTags()).containsExactly("Action");
        assertThat(readsOf(spy)).as("its own events: shown already").isEmpty();
    }

    @Test
    void edit_in_the_timeline_puts_the_writers_note_in_the_composer() {
        TestPanel.Panel p = testPanel.live();
        login(p.panelist(), "INTERVIEWER");
        NotesTestSupport.Mounted m = NotesTestSupport.mount(timeline, bus, notes, p.sessionId());
        m.composer().saveNow("Worth a second look");
        _click(m.composer().newNote);

        _click(_get(Button.class, spec -> spec.withClasses("edit-note")));

        assertThat(m.composer().composerText()).isEqualTo("Worth a second look");
        assertThat(m.composer().status.text()).startsWith("Editing the note from 00:");
    }

    @Test
    void a_console_that_knows_the_role_builds_the_parts_without_asking() {
        TestPanel.Panel p = testPanel.live();
        login(p.coach(), "COACH");
        NoteService spy = Mockito.mock(NoteService.class, AdditionalAnswers.delegatesTo(notes));
        var panel = new NotesPanel(FollowedFeed.open(timeline, bus, p.sessionId()), spy, SessionRole.OBSERVER);
        UI.getCurrent().add(panel);
        MockVaadin.clientRoundtrip(false);

        assertThat(panel.parts()).isNotNull();
        assertThat(panel.parts().composer()).isNull();
        Mockito.verify(spy, Mockito.never()).canWrite(Mockito.anyLong());
        assertThat(readsOf(spy)).containsExactly("sessionNotes");
    }

    @Test
    void the_shortcuts_are_listed_for_the_consoles_help() {
        assertThat(NotesPanel.SHORTCUTS).extracting(ShortcutHint::keys)
                .containsExactly("Alt+M", "Alt+1", "Alt+2", "Alt+3", "Alt+4");
        assertThat(NotesPanel.SHORTCUTS).extracting(ShortcutHint::action)
                .contains("Write a note", "Tag \u201CSituation\u201D (STAR)");
    }
}
