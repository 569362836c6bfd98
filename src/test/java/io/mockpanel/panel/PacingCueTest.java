package io.mockpanel.panel;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockpanel.scenario.DiscussionArea;
import io.mockpanel.scenario.ScenarioContent;
import io.mockpanel.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** The pacing cue: an area that runs past its equal share of the scenario's time is named, once it does. */
@IntegrationTest
class PacingCueTest {

    private static final Instant T0 = Instant.parse("2030-03-01T09:00:00Z");

    @Autowired
    JsonMapper json;

    /** 40 minutes, four areas: a share of 10 minutes each. */
    private final ScenarioContent scenario = new ScenarioContent("Cat", "Scale the platform", "VP", 40, null,
            "It happens.", List.of(), List.of(area("Strategy"), area("People"), area("Delivery"), area("Risk")));
    private final List<SessionEvent> events = new ArrayList<>();

    private static DiscussionArea area(String title) {
        return new DiscussionArea(title, List.of(title + " one?", title + " two?"));
    }

    private void event(String type, Object payload, int minute) {
        events.add(new SessionEvent(7, events.size() + 1, type, json.writeValueAsString(payload), "lee",
                T0.plus(Duration.ofMinutes(minute))));
    }

    private void push(int area, int question, int minute) {
        event(SessionEvents.PromptPushed.TYPE, new SessionEvents.PromptPushed(0, PromptKind.QUESTION, area, question),
                minute);
    }

    private java.util.Optional<String> cueAt(int minute) {
        var live = new LiveSession(7, List.of(40));
        live.apply(events);
        Instant now = T0.plus(Duration.ofMinutes(minute));
        return PacingCue.of(live, 0, scenario, live.timer(0, now), now);
    }

    @Test
    void an_area_within_its_share_gets_no_cue_and_one_past_it_is_named_with_the_minutes_over() {
        event(SessionEvents.SessionStarted.TYPE, new SessionEvents.SessionStarted(), 0);
        event(SessionEvents.TimerStarted.TYPE, new SessionEvents.TimerStarted(0), 0);
        push(1, 0, 2);

        assertThat(cueAt(12)).as("exactly its share").isEmpty();
        assertThat(cueAt(15)).contains("\"People\" has run 3 min over its share of 10 min. Consider moving on.");
    }

    @Test
    void the_area_is_timed_from_its_first_question_not_from_the_last_one_pushed() {
        event(SessionEvents.SessionStarted.TYPE, new SessionEvents.SessionStarted(), 0);
        push(2, 0, 0);
        push(2, 1, 9);

        assertThat(cueAt(12)).hasValueSatisfying(cue -> assertThat(cue).startsWith("\"Delivery\" has run 2 min over"));
    }

    @Test
    void moving_to_the_next_area_clears_the_cue_and_a_situation_on_screen_gives_none() {
        event(SessionEvents.SessionStarted.TYPE, new SessionEvents.SessionStarted(), 0);
        push(0, 0, 0);
        assertThat(cueAt(15)).isPresent();
        push(1, 0, 15);
        assertThat(cueAt(16)).isEmpty();

        event(SessionEvents.PromptPushed.TYPE, new SessionEvents.PromptPushed(0, PromptKind.SITUATION, 0, 0), 17);
        assertThat(cueAt(40)).as("no question on screen: no area to pace").isEmpty();
    }

    @Test
    void an_extension_gives_every_area_a_larger_share() {
        event(SessionEvents.SessionStarted.TYPE, new SessionEvents.SessionStarted(), 0);
        push(0, 0, 0);
        event(SessionEvents.TimerExtended.TYPE, new SessionEvents.TimerExtended(0, 20), 1);

        assertThat(cueAt(14)).as("60 min / 4 areas = 15 min each").isEmpty();
        assertThat(cueAt(17)).contains("\"Strategy\" has run 2 min over its share of 15 min. Consider moving on.");
    }
}
