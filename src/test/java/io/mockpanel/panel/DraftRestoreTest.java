package io.mockpanel.panel;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockpanel.panel.DraftRestore.Draft;
import io.mockpanel.panel.DraftRestore.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DraftRestoreTest {

    private static Note stored(long id, String text, boolean isPrivate, long version) {
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        return new Note(id, "pat", "Pat", isPrivate, text, Duration.ofMinutes(3), null, null, at, at, version);
    }

    private static Draft draft(String noteId, String text, boolean isPrivate, double baseVersion) {
        return Draft.fromBrowser(noteId, text, isPrivate, baseVersion);
    }

    @Test
    void a_draft_typed_on_the_notes_current_version_is_saved_over_it_whatever_the_browsers_clock() {
        assertThat(DraftRestore.judge(draft("7", "Saved part and more", false, 3), false,
                Optional.of(stored(7, "Saved part", false, 3)))).isEqualTo(Outcome.SAVE_OVER);
    }

    @Test
    void a_draft_on_an_older_version_is_a_conflict_never_saved_over_the_newer_note() {
        assertThat(DraftRestore.judge(draft("7", "Mine", false, 2), false,
                Optional.of(stored(7, "Theirs", false, 3)))).isEqualTo(Outcome.CONFLICT);
        // A newer base than stored (the browser's number is garbage) is no licence to overwrite either.
        assertThat(DraftRestore.judge(draft("7", "Mine", false, 9), false,
                Optional.of(stored(7, "Theirs", false, 3)))).isEqualTo(Outcome.CONFLICT);
    }

    @Test
    void a_draft_that_says_what_is_stored_is_simply_loaded() {
        assertThat(DraftRestore.judge(draft("7", "Same", true, 1), false, Optional.of(stored(7, "Same", true, 4))))
                .isEqualTo(Outcome.ALREADY_SAVED);
        assertThat(DraftRestore.judge(draft("7", "Same", false, 4), false, Optional.of(stored(7, "Same", true, 4))))
                .as("only the privacy differs: the draft's choice is saved").isEqualTo(Outcome.SAVE_OVER);
    }

    @Test
    void a_draft_of_a_note_never_saved_or_not_found_becomes_a_new_note() {
        assertThat(DraftRestore.judge(draft("", "Typed before the crash", false, 0), false, Optional.empty()))
                .isEqualTo(Outcome.SAVE_AS_NEW);
        assertThat(DraftRestore.judge(draft("41", "Of a note that is not mine", false, 0), false, Optional.empty()))
                .isEqualTo(Outcome.SAVE_AS_NEW);
        assertThat(DraftRestore.judge(draft("41", "Mismatched", false, 0), false,
                Optional.of(stored(42, "Other", false, 0)))).isEqualTo(Outcome.SAVE_AS_NEW);
    }

    @Test
    void nothing_is_restored_into_a_busy_composer_or_from_an_empty_draft() {
        assertThat(DraftRestore.judge(draft("7", "Mine", false, 3), true, Optional.of(stored(7, "x", false, 3))))
                .isEqualTo(Outcome.NOTHING);
        assertThat(DraftRestore.judge(draft("7", "", false, 3), false, Optional.of(stored(7, "x", false, 3))))
                .isEqualTo(Outcome.NOTHING);
    }

    @Test
    void garbled_values_from_the_browser_count_as_none() {
        Draft garbled = draft(" 12x ", "Text", true, Double.NaN);

        assertThat(garbled.noteId()).isEmpty();
        assertThat(garbled.baseVersion()).isZero();
        assertThat(draft(" 12 ", "Text", false, -3).noteId()).contains(12L);
        assertThat(draft("12", "Text", false, -3).baseVersion()).isZero();
        assertThat(draft("12", "Text", false, 5.0).baseVersion()).isEqualTo(5);
    }
}
