package io.mockpanel.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockpanel.panel.SessionEvents;
import io.mockpanel.panel.SessionEvent;
import java.time.Instant;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Session events read as scoring changes, from the event alone. */
class ScoringChangeTest {

    private static SessionEvent event(String type, String payload) {
        return new SessionEvent(7, 1, type, payload, "someone", Instant.EPOCH);
    }

    @Test
    void sheet_events_name_their_scenario_and_author() {
        ScoringChange change = ScoringChange.of(event(SessionEvents.ScoreSubmitted.TYPE,
                "{\"scenario\": 1, \"author\": \"pat\", \"state\": \"SUBMITTED\"}")).orElseThrow();
        assertThat(change.scenario()).isEqualTo(OptionalInt.of(1));
        assertThat(change.author()).isEqualTo("pat");
        assertThat(change.touches(1)).isTrue();
        assertThat(change.touches(0)).isFalse();
        assertThat(change.concerns("lee")).as("a submission changes everyone's status").isTrue();
    }

    @Test
    void someone_elses_draft_concerns_nobody_but_its_author() {
        ScoringChange draft = ScoringChange.of(event(SessionEvents.ScoreDraftSaved.TYPE,
                "{\"scenario\": 0, \"author\": \"pat\", \"state\": \"DRAFT\"}")).orElseThrow();
        assertThat(draft.concerns("lee")).isFalse();
        assertThat(draft.concerns("pat")).as("the author's other tab").isTrue();
    }

    @Test
    void reveal_and_consensus_touch_their_scenario_for_everyone() {
        ScoringChange reveal = ScoringChange.of(event(SessionEvents.ScoresRevealed.TYPE, "{\"scenario\": 2}")).orElseThrow();
        ScoringChange consensus = ScoringChange.of(event(SessionEvents.ConsensusRecorded.TYPE,
                "{\"scenario\": 2, \"area\": 3}")).orElseThrow();
        for (ScoringChange change : new ScoringChange[] {reveal, consensus}) {
            assertThat(change.touches(2)).isTrue();
            assertThat(change.touches(0)).isFalse();
            assertThat(change.concerns("anyone")).isTrue();
        }
    }

    @Test
    void the_session_opening_or_closing_for_scoring_touches_every_scenario_ending_it_none() {
        assertThat(ScoringChange.of(event(SessionEvents.SessionStarted.TYPE, "{}")).orElseThrow().touches(5)).isTrue();
        assertThat(ScoringChange.of(event(SessionEvents.SessionCancelled.TYPE, "{}")).orElseThrow().touches(0)).isTrue();
        // A live session that ends stays open for scoring.
        assertThat(ScoringChange.of(event(SessionEvents.SessionEnded.TYPE, "{}"))).isEmpty();
    }

    @Test
    void other_events_are_no_scoring_change() {
        for (String type : new String[] {SessionEvents.NoteSaved.TYPE, SessionEvents.PromptPushed.TYPE, SessionEvents.TimerStarted.TYPE,
                SessionEvents.TagAdded.TYPE, SessionEvents.ClarificationRequested.TYPE}) {
            assertThat(ScoringChange.of(event(type, "{\"scenario\": 0}"))).as(type).isEmpty();
        }
    }

    @Test
    void an_unreadable_payload_counts_as_a_change_of_everything_never_as_nothing() {
        ScoringChange change = ScoringChange.of(event(SessionEvents.ScoreSubmitted.TYPE, "not json")).orElseThrow();
        assertThat(change.touches(0)).isTrue();
        assertThat(change.touches(3)).isTrue();
    }
}
