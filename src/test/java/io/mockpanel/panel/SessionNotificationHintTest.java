package io.mockpanel.panel;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockpanel.panel.SessionNotificationListener.Hint;
import org.junit.jupiter.api.Test;

/** The NOTIFY payload says which session, which event, whether the candidate's room is woken, and when. */
class SessionNotificationHintTest {

    @Test
    void a_hint_names_the_session_the_event_and_its_audience() {
        assertThat(Hint.parse("12:34:c")).contains(new Hint(12, 34, true));
        assertThat(Hint.parse("12:34:p")).contains(new Hint(12, 34, false));
    }

    @Test
    void a_hint_says_when_its_event_was_created_and_later_parts_are_left_to_later_versions() {
        assertThat(Hint.parse("12:34:c:1767225600123")).contains(new Hint(12, 34, true, 1767225600123L));
        assertThat(Hint.parse("12:34:p:5:future")).contains(new Hint(12, 34, false, 5));
        assertThat(Hint.parse("12:34:p")).contains(new Hint(12, 34, false, 0));
    }

    @Test
    void a_hint_of_an_older_node_without_audience_wakes_everyone() {
        assertThat(Hint.parse("12:34")).contains(new Hint(12, 34, true));
    }

    @Test
    void malformed_hints_are_ignored() {
        assertThat(Hint.parse("")).isEmpty();
        assertThat(Hint.parse("12")).isEmpty();
        assertThat(Hint.parse("12:x:c")).isEmpty();
        assertThat(Hint.parse("12:34:q")).isEmpty();
        assertThat(Hint.parse("12:34:c:extra")).isEmpty();
        assertThat(Hint.parse("12:34:q:5")).isEmpty();
    }

    @Test
    void hints_of_one_session_in_a_batch_merge_into_the_newest_number_and_wake_the_room_if_any_is_for_it() {
        assertThat(new Hint(1, 5, false).merge(new Hint(1, 7, false))).isEqualTo(new Hint(1, 7, false));
        assertThat(new Hint(1, 9, false).merge(new Hint(1, 7, true))).isEqualTo(new Hint(1, 9, true));
    }
}
