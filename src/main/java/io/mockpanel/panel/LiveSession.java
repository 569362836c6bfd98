package io.mockpanel.panel;

import io.mockpanel.panel.SessionEvents.ClarificationRequested;
import io.mockpanel.panel.SessionEvents.PromptPushed;
import io.mockpanel.panel.SessionEvents.QuestionCovered;
import io.mockpanel.panel.SessionEvents.SessionCancelled;
import io.mockpanel.panel.SessionEvents.SessionEnded;
import io.mockpanel.panel.SessionEvents.SessionStarted;
import io.mockpanel.panel.SessionEvents.TimerExtended;
import io.mockpanel.panel.SessionEvents.TimerPaused;
import io.mockpanel.panel.SessionEvents.TimerStarted;
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
@org.springframework.modulith.NamedInterface("api")
public final class LiveSession {

    /** An item pushed to the candidate, when and by whom. */
    public record Pushed(PromptRef ref, Instant at, String by) {
    }

    /**
     * What a note is stamped with: the time since the start and the item on the candidate's screen
     * then (none before the first push).
     */
    public record Stamp(Duration offset, @Nullable PromptRef prompt) {
    }

    private final long sessionId;
    private final List<Integer> scenarioMinutes;
    private long lastSeq;
    private SessionState state = SessionState.SCHEDULED;
    private @Nullable Instant startedAt;
    private @Nullable Instant endedAt;
    private final List<Pushed> pushed = new ArrayList<>();
    private final Map<PromptRef, Instant> covered = new LinkedHashMap<>();
    private final Map<Integer, TimerClock> timers = new HashMap<>();
    private final List<SessionEvent> clarifications = new ArrayList<>();
    private final java.util.Set<Integer> revealed = new java.util.HashSet<>();
    private @Nullable SessionSchedule schedule;
    private @Nullable MeetingLink meetingLink;

    /** Running intervals of one scenario's countdown. */
    private static final class TimerClock {
        Duration extra = Duration.ZERO;
        Duration banked = Duration.ZERO;
        @Nullable Instant runningSince;
    }

    LiveSession(long sessionId, List<Integer> scenarioMinutes) {
        this.sessionId = sessionId;
        this.scenarioMinutes = List.copyOf(scenarioMinutes);
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
        switch (event.decode()) {
            case SessionStarted started -> {
                state = SessionState.LIVE;
                startedAt = event.at();
            }
            case SessionEnded ended -> end(SessionState.COMPLETED, event.at());
            case SessionCancelled cancelled -> end(SessionState.CANCELLED, event.at());
            case PromptPushed push -> pushed.add(new Pushed(push.ref(), event.at(), event.actor()));
            case TimerStarted start -> {
                // One countdown runs at a time: starting one pauses the others.
                timers.values().forEach(clock -> pause(clock, event.at()));
                timers.computeIfAbsent(start.scenario(), s -> new TimerClock()).runningSince = event.at();
            }
            case TimerPaused pause -> {
                TimerClock clock = timers.get(pause.scenario());
                if (clock != null) {
                    pause(clock, event.at());
                }
            }
            case TimerExtended extension -> {
                TimerClock clock = timers.computeIfAbsent(extension.scenario(), s -> new TimerClock());
                clock.extra = clock.extra.plusMinutes(extension.minutes());
            }
            case QuestionCovered coverage -> {
                if (coverage.covered()) {
                    covered.put(coverage.ref(), event.at());
                } else {
                    covered.remove(coverage.ref());
                }
            }
            case ClarificationRequested request -> clarifications.add(event);
            case SessionEvents.ScoresRevealed reveal -> revealed.add(reveal.scenario());
            case SessionEvents.SessionScheduled scheduled -> schedule = new SessionSchedule(scheduled.startsAt(),
                    java.time.ZoneId.of(scheduled.timeZone()), scheduled.plannedMinutes());
            case SessionEvents.MeetingLinkChanged link -> meetingLink = link.url() == null ? null
                    : new MeetingLink(link.url());
            default -> {
                // other events do not change this state
            }
        }
    }

    private void end(SessionState finalState, Instant at) {
        state = finalState;
        endedAt = at;
        timers.values().forEach(clock -> pause(clock, at));
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

    /** When the session is planned to start, as last set; empty while not scheduled. */
    public Optional<SessionSchedule> schedule() {
        return Optional.ofNullable(schedule);
    }

    /** The video call's link, as last set; empty without one. */
    public Optional<MeetingLink> meetingLink() {
        return Optional.ofNullable(meetingLink);
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

    /** Whether the scores of every scenario of the agenda were revealed: the scoring is over. */
    public boolean everyScenarioRevealed() {
        return revealed.size() >= scenarioMinutes.size();
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

    /** What a note written at {@code now} is stamped with (panel notes, coaching notes). */
    public Stamp stamp(Instant now) {
        return new Stamp(offset(now), current().orElse(null));
    }

    /**
     * The item that was on the candidate's screen {@code offset} after the start: the one pushed
     * last by then; empty before the first push or for a session that never started.
     */
    public Optional<PromptRef> onScreenAt(Duration offset) {
        if (startedAt == null) {
            return Optional.empty();
        }
        Instant moment = startedAt.plus(offset);
        PromptRef onScreen = null;
        for (Pushed push : pushed) {
            if (push.at().isAfter(moment)) {
                break;
            }
            onScreen = push.ref();
        }
        return Optional.ofNullable(onScreen);
    }

    /** How long the session ran, from its start to its end; empty unless it started and ended. */
    public Optional<Duration> length() {
        return startedAt == null || endedAt == null ? Optional.empty()
                : Optional.of(Duration.between(startedAt, endedAt));
    }

    /** Time since the session started, for stamping notes; zero before it starts. */
    public Duration offset(Instant now) {
        return startedAt == null ? Duration.ZERO : Duration.between(startedAt, endedAt != null && endedAt.isBefore(now)
                ? endedAt : now);
    }
}
