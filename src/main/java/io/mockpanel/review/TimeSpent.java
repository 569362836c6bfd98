package io.mockpanel.review;

import io.mockpanel.panel.PromptKind;
import io.mockpanel.panel.PromptRef;
import io.mockpanel.panel.SessionEvent;
import io.mockpanel.panel.SessionEvents;
import io.mockpanel.scenario.ScenarioContent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Time the candidate had each scenario, and each of its discussion areas, on screen (decision
 * 0027): a pushed prompt stays on screen until the next push or the end of the session. Time does
 * not count for a scenario while its countdown stands paused after it had run (the panel stopped
 * the clock: a break, a technical problem); a scenario whose countdown was never started counts
 * by the wall clock. Overview, situation and key challenges count for the scenario, not for an area.
 */
final class TimeSpent {

    private enum Clock {
        RUNNING, PAUSED
    }

    private TimeSpent() {
    }

    /**
     * @param events the session's log in sequence order
     * @param until  when a session that has not ended is measured to (now)
     */
    static List<SessionReview.ScenarioTime> of(List<ScenarioContent> agenda, List<SessionEvent> events, Instant until) {
        Map<Integer, Duration> scenarios = new HashMap<>();
        Map<Long, Duration> areas = new HashMap<>();
        Map<Integer, Clock> clocks = new HashMap<>();
        @Nullable PromptRef onScreen = null;
        @Nullable Instant since = null;
        boolean over = false;
        for (SessionEvent event : events) {
            if (over) {
                break;
            }
            SessionEvents.Payload payload = event.decode();
            boolean relevant = payload instanceof SessionEvents.PromptPushed || payload instanceof SessionEvents.TimerStarted
                    || payload instanceof SessionEvents.TimerPaused || payload instanceof SessionEvents.SessionEnded
                    || payload instanceof SessionEvents.SessionCancelled;
            if (!relevant) {
                continue;
            }
            if (onScreen != null && since != null) {
                credit(onScreen, Duration.between(since, event.at()), clocks, scenarios, areas);
            }
            since = event.at();
            switch (payload) {
                case SessionEvents.PromptPushed push -> onScreen = push.ref();
                case SessionEvents.TimerStarted start -> {
                    // One countdown runs at a time: starting one pauses the others (as in the console).
                    clocks.replaceAll((scenario, clock) -> clock == Clock.RUNNING ? Clock.PAUSED : clock);
                    clocks.put(start.scenario(), Clock.RUNNING);
                }
                case SessionEvents.TimerPaused pause -> clocks.computeIfPresent(pause.scenario(), (s, c) -> Clock.PAUSED);
                default -> over = true;
            }
        }
        if (!over && onScreen != null && since != null && until.isAfter(since)) {
            credit(onScreen, Duration.between(since, until), clocks, scenarios, areas);
        }
        List<SessionReview.ScenarioTime> result = new ArrayList<>();
        for (int s = 0; s < agenda.size(); s++) {
            ScenarioContent content = agenda.get(s);
            List<SessionReview.AreaTime> areaTimes = new ArrayList<>();
            for (int a = 0; a < content.discussionAreas().size(); a++) {
                areaTimes.add(new SessionReview.AreaTime(a, content.discussionAreas().get(a).title(),
                        areas.getOrDefault(key(s, a), Duration.ZERO)));
            }
            result.add(new SessionReview.ScenarioTime(s, content.title(), scenarios.getOrDefault(s, Duration.ZERO),
                    areaTimes));
        }
        return result;
    }

    private static void credit(PromptRef ref, Duration span, Map<Integer, Clock> clocks, Map<Integer, Duration> scenarios,
            Map<Long, Duration> areas) {
        if (span.isNegative() || clocks.get(ref.scenario()) == Clock.PAUSED) {
            return;
        }
        scenarios.merge(ref.scenario(), span, Duration::plus);
        if (ref.kind() == PromptKind.QUESTION) {
            areas.merge(key(ref.scenario(), ref.area()), span, Duration::plus);
        }
    }

    private static long key(int scenario, int area) {
        return ((long) scenario << 32) | area;
    }
}
