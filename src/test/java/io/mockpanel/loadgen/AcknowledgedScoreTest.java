package io.mockpanel.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What counts as an acknowledged draft score kept in the database, and what as lost or changed. */
class AcknowledgedScoreTest {

    private final AcknowledgedScore third = new AcknowledgedScore("p1", 7, 0, 2, 3, 4,
            AcknowledgedScore.reason("p1", 3, 2));

    @Test
    void the_same_draft_with_the_same_score_keeps_it() {
        assertThat(third.keptBy(4, AcknowledgedScore.reason("p1", 3, 2))).isTrue();
    }

    @Test
    void another_score_or_reason_of_the_same_draft_is_a_change() {
        assertThat(third.keptBy(3, AcknowledgedScore.reason("p1", 3, 2))).isFalse();
        assertThat(third.keptBy(null, AcknowledgedScore.reason("p1", 3, 2))).isFalse();
        assertThat(third.keptBy(4, AcknowledgedScore.reason("p1", 3, 2) + " edited")).isFalse();
    }

    @Test
    void a_later_draft_of_the_same_author_keeps_it_an_earlier_one_or_a_stranger_does_not() {
        assertThat(third.keptBy(1, AcknowledgedScore.reason("p1", 4, 2))).isTrue();
        assertThat(third.keptBy(4, AcknowledgedScore.reason("p1", 2, 2))).isFalse();
        assertThat(third.keptBy(4, AcknowledgedScore.reason("p2", 9, 2))).isFalse();
        assertThat(third.keptBy(4, "")).isFalse();
    }
}
