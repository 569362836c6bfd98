package io.mockpanel.panel.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.mockpanel.panel.ui.NotesTestSupport.groupHeadings;
import static io.mockpanel.panel.ui.NotesTestSupport.lineKinds;
import static io.mockpanel.panel.ui.NotesTestSupport.timelineTags;
import static io.mockpanel.panel.ui.NotesTestSupport.timelineTexts;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.mockpanel.panel.Note;
import io.mockpanel.panel.NoteService;
import io.mockpanel.panel.PromptKind;
import io.mockpanel.panel.PromptRef;
import io.mockpanel.panel.QuickTag;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class NotesTimelineTest extends NotesPartsTest {

    @Autowired
    JdbcClient jdbc;

    private NotesTestSupport.Mounted mount(long sessionId, String username, String role) {
        login(username, role);
        return NotesTestSupport.mount(timeline, bus, notes, sessionId);
    }

    /** As the lead: pushes a prompt, writes a note and adds a STAR tag under it. */
    private void leadWritesUnder(TestPanel.Panel p, PromptRef prompt, String note) {
        TestUsers.as(p.lead(), "INTERVIEWER", () -> {
            control.push(p.sessionId(), prompt);
            notes.saveNote(p.sessionId(), null, 0, note, false);
            notes.addTag(p.sessionId(), QuickTag.STAR_SITUATION);
        });
    }

    @Test
    void lines_are_grouped_under_the_prompt_on_screen_and_each_prompt_is_written_once_per_group() {
        TestPanel.Panel p = testPanel.live();
        leadWritesUnder(p, PromptRef.of(0, PromptKind.OVERVIEW), "Under the overview");
        leadWritesUnder(p, PromptRef.of(0, PromptKind.SITUATION), "Under the situation");

        mount(p.sessionId(), p.panelist(), "INTERVIEWER");

        assertThat(groupHeadings()).hasSize(2);
        assertThat(groupHeadings().get(0)).endsWith("› Situation");
        assertThat(groupHeadings().get(1)).doesNotContain("›");
        assertThat(lineKinds()).hasSize(4);
        assertThat(timelineTexts()).containsExactly("Under the situation", "Under the overview");
    }

    @Test
    void a_star_tag_carries_its_own_mark_so_it_never_reads_like_the_prompt_named_situation() {
        TestPanel.Panel p = testPanel.live();
        leadWritesUnder(p, PromptRef.of(0, PromptKind.SITUATION), "Context set");
        TestUsers.as(p.lead(), "INTERVIEWER", () -> notes.addTag(p.sessionId(), QuickTag.TOO_VAGUE));

        mount(p.sessionId(), p.panelist(), "INTERVIEWER");

        assertThat(timelineTags()).containsExactly("Too vague", "Situation");
        Span situation = _get(Span.class, spec -> spec.withClasses("timeline-tag star"));
        assertThat(situation.getText()).isEqualTo("Situation");
        assertThat(_find(Span.class, spec -> spec.withClasses("timeline-star"))).hasSize(1)
                .allMatch(mark -> mark.getText().equals("STAR"));
        assertThat(_find(Span.class, spec -> spec.withClasses("timeline-prompt")))
                .noneMatch(prompt -> prompt.getClassNames().contains("star"));
    }

    @Test
    void the_filter_shows_one_kind_at_a_time_and_private_shows_only_the_viewers_private_notes() {
        TestPanel.Panel p = testPanel.live();
        leadWritesUnder(p, PromptRef.of(0, PromptKind.SITUATION), "The lead's note");
        NotesTestSupport.Mounted m = mount(p.sessionId(), p.panelist(), "INTERVIEWER");
        m.composer().privateNote.setValue(true);
        m.composer().saveNow("Only for me");
        assertThat(lineKinds()).containsExactlyInAnyOrder("note", "note", "tag");

        _click(_get(Button.class, spec -> spec.withId("timeline-filter-tags")));
        assertThat(lineKinds()).containsExactly("tag");

        _click(_get(Button.class, spec -> spec.withId("timeline-filter-notes")));
        assertThat(lineKinds()).containsExactly("note", "note");

        _click(_get(Button.class, spec -> spec.withId("timeline-filter-private")));
        assertThat(timelineTexts()).containsExactly("Only for me");
        assertThat(_get(Button.class, spec -> spec.withId("timeline-filter-private")).getElement()
                .getAttribute("aria-pressed")).isEqualTo("true");

        _click(_get(Button.class, spec -> spec.withId("timeline-filter-all")));
        assertThat(lineKinds()).hasSize(3);
    }

    @Test
    void an_observer_sees_shared_notes_but_neither_private_ones_nor_a_composer_nor_the_private_filter() {
        TestPanel.Panel p = testPanel.live();
        TestUsers.signIn(p.panelist(), "INTERVIEWER");
        notes.saveNote(p.sessionId(), null, 0, "Shared with the panel", false);
        notes.saveNote(p.sessionId(), null, 0, "Just for me", true);

        NotesTestSupport.Mounted m = mount(p.sessionId(), p.coach(), "COACH");

        assertThat(m.parts().composer()).isNull();
        assertThat(_find(com.vaadin.flow.component.textfield.TextArea.class)).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("tag-star_task"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("timeline-filter-private"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withClasses("edit-note"))).isEmpty();
        assertThat(timelineTexts()).containsExactly("Shared with the panel");
    }

    @Test
    void another_panelists_note_typed_with_autosave_appears_with_its_committed_text_without_a_reload() {
        TestPanel.Panel p = testPanel.live();
        mount(p.sessionId(), p.panelist(), "INTERVIEWER");

        TestUsers.as(p.lead(), "INTERVIEWER", () -> {
            Note note = notes.save(p.sessionId(), null, 0, "The lead", false, NoteService.SaveKind.TYPING).note();
            for (String more : new String[] {"The lead's", "The lead's observation"}) {
                note = notes.save(p.sessionId(), note.id(), note.version(), more, false, NoteService.SaveKind.TYPING)
                        .note();
            }
            notes.commitNote(p.sessionId(), note.id());
        });

        boolean shown = PanelViewSupport.awaitUi(() -> timelineTexts().contains("The lead's observation"),
                Duration.ofSeconds(20));
        assertThat(shown).isTrue();
        assertThat(timelineTexts()).containsExactly("The lead's observation");
    }

    @Test
    void a_note_its_writer_makes_private_leaves_the_other_timelines() {
        TestPanel.Panel p = testPanel.live();
        Note[] note = new Note[1];
        TestUsers.as(p.lead(), "INTERVIEWER",
                () -> note[0] = notes.saveNote(p.sessionId(), null, 0, "Said too soon", false));
        mount(p.sessionId(), p.panelist(), "INTERVIEWER");
        assertThat(timelineTexts()).containsExactly("Said too soon");

        TestUsers.as(p.lead(), "INTERVIEWER", () -> notes.save(p.sessionId(), note[0].id(), note[0].version(),
                "Said too soon", true, NoteService.SaveKind.TYPING));

        boolean gone = PanelViewSupport.awaitUi(() -> timelineTexts().isEmpty(), Duration.ofSeconds(20));
        assertThat(gone).as("a privacy change is announced at once, even while typing").isTrue();
    }

    @Test
    void a_new_note_adds_its_own_line_and_leaves_the_lines_on_screen_as_they_are() {
        TestPanel.Panel p = testPanel.live();
        leadWritesUnder(p, PromptRef.of(0, PromptKind.SITUATION), "First thought");
        mount(p.sessionId(), p.panelist(), "INTERVIEWER");
        List<Div> before = _find(Div.class, spec -> spec.withClasses("timeline-entry"));
        assertThat(before).hasSize(2);

        TestUsers.as(p.lead(), "INTERVIEWER", () -> notes.saveNote(p.sessionId(), null, 0, "Second thought", false));
        boolean shown = PanelViewSupport.awaitUi(() -> timelineTexts().contains("Second thought"), Duration.ofSeconds(20));

        assertThat(shown).isTrue();
        List<Div> after = _find(Div.class, spec -> spec.withClasses("timeline-entry"));
        assertThat(after).hasSize(3);
        // the same components, still on screen: the event built one line, it did not redraw the list
        assertThat(after.subList(1, 3)).containsExactlyElementsOf(before);
        assertThat(timelineTexts()).containsExactly("Second thought", "First thought");
    }

    @Test
    void a_long_timeline_shows_its_newest_lines_and_the_earlier_ones_on_request() {
        TestPanel.Panel p = testPanel.live();
        int written = TimelineLines.PAGE + 5;
        // written straight into the table: through the service, the per-writer rate limit would make this slow
        for (int i = 1; i <= written; i++) {
            jdbc.sql("insert into session_note (session_id, author, private, text, offset_ms, created_at, updated_at, "
                    + "version) values (?, ?, false, ?, ?, now(), now(), 0)")
                    .params(p.sessionId(), p.lead(), "Note " + i, i * 1_000L).update();
        }

        mount(p.sessionId(), p.panelist(), "INTERVIEWER");

        assertThat(timelineTexts()).hasSize(TimelineLines.PAGE).startsWith("Note " + written).doesNotContain("Note 5");
        Button earlier = _get(Button.class, spec -> spec.withId("timeline-earlier"));
        assertThat(earlier.getText()).isEqualTo("Show earlier (5 more)");

        _click(earlier);

        assertThat(timelineTexts()).hasSize(written).endsWith("Note 1");
        assertThat(_find(Button.class, spec -> spec.withId("timeline-earlier"))).isEmpty();
    }
}
