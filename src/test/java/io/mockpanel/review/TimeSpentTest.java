package io.mockpanel.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockpanel.panel.SessionEvent;
import io.mockpanel.scenario.DiscussionArea;
import io.mockpanel.scenario.ScenarioContent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Time on screen per scenario and area: from push to push, without the spans a started timer stood paused. */
class TimeSpentTest {

    private static final Instant T0 = Instant.parse("2030-01-01T10:00:00Z");
    private static final List<ScenarioContent> AGENDA = List.of(scenario("One"), scenario("Two"));

    private final List<SessionEvent> events = new ArrayList<>();

    private static ScenarioContent scenario(String title) {
        return new ScenarioContent("c", title, "Senior", 30, null, "s", List.of(),
                List.of(new DiscussionArea("A", List.of("a1", "a2")), new DiscussionArea("B", List.of("b1"))));
    }

    private void at(int minute, String type, String json) {
        events.add(new SessionEvent(1, events.size() + 1, type, json, "lee", T0.plus(Duration.ofMinutes(minute))));
    }

    private void push(int minute, int scenario, String kind, int area, int question) {
        at(minute, "PROMPT_PUSHED", "{\"scenario\":%d,\"kind\":\"%s\",\"area\":%d,\"question\":%d}"
                .formatted(scenario, kind, area, question));
    }

    @Test
    void a_prompt_counts_until_the_next_push_and_the_last_until_the_end() {
        at(0, "SESSION_STARTED", "{}");
        push(1, 0, "OVERVIEW", -1, -1);
        push(3, 0, "QUESTION", 0, 0);
        push(7, 0, "QUESTION", 1, 0);
        push(10, 1, "OVERVIEW", -1, -1);
        at(25, "SESSION_ENDED", "{}");
        at(40, "TIMER_STARTED", "{\"scenario\":1}"); // after the end: ignored

        var spent = TimeSpent.of(AGENDA, events, T0.plus(Duration.ofHours(5)));

        assertThat(spent.get(0).spent()).isEqualTo(Duration.ofMinutes(9));
        assertThat(spent.get(0).areas()).extracting(SessionReview.AreaTime::spent)
                .containsExactly(Duration.ofMinutes(4), Duration.ofMinutes(3));
        assertThat(spent.get(1).spent()).isEqualTo(Duration.ofMinutes(15));
        assertThat(spent.get(1).areas()).extracting(SessionReview.AreaTime::spent)
                .containsOnly(Duration.ZERO);
    }

    @Test
    void a_paused_timer_stops_its_scenarios_time_and_a_timer_never_started_does_not() {
        at(0, "SESSION_STARTED", "{}");
        push(0, 0, "QUESTION", 0, 0);
        at(2, "TIMER_STARTED", "{\"scenario\":0}");
        at(5, "TIMER_PAUSED", "{\"scenario\":0}"); // a 4-minute break
        at(9, "TIMER_STARTED", "{\"scenario\":0}");
        push(10, 1, "QUESTION", 1, 0);
        at(11, "TIMER_PAUSED", "{\"scenario\":0}"); // pausing another scenario's timer changes nothing here

        var spent = TimeSpent.of(AGENDA, events, T0.plus(Duration.ofMinutes(20))); // still live: until now

        assertThat(spent.get(0).spent()).isEqualTo(Duration.ofMinutes(6));
        assertThat(spent.get(1).spent()).isEqualTo(Duration.ofMinutes(10));
        assertThat(spent.get(1).areas().get(1).spent()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void nothing_counts_before_the_first_push() {
        at(0, "SESSION_STARTED", "{}");
        at(5, "SESSION_ENDED", "{}");
        assertThat(TimeSpent.of(AGENDA, events, T0)).extracting(SessionReview.ScenarioTime::spent)
                .containsOnly(Duration.ZERO);
    }
}
