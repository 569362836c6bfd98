package io.mockpanel.panel;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A session's live state, folded from its event log: what was pushed and when, the timers,
 * the coverage of questions. Views keep one and apply the events after {@link #lastSeq()} when
 * woken, so every client converges on the log whatever it missed.
 */
public final class LiveSession {

    /** An item pushed to the candidate, when and by whom. */
    public record Pushed(PromptRef ref, Instant at, String by) {
    }

    record PromptPayload(int scenario, PromptKind kind, int area, int question) {

        PromptRef ref() {
            return new PromptRef(scenario, kind, area, question);
        }
    }

    record TimerPayload(int scenario, int minutes) {
    }

    record CoveragePayload(int scenario, int area, int question, boolean covered) {
    }

    private final long sessionId;
    private final List<Integer> scenarioMinutes;
    private final SessionEventLog log;
    private long lastSeq;
    private SessionState state = SessionState.SCHEDULED;
    private @Nullable Instant startedAt;
    private @Nullable Instant endedAt;
    private final List<Pushed> pushed = new ArrayList<>();
    private final Map<PromptRef, Instant> covered = new LinkedHashMap<>();
    private final Map<Integer, TimerClock> timers = new HashMap<>();
    private final List<SessionEvent> clarifications = new ArrayList<>();

    /** Running intervals of one scenario's countdown. */
    private static final class TimerClock {
        Duration extra = Duration.ZERO;
        Duration banked = Duration.ZERO;
        @Nullable Instant runningSince;
    }

    LiveSession(long sessionId, List<Integer> scenarioMinutes, SessionEventLog log) {
        this.sessionId = sessionId;
        this.scenarioMinutes = List.copyOf(scenarioMinutes);
        this.log = log;
    }

    public long sessionId() {
        return sessionId;
    }

    public long lastSeq() {
        return lastSeq;
    }

    /** Applies events in sequence order; events already applied are skipped. */
    public void apply(List<SessionEvent> events) {
        for (SessionEvent event : events) {
            if (event.seq() > lastSeq) {
                apply(event);
                lastSeq = event.seq();
            }
        }
    }

    private void apply(SessionEvent event) {
        switch (event.type()) {
            case EventTypes.SESSION_STARTED -> {
                state = SessionState.LIVE;
                startedAt = event.at();
            }
            case EventTypes.SESSION_ENDED, EventTypes.SESSION_CANCELLED -> {
                state = event.type().equals(EventTypes.SESSION_ENDED) ? SessionState.COMPLETED : SessionState.CANCELLED;
                endedAt = event.at();
                timers.values().forEach(clock -> pause(clock, event.at()));
            }
            case EventTypes.PROMPT_PUSHED ->
                    pushed.add(new Pushed(log.payload(event, PromptPayload.class).ref(), event.at(), event.actor()));
            case EventTypes.TIMER_STARTED -> {
                TimerPayload payload = log.payload(event, TimerPayload.class);
                // One countdown runs at a time: starting one pauses the others.
                timers.values().forEach(clock -> pause(clock, event.at()));
                TimerClock clock = timers.computeIfAbsent(payload.scenario(), s -> new TimerClock());
                clock.runningSince = event.at();
            }
            case EventTypes.TIMER_PAUSED -> {
                TimerClock clock = timers.get(log.payload(event, TimerPayload.class).scenario());
                if (clock != null) {
                    pause(clock, event.at());
                }
            }
            case EventTypes.TIMER_EXTENDED -> {
                TimerPayload payload = log.payload(event, TimerPayload.class);
                TimerClock clock = timers.computeIfAbsent(payload.scenario(), s -> new TimerClock());
                clock.extra = clock.extra.plusMinutes(payload.minutes());
            }
            case EventTypes.QUESTION_COVERED -> {
                CoveragePayload payload = log.payload(event, CoveragePayload.class);
                PromptRef ref = PromptRef.question(payload.scenario(), payload.area(), payload.question());
                if (payload.covered()) {
                    covered.put(ref, event.at());
                } else {
                    covered.remove(ref);
                }
            }
            case EventTypes.CLARIFICATION_REQUESTED -> clarifications.add(event);
            default -> {
                // other events do not change this state
            }
        }
    }

    private static void pause(TimerClock clock, Instant at) {
        if (clock.runningSince != null) {
            clock.banked = clock.banked.plus(Duration.between(clock.runningSince, at));
            clock.runningSince = null;
        }
    }

    /** The session's state as of the last applied event. */
    public SessionState state() {
        return state;
    }

    public Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    public Optional<Instant> endedAt() {
        return Optional.ofNullable(endedAt);
    }

    public List<Pushed> pushed() {
        return Collections.unmodifiableList(pushed);
    }

    /** The item on the candidate's screen now: the one pushed last. */
    public Optional<PromptRef> current() {
        return pushed.isEmpty() ? Optional.empty() : Optional.of(pushed.getLast().ref());
    }

    public boolean wasPushed(PromptRef ref) {
        return pushed.stream().anyMatch(p -> p.ref().equals(ref));
    }

    public Map<PromptRef, Instant> covered() {
        return Collections.unmodifiableMap(covered);
    }

    public List<SessionEvent> clarifications() {
        return Collections.unmodifiableList(clarifications);
    }

    /** The scenario whose countdown runs now, else the one with the item on screen. */
    public Optional<Integer> currentScenario() {
        for (var entry : timers.entrySet()) {
            if (entry.getValue().runningSince != null) {
                return Optional.of(entry.getKey());
            }
        }
        return current().map(PromptRef::scenario);
    }

    public TimerState timer(int scenario, Instant now) {
        TimerClock clock = timers.get(scenario);
        Duration allowed = Duration.ofMinutes(scenarioMinutes.get(scenario));
        if (clock == null) {
            return new TimerState(allowed, Duration.ZERO, false);
        }
        Duration elapsed = clock.banked;
        if (clock.runningSince != null) {
            elapsed = elapsed.plus(Duration.between(clock.runningSince, now));
        }
        return new TimerState(allowed.plus(clock.extra), elapsed, clock.runningSince != null);
    }

    /** Time since the session started, for stamping notes; zero before it starts. */
    public Duration offset(Instant now) {
        return startedAt == null ? Duration.ZERO : Duration.between(startedAt, endedAt != null && endedAt.isBefore(now)
                ? endedAt : now);
    }
}
