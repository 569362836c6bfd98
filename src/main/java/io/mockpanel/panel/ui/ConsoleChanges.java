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
        boolean ended, boolean mails) {

    private static final Set<Class<? extends SessionEvents.Payload>> LIFECYCLE = Set.of(
            SessionEvents.SessionStarted.class, SessionEvents.SessionEnded.class, SessionEvents.SessionCancelled.class);
    private static final Set<Class<? extends SessionEvents.Payload>> INVITE = Set.of(
            SessionEvents.InviteIssued.class, SessionEvents.InviteRevoked.class, SessionEvents.InviteReleased.class,
            SessionEvents.CandidateJoined.class);
    private static final Set<Class<? extends SessionEvents.Payload>> SCHEDULE = Set.of(
            SessionEvents.SessionScheduled.class, SessionEvents.MeetingLinkChanged.class);
    /**
     * Events after which the session's mails may have changed: a mail's own news (decision 0041),
     * and the changes that queue or withdraw mails in their transaction (issue, reschedule, cancel).
     */
    private static final Set<Class<? extends SessionEvents.Payload>> MAILS = Set.of(
            SessionEvents.MailChanged.class, SessionEvents.InviteIssued.class, SessionEvents.SessionScheduled.class,
            SessionEvents.SessionCancelled.class);
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
                kinds.contains(SessionEvents.SessionEnded.class),
                kinds.stream().anyMatch(MAILS::contains));
    }
}
