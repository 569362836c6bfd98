package io.mockpanel.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mockpanel.scenario.ScenarioContent;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class NoteServiceTest {

    @Autowired
    NoteService notes;

    @Autowired
    LiveControlService control;

    @Autowired
    PanelSessionService sessions;

    @Autowired
    TestPanel testPanel;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    SessionEventLog log;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private static void as(String username, String role) {
        TestUsers.signIn(username, role);
    }

    private static void asLead(TestPanel.Panel panel) {
        as(panel.lead(), "INTERVIEWER");
    }

    private static void asPanelist(TestPanel.Panel panel) {
        as(panel.panelist(), "INTERVIEWER");
    }

    private static void asCoach(TestPanel.Panel panel) {
        as(panel.coach(), "COACH");
    }

    /** A live session that started {@code minutesAgo} minutes ago, as far as its log says. */
    private TestPanel.Panel liveSince(int minutesAgo) {
        TestPanel.Panel panel = testPanel.live();
        jdbc.sql("update session_event set created_at = ? where session_id = ? and type = 'SESSION_STARTED'")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(minutesAgo), panel.sessionId()).update();
        return panel;
    }

    private List<ScenarioContent> agenda(TestPanel.Panel panel) {
        asLead(panel);
        return sessions.agendaOf(panel.sessionId());
    }

    private String storedText(long noteId) {
        return jdbc.sql("select text from session_note where id = ?").param(noteId).query(String.class).single();
    }

    private long noteRows(long sessionId) {
        return jdbc.sql("select count(*) from session_note where session_id = ?").param(sessionId)
                .query(Long.class).single();
    }

    private List<String> eventPayloads(long sessionId, String type) {
        return jdbc.sql("select payload::text from session_event where session_id = ? and type = ? order by seq")
                .params(sessionId, type).query(String.class).list();
    }

    // --- stamping ----------------------------------------------------------------------------------------

    @Test
    void a_new_note_is_stamped_with_the_offset_since_the_start_and_the_prompt_on_screen() {
        TestPanel.Panel panel = liveSince(5);
        List<ScenarioContent> agenda = agenda(panel);
        control.push(panel.sessionId(), PromptRef.of(0, PromptKind.SITUATION));

        asPanelist(panel);
        Note note = notes.saveNote(panel.sessionId(), null, 0, "Opened with the context", false);

        assertThat(note.prompt()).isEqualTo(PromptRef.of(0, PromptKind.SITUATION));
        assertThat(note.promptLabel()).isEqualTo(agenda.get(0).title() + " › Situation");
        assertThat(note.offset()).isBetween(Duration.ofMinutes(5), Duration.ofMinutes(5).plusSeconds(30));
        assertThat(note.author()).isEqualTo(panel.panelist());
        assertThat(note.authorName()).isEqualTo("Pat Panelist");
        assertThat(note.version()).isZero();
        assertThat(note.isPrivate()).isFalse();
        assertThat(note.text()).isEqualTo("Opened with the context");
    }

    @Test
    void updating_a_note_changes_its_text_and_version_but_keeps_its_stamp() {
        TestPanel.Panel panel = liveSince(5);
        agenda(panel);
        control.push(panel.sessionId(), PromptRef.of(0, PromptKind.SITUATION));
        asPanelist(panel);
        Note first = notes.saveNote(panel.sessionId(), null, 0, "draft", false);

        asLead(panel);
        control.push(panel.sessionId(), PromptRef.of(1, PromptKind.OVERVIEW));
        asPanelist(panel);
        Note second = notes.saveNote(panel.sessionId(), first.id(), first.version(), "draft, then more", true);

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.version()).isEqualTo(1);
        assertThat(second.text()).isEqualTo("draft, then more");
        assertThat(second.isPrivate()).isTrue();
        assertThat(second.prompt()).isEqualTo(first.prompt());
        assertThat(second.offset()).isEqualTo(first.offset());
        assertThat(second.createdAt()).isEqualTo(first.createdAt());
        assertThat(second.updatedAt()).isAfterOrEqualTo(first.updatedAt());
        assertThat(storedText(first.id())).isEqualTo("draft, then more");
    }

    @Test
    void a_note_written_before_any_prompt_has_no_prompt() {
        TestPanel.Panel panel = testPanel.live();
        asPanelist(panel);

        Note note = notes.saveNote(panel.sessionId(), null, 0, "Waiting for the first question", false);

        assertThat(note.prompt()).isNull();
        assertThat(note.promptLabel()).isNull();
    }

    @Test
    void notes_are_listed_newest_first() {
        TestPanel.Panel panel = testPanel.live();
        asPanelist(panel);
        Note older = notes.saveNote(panel.sessionId(), null, 0, "older", false);
        Note newer = notes.saveNote(panel.sessionId(), null, 0, "newer", false);

        assertThat(notes.notes(panel.sessionId())).extracting(Note::id).containsExactly(newer.id(), older.id());
    }

    // --- privacy and access ------------------------------------------------------------------------------

    @Test
    void a_private_note_is_seen_by_its_author_only() {
        TestPanel.Panel panel = testPanel.live();
        asPanelist(panel);
        Note secret = notes.saveNote(panel.sessionId(), null, 0, "Private doubt about the answer", true);
        Note shared = notes.saveNote(panel.sessionId(), null, 0, "Shared observation", false);

        assertThat(notes.notes(panel.sessionId())).extracting(Note::id).contains(secret.id(), shared.id());
        assertThat(notes.myNotes(panel.sessionId())).extracting(Note::id).contains(secret.id(), shared.id());

        asLead(panel);
        assertThat(notes.notes(panel.sessionId())).extracting(Note::id).containsExactly(shared.id());
        assertThat(notes.notes(panel.sessionId())).extracting(Note::text).doesNotContain("Private doubt about the answer");

        asCoach(panel);
        assertThat(notes.notes(panel.sessionId())).extracting(Note::id).containsExactly(shared.id());
    }

    @Test
    void nobody_changes_or_learns_another_panelists_note_through_a_save() {
        TestPanel.Panel panel = testPanel.live();
        asPanelist(panel);
        Note secret = notes.saveNote(panel.sessionId(), null, 0, "Only mine", true);
        Note shared = notes.saveNote(panel.sessionId(), null, 0, "Everyone's", false);

        asLead(panel);
        // A conflict would hand back the stored note: it must not happen for someone else's note.
        Throwable onSecret = catchThrowableOfType(SessionException.class,
                () -> notes.saveNote(panel.sessionId(), secret.id(), 99, "overwritten", false));
        assertThat(onSecret).isNotInstanceOf(NoteConflictException.class).hasMessageNotContaining("Only mine");
        assertThatThrownBy(() -> notes.saveNote(panel.sessionId(), shared.id(), shared.version(), "overwritten", false))
                .isInstanceOf(SessionException.class).isNotInstanceOf(NoteConflictException.class);

        assertThat(storedText(secret.id())).isEqualTo("Only mine");
        assertThat(storedText(shared.id())).isEqualTo("Everyone's");
    }

    @Test
    void an_observer_reads_shared_notes_but_cannot_write_notes_or_tags() {
        TestPanel.Panel panel = testPanel.live();
        asPanelist(panel);
        Note shared = notes.saveNote(panel.sessionId(), null, 0, "Good structure", false);

        asCoach(panel);
        assertThat(notes.canWrite(panel.sessionId())).isFalse();
        assertThat(notes.notes(panel.sessionId())).extracting(Note::text).containsExactly("Good structure");
        assertThatThrownBy(() -> notes.saveNote(panel.sessionId(), null, 0, "Coach's view", false))
                .isInstanceOf(SessionException.class).hasMessageContaining("Observers");
        assertThatThrownBy(() -> notes.saveNote(panel.sessionId(), shared.id(), shared.version(), "edited", false))
                .isInstanceOf(SessionException.class);
        assertThatThrownBy(() -> notes.addTag(panel.sessionId(), QuickTag.STAR_ACTION))
                .isInstanceOf(SessionException.class).hasMessageContaining("Observers");

        assertThat(noteRows(panel.sessionId())).isEqualTo(1);
        assertThat(storedText(shared.id())).isEqualTo("Good structure");
        assertThat(eventPayloads(panel.sessionId(), SessionEvents.TagAdded.TYPE)).isEmpty();
    }

    @Test
    void someone_who_is_not_on_the_panel_can_neither_read_nor_write() {
        TestPanel.Panel panel = testPanel.live();
        asPanelist(panel);
        notes.saveNote(panel.sessionId(), null, 0, "Inside knowledge", false);
        notes.addTag(panel.sessionId(), QuickTag.STAR_TASK);

        as(panel.outsider(), "INTERVIEWER");
        long id = panel.sessionId();
        assertThatThrownBy(() -> notes.notes(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> notes.myNotes(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> notes.tags(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> notes.canWrite(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> notes.saveNote(id, null, 0, "Sneaked in", false))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> notes.addTag(id, QuickTag.RAMBLING)).isInstanceOf(AccessDeniedException.class);

        as("candidate-" + id, "CANDIDATE");
        assertThatThrownBy(() -> notes.notes(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> notes.tags(id)).isInstanceOf(AccessDeniedException.class);

        assertThat(noteRows(id)).isEqualTo(1);
        assertThat(eventPayloads(id, SessionEvents.TagAdded.TYPE)).hasSize(1);
    }

    @Test
    void a_panelist_of_one_session_cannot_read_or_change_the_notes_of_another() {
        TestPanel.Panel a = testPanel.live();
        TestPanel.Panel b = testPanel.live();
        asPanelist(b);
        Note inB = notes.saveNote(b.sessionId(), null, 0, "Session B's note", false);

        asPanelist(a);
        assertThatThrownBy(() -> notes.notes(b.sessionId())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> notes.saveNote(b.sessionId(), inB.id(), inB.version(), "from A", false))
                .isInstanceOf(AccessDeniedException.class);
        // Through their own session, with B's note id: refused as well.
        assertThatThrownBy(() -> notes.saveNote(a.sessionId(), inB.id(), inB.version(), "from A", false))
                .isInstanceOf(SessionException.class).isNotInstanceOf(NoteConflictException.class);
        assertThat(notes.notes(a.sessionId())).extracting(Note::id).doesNotContain(inB.id());

        assertThat(storedText(inB.id())).isEqualTo("Session B's note");
    }

    // --- text limits and fidelity --------------------------------------------------------------------------

    @Test
    void a_note_over_20000_characters_is_refused_with_a_clear_message_and_nothing_is_saved() {
        TestPanel.Panel panel = testPanel.live();
        asPanelist(panel);
        long id = panel.sessionId();

        assertThatThrownBy(() -> notes.saveNote(id, null, 0, "a".repeat(20_001), false))
                .isInstanceOf(SessionException.class)
                .hasMessageContaining("at most 20 000 characters")
                .hasMessageContaining("20 001");
        assertThat(noteRows(id)).isZero();
        assertThat(eventPayloads(id, SessionEvents.NoteSaved.TYPE)).isEmpty();

        Note exact = notes.saveNote(id, null, 0, "b".repeat(20_000), false);
        assertThatThrownBy(() -> notes.saveNote(id, exact.id(), exact.version(), "c".repeat(20_001), false))
                .isInstanceOf(SessionException.class);
        assertThat(storedText(exact.id())).isEqualTo("b".repeat(20_000));
        assertThat(eventPayloads(id, SessionEvents.NoteSaved.TYPE)).hasSize(1);
    }

    @Test
    void the_limit_counts_characters_so_an_emoji_counts_once() {
        TestPanel.Panel panel = testPanel.live();
        asPanelist(panel);

        Note note = notes.saveNote(panel.sessionId(), null, 0, "😀".repeat(20_000), false);

        assertThat(note.text()).hasSize(40_000).isEqualTo("😀".repeat(20_000));
        assertThatThrownBy(() -> notes.saveNote(panel.sessionId(), null, 0, "😀".repeat(20_001), false))
                .isInstanceOf(SessionException.class);
    }

    @Test
    void nul_characters_are_stripped_and_the_rest_is_kept() {
        TestPanel.Panel panel = testPanel.live();
        asPanelist(panel);

        Note note = notes.saveNote(panel.sessionId(), null, 0, "\u0000Clear\u0000 answer\u0000", false);

        assertThat(note.text()).isEqualTo("Clear answer");
        assertThat(storedText(note.id())).isEqualTo("Clear answer");
    }

    @Test
    void emoji_and_right_to_left_text_round_trip_exactly() {
        TestPanel.Panel panel = testPanel.live();
        asPanelist(panel);
        String text = "Strong 👍🏽 answer 👨‍👩‍👧\nשלום, תשובה טובה מאוד\nإجابة ممتازة، شكراً\ncafe\u0301 \u200Fמעורב mixed\u200E";

        Note saved = notes.saveNote(panel.sessionId(), null, 0, text, false);

        assertThat(saved.text()).isEqualTo(text);
        assertThat(storedText(saved.id())).isEqualTo(text);
        assertThat(notes.notes(panel.sessionId()).getFirst().text()).isEqualTo(text);
    }

    @Test
    void html_is_stored_as_the_text_that_was_typed() {
        TestPanel.Panel panel = testPanel.live();
        asPanelist(panel);

        Note note = notes.saveNote(panel.sessionId(), null, 0, "<b>x</b> <script>alert(1)</script>", false);

        assertThat(storedText(note.id())).isEqualTo("<b>x</b> <script>alert(1)</script>");
    }

    @Test
    void an_empty_new_note_is_not_saved() {
        TestPanel.Panel panel = testPanel.live();
        asPanelist(panel);

        assertThatThrownBy(() -> notes.saveNote(panel.sessionId(), null, 0, " \u0000 ", false))
                .isInstanceOf(SessionException.class);
        assertThat(noteRows(panel.sessionId())).isZero();
    }

    // --- concurrent edits --------------------------------------------------------------------------------

    @Test
    void a_save_based_on_a_stale_version_is_a_conflict_and_the_stored_text_is_unchanged() {
        TestPanel.Panel panel = testPanel.live();
        asPanelist(panel);
        long id = panel.sessionId();
        Note original = notes.saveNote(id, null, 0, "original", false);
        // Tab A saves on top of version 0 ...
        Note tabA = notes.saveNote(id, original.id(), original.version(), "from tab A", false);

        // ... then tab B, still on version 0, tries too.
        NoteConflictException conflict = catchThrowableOfType(NoteConflictException.class,
                () -> notes.saveNote(id, original.id(), original.version(), "from tab B", false));

        assertThat(conflict).isNotNull();
        assertThat(conflict.current().text()).isEqualTo("from tab A");
        assertThat(conflict.current().version()).isEqualTo(tabA.version()).isEqualTo(1);
        assertThat(storedText(original.id())).isEqualTo("from tab A");
        assertThat(eventPayloads(id, SessionEvents.NoteSaved.TYPE)).hasSize(2);
        // With the current version, tab B may save.
        assertThat(notes.saveNote(id, original.id(), conflict.current().version(), "from tab B", false).version())
                .isEqualTo(2);
    }

    // --- events ------------------------------------------------------------------------------------------

    @Test
    void every_committed_save_writes_exactly_one_note_saved_event_that_carries_no_text() {
        TestPanel.Panel panel = testPanel.live();
        asPanelist(panel);
        long id = panel.sessionId();
        Note shared = notes.saveNote(id, null, 0, "SHARED-WORDS", false);
        notes.saveNote(id, shared.id(), shared.version(), "SHARED-WORDS again", false);
        Note secret = notes.saveNote(id, null, 0, "SECRET-WORDS", true);

        List<String> payloads = eventPayloads(id, SessionEvents.NoteSaved.TYPE);
        assertThat(payloads).hasSize(3);
        assertThat(payloads).noneMatch(p -> p.contains("WORDS"));
        @SuppressWarnings("unchecked")
        Map<String, Object> last = json.readValue(payloads.getLast(), Map.class);
        assertThat(last).containsOnlyKeys("noteId", "author", "private", "version")
                .containsEntry("author", panel.panelist())
                .containsEntry("private", true)
                .containsEntry("version", 0);
        assertThat(((Number) last.get("noteId")).longValue()).isEqualTo(secret.id());
        assertThat(jdbc.sql("select count(*) from session_event where session_id = ? and payload::text like '%WORDS%'")
                .param(id).query(Long.class).single()).isZero();
    }

    // --- announcing saves (decision 0022) ----------------------------------------------------------------

    @Test
    void saves_while_typing_are_stored_each_time_but_announced_once_until_the_note_is_committed() {
        TestPanel.Panel panel = testPanel.live();
        asPanelist(panel);
        long id = panel.sessionId();
        NoteService.SavedNote created = notes.save(id, null, 0, "w", false, NoteService.SaveKind.TYPING);
        assertThat(created.announced()).as("a new note is announced").isTrue();
        Note note = created.note();
        for (int i = 0; i < 10; i++) {
            NoteService.SavedNote typed = notes.save(id, note.id(), note.version(), note.text() + " w" + i, false,
                    NoteService.SaveKind.TYPING);
            assertThat(typed.announced()).isFalse();
            note = typed.note();
        }
        assertThat(storedText(note.id())).isEqualTo(note.text()).endsWith("w9");
        assertThat(eventPayloads(id, SessionEvents.NoteSaved.TYPE)).hasSize(1);

        assertThat(notes.commitNote(id, note.id())).isTrue();
        assertThat(notes.commitNote(id, note.id())).as("nothing new since").isFalse();
        List<String> payloads = eventPayloads(id, SessionEvents.NoteSaved.TYPE);
        assertThat(payloads).hasSize(2);
        assertThat(payloads.getLast()).contains("\"version\": 10").doesNotContain("w9");

        assertThat(notes.save(id, note.id(), note.version(), "final", false, NoteService.SaveKind.COMMIT).announced())
                .isTrue();
        assertThat(eventPayloads(id, SessionEvents.NoteSaved.TYPE)).hasSize(3);
    }

    @Test
    void making_a_note_private_is_announced_at_once_even_while_typing() {
        TestPanel.Panel panel = testPanel.live();
        asPanelist(panel);
        Note note = notes.saveNote(panel.sessionId(), null, 0, "Shared at first", false);

        NoteService.SavedNote hidden = notes.save(panel.sessionId(), note.id(), note.version(), "Shared at first", true,
                NoteService.SaveKind.TYPING);

        assertThat(hidden.announced()).isTrue();
        assertThat(eventPayloads(panel.sessionId(), SessionEvents.NoteSaved.TYPE).getLast()).contains("\"private\": true");
    }

    @Test
    void only_the_writer_commits_their_note_and_observers_commit_nothing() {
        TestPanel.Panel panel = testPanel.live();
        asPanelist(panel);
        Note note = notes.save(panel.sessionId(), null, 0, "Mine", false, NoteService.SaveKind.TYPING).note();

        asLead(panel);
        assertThatThrownBy(() -> notes.commitNote(panel.sessionId(), note.id())).isInstanceOf(SessionException.class);
        asCoach(panel);
        assertThatThrownBy(() -> notes.commitNote(panel.sessionId(), note.id())).isInstanceOf(SessionException.class);
        assertThat(eventPayloads(panel.sessionId(), SessionEvents.NoteSaved.TYPE)).hasSize(1);
    }

    // --- reading for live consoles -------------------------------------------------------------------------

    @Test
    void visible_notes_reads_the_named_notes_but_never_another_members_private_one_nor_for_an_outsider() {
        TestPanel.Panel panel = testPanel.live();
        asPanelist(panel);
        Note shared = notes.saveNote(panel.sessionId(), null, 0, "Shared", false);
        Note secret = notes.saveNote(panel.sessionId(), null, 0, "Secret", true);
        List<Long> both = List.of(shared.id(), secret.id());

        assertThat(notes.visibleNotes(panel.sessionId(), both)).extracting(Note::text)
                .containsExactlyInAnyOrder("Shared", "Secret");
        asLead(panel);
        assertThat(notes.visibleNotes(panel.sessionId(), both)).extracting(Note::text).containsExactly("Shared");
        as(panel.outsider(), "INTERVIEWER");
        assertThat(notes.visibleNotes(panel.sessionId(), both)).isEmpty();
        assertThat(notes.visibleNotes(panel.sessionId(), List.of())).isEmpty();
    }

    @Test
    void a_tag_event_carries_all_a_console_shows_and_a_note_event_names_the_note_and_its_version() {
        TestPanel.Panel panel = testPanel.live();
        List<ScenarioContent> agenda = agenda(panel);
        control.push(panel.sessionId(), PromptRef.of(0, PromptKind.SITUATION));
        asPanelist(panel);
        TagMark added = notes.addTag(panel.sessionId(), QuickTag.STAR_ACTION);
        Note note = notes.saveNote(panel.sessionId(), null, 0, "Noted", true);

        List<SessionEvent> events = log.after(panel.sessionId(), 0);
        SessionEvent tagEvent = events.stream().filter(e -> e.type().equals(SessionEvents.TagAdded.TYPE)).findFirst()
                .orElseThrow();
        SessionEvent noteEvent = events.getLast();
        asCoach(panel);

        assertThat(notes.tagOf(tagEvent)).contains(added);
        assertThat(added.authorName()).isEqualTo("Pat Panelist");
        assertThat(added.promptLabel()).isEqualTo(agenda.get(0).title() + " › Situation");
        assertThat(notes.noteSaved(noteEvent))
                .contains(new SessionEvents.NoteSaved(note.id(), panel.panelist(), true, 0L));
        assertThat(notes.noteSaved(tagEvent)).isEmpty();
        assertThat(notes.tagOf(noteEvent)).isEmpty();
    }

    // --- quick tags --------------------------------------------------------------------------------------

    @Test
    void a_tag_is_stamped_like_a_note_and_read_back_with_who_when_offset_and_prompt() {
        TestPanel.Panel panel = liveSince(3);
        List<ScenarioContent> agenda = agenda(panel);
        PromptRef question = PromptRef.question(0, 0, 0);
        control.push(panel.sessionId(), question);

        asPanelist(panel);
        TagMark added = notes.addTag(panel.sessionId(), QuickTag.QUANTIFIED_RESULT);

        asCoach(panel);
        List<TagMark> tags = notes.tags(panel.sessionId());
        assertThat(tags).hasSize(1);
        TagMark mark = tags.getFirst();
        assertThat(mark).isEqualTo(added);
        assertThat(mark.tag()).isEqualTo(QuickTag.QUANTIFIED_RESULT);
        assertThat(mark.author()).isEqualTo(panel.panelist());
        assertThat(mark.authorName()).isEqualTo("Pat Panelist");
        assertThat(mark.prompt()).isEqualTo(question);
        assertThat(mark.promptLabel()).isEqualTo(question.label(agenda));
        assertThat(mark.offset()).isBetween(Duration.ofMinutes(3), Duration.ofMinutes(3).plusSeconds(30));
        assertThat(mark.at()).isAfter(OffsetDateTime.now().minusMinutes(1).toInstant());
        assertThat(eventPayloads(panel.sessionId(), SessionEvents.TagAdded.TYPE)).hasSize(1);
    }

    @Test
    void tags_are_listed_newest_first() {
        TestPanel.Panel panel = testPanel.live();
        asPanelist(panel);
        notes.addTag(panel.sessionId(), QuickTag.STAR_SITUATION);
        asLead(panel);
        notes.addTag(panel.sessionId(), QuickTag.TOO_VAGUE);

        assertThat(notes.tags(panel.sessionId())).extracting(TagMark::tag, TagMark::author)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(QuickTag.TOO_VAGUE, panel.lead()),
                        org.assertj.core.groups.Tuple.tuple(QuickTag.STAR_SITUATION, panel.panelist()));
    }

    @Test
    void tags_are_refused_unless_the_session_is_live() {
        TestPanel.Panel panel = testPanel.scheduled();
        asPanelist(panel);

        assertThatThrownBy(() -> notes.addTag(panel.sessionId(), QuickTag.STAR_SITUATION))
                .isInstanceOf(SessionException.class).hasMessageContaining("live");
        assertThat(eventPayloads(panel.sessionId(), SessionEvents.TagAdded.TYPE)).isEmpty();
    }

    @Test
    void quick_tags_come_in_three_groups_worded_from_the_seed_guidance() {
        assertThat(QuickTag.of(QuickTag.Group.STAR)).extracting(QuickTag::label)
                .containsExactly("Situation", "Task", "Action", "Result");
        assertThat(QuickTag.of(QuickTag.Group.BEST_PRACTICE)).extracting(QuickTag::label)
                .containsExactly("Quantified the result", "Showed leadership", "Showed learning", "Specific example",
                        "Highlighted impact", "Stayed current");
        assertThat(QuickTag.of(QuickTag.Group.MISTAKE)).extracting(QuickTag::label)
                .containsExactly("Too vague", "Only success", "Blamed others", "Negative", "Rambling");
    }
}
