package io.mockpanel.panel;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockpanel.panel.NoteService.SaveKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NoteAnnouncementsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private static NoteAnnouncements.Last announcedAt(long version, boolean isPrivate, Instant at) {
        return new NoteAnnouncements.Last(version, isPrivate, at);
    }

    @Test
    void a_new_note_and_a_commit_are_always_announced() {
        var last = announcedAt(3, false, T0);

        assertThat(NoteAnnouncements.decideSave(last, false, true, SaveKind.TYPING, T0.plusMillis(1))).isTrue();
        assertThat(NoteAnnouncements.decideSave(last, false, false, SaveKind.COMMIT, T0.plusMillis(1))).isTrue();
    }

    @Test
    void while_typing_on_a_note_is_announced_at_most_once_every_ten_seconds() {
        var last = announcedAt(3, false, T0);

        assertThat(NoteAnnouncements.decideSave(last, false, false, SaveKind.TYPING, T0.plusSeconds(1))).isFalse();
        assertThat(NoteAnnouncements.decideSave(last, false, false, SaveKind.TYPING, T0.plusMillis(9_999))).isFalse();
        assertThat(NoteAnnouncements.decideSave(last, false, false, SaveKind.TYPING, T0.plusSeconds(10))).isTrue();
    }

    @Test
    void a_change_of_privacy_is_announced_at_once_even_while_typing() {
        var shared = announcedAt(3, false, T0);

        assertThat(NoteAnnouncements.decideSave(shared, true, false, SaveKind.TYPING, T0.plusSeconds(1))).isTrue();
    }

    @Test
    void a_node_that_never_announced_the_note_announces_it() {
        assertThat(NoteAnnouncements.decideSave(null, false, false, SaveKind.TYPING, T0)).isTrue();
        assertThat(NoteAnnouncements.decideCommit(null, 4, false)).isTrue();
    }

    @Test
    void a_commit_announces_only_what_the_others_have_not_heard_of() {
        var last = announcedAt(3, false, T0);

        assertThat(NoteAnnouncements.decideCommit(last, 3, false)).isFalse();
        assertThat(NoteAnnouncements.decideCommit(last, 5, false)).isTrue();
        assertThat(NoteAnnouncements.decideCommit(last, 3, true)).isTrue();
    }

    @Test
    void what_was_announced_is_remembered_per_note() {
        var announcements = new NoteAnnouncements();
        announcements.announced(1, 0, false, T0);

        assertThat(announcements.announceSave(1, false, false, SaveKind.TYPING, T0.plusSeconds(2))).isFalse();
        assertThat(announcements.announceSave(2, false, false, SaveKind.TYPING, T0.plusSeconds(2))).isTrue();
        assertThat(announcements.announceCommit(1, 0, false)).isFalse();
        assertThat(announcements.announceCommit(1, 1, false)).isTrue();
    }
}
