package io.mockpanel.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockpanel.panel.PromptKind;
import io.mockpanel.panel.PromptRef;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which notes a score cites: the scorer's notes while the area was on screen, and notes named by their time. */
class CitedNotesTest {

    private static final List<CitedNotes.VisibleNote> NOTES = List.of(
            new CitedNotes.VisibleNote(1, "pat", Duration.ofSeconds(60), PromptRef.question(0, 1, 0), "pat on area 1"),
            new CitedNotes.VisibleNote(2, "lee", Duration.ofSeconds(90), PromptRef.question(0, 1, 1), "lee on area 1"),
            new CitedNotes.VisibleNote(3, "pat", Duration.ofSeconds(750), PromptRef.of(0, PromptKind.SITUATION), "pat at 12:30"),
            new CitedNotes.VisibleNote(4, "pat", Duration.ofSeconds(3750), PromptRef.question(1, 1, 0), "pat later"));

    @Test
    void the_scorers_notes_on_the_area_and_any_note_named_by_its_time() {
        assertThat(CitedNotes.of("pat", 0, 1, "Strong, see 12:40 and 1:02:31.", NOTES))
                .extracting(SessionReview.CitedNote::noteId).containsExactly(1L, 3L, 4L);
        assertThat(CitedNotes.of("lee", 0, 1, "", NOTES)).extracting(SessionReview.CitedNote::noteId).containsExactly(2L);
        assertThat(CitedNotes.of("lee", 0, 0, "at 13:30 nothing", NOTES)).isEmpty();
    }

    @Test
    void times_are_read_as_minutes_and_seconds_or_hours_minutes_and_seconds() {
        assertThat(CitedNotes.mentionedTimes("at 2:05, 12:30 and 1:02:03; not 12:345 or 3:75"))
                .containsExactly(Duration.ofSeconds(125), Duration.ofSeconds(750), Duration.ofSeconds(3723));
    }
}
