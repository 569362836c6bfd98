package io.mockpanel.panel.ui;

import io.mockpanel.panel.SessionEvent;
import io.mockpanel.panel.SessionEventTypes;
import io.mockpanel.panel.SessionEvents;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a batch of the session's events changes on the console, read once for the whole screen, so
 * each part redraws only for what concerns it.
 */
record ConsoleChanges(boolean stage, boolean schedule, boolean presence, boolean invite, boolean clarification,
        boolean ended) {

    private static final Set<Class<? extends SessionEvents.Payload>> LIFECYCLE = Set.of(
            SessionEvents.SessionStarted.class, SessionEvents.SessionEnded.class, SessionEvents.SessionCancelled.class);
    private static final Set<Class<? extends SessionEvents.Payload>> INVITE = Set.of(
            SessionEvents.InviteIssued.class, SessionEvents.InviteRevoked.class, SessionEvents.InviteReleased.class,
            SessionEvents.CandidateJoined.class);
    private static final Set<Class<? extends SessionEvents.Payload>> SCHEDULE = Set.of(
            SessionEvents.SessionScheduled.class, SessionEvents.MeetingLinkChanged.class);
    /** Events that change what the agenda, the timer or the mirror show. */
    private static final Set<Class<? extends SessionEvents.Payload>> STAGE = Set.of(
            SessionEvents.PromptPushed.class, SessionEvents.TimerStarted.class, SessionEvents.TimerPaused.class,
            SessionEvents.TimerExtended.class, SessionEvents.QuestionCovered.class, SessionEvents.SessionStarted.class,
            SessionEvents.SessionEnded.class, SessionEvents.SessionCancelled.class);

    static ConsoleChanges of(List<SessionEvent> events) {
        Set<Class<? extends SessionEvents.Payload>> kinds = events.stream()
                .flatMap(event -> SessionEventTypes.kindOf(event.type()).stream())
                .collect(Collectors.toSet());
        return new ConsoleChanges(kinds.stream().anyMatch(STAGE::contains),
                kinds.stream().anyMatch(kind -> SCHEDULE.contains(kind) || LIFECYCLE.contains(kind)),
                kinds.contains(SessionEvents.PresenceChanged.class),
                kinds.stream().anyMatch(kind -> INVITE.contains(kind) || LIFECYCLE.contains(kind)),
                kinds.contains(SessionEvents.ClarificationRequested.class),
                kinds.contains(SessionEvents.SessionEnded.class));
    }
}
