package io.mockpanel.panel;

import io.mockpanel.scenario.ScenarioContent;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Tells the panel when a discussion area has run past its share of the scenario's time. Each area
 * gets an equal share; the current area is the one of the last pushed question, counted from when
 * its first question was pushed.
 */
public final class PacingCue {

    private PacingCue() {
    }

    /** The cue for scenario {@code index} at {@code now}, or empty while the area is within its share. */
    public static Optional<String> of(LiveSession live, int index, ScenarioContent scenario, TimerState timer,
            Instant now) {
        Optional<PromptRef> current = live.current()
                .filter(ref -> ref.scenario() == index && ref.kind() == PromptKind.QUESTION);
        if (current.isEmpty() || scenario.discussionAreas().isEmpty()) {
            return Optional.empty();
        }
        int area = current.get().area();
        Optional<Instant> areaStart = live.pushed().stream()
                .filter(p -> p.ref().scenario() == index && p.ref().kind() == PromptKind.QUESTION
                        && p.ref().area() == area)
                .map(LiveSession.Pushed::at)
                .findFirst();
        Duration share = timer.allowed().dividedBy(scenario.discussionAreas().size());
        Duration spent = Duration.between(areaStart.orElseThrow(), now);
        if (spent.compareTo(share) <= 0) {
            return Optional.empty();
        }
        return Optional.of("\"" + scenario.discussionAreas().get(area).title() + "\" has run "
                + spent.minus(share).toMinutes() + " min over its share of " + share.toMinutes()
                + " min. Consider moving on.");
    }
}
