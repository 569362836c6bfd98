package io.mockpanel.panel.ui;

import io.mockpanel.panel.LiveSession;
import io.mockpanel.panel.SessionScheduling;
import java.time.Clock;
import java.time.ZoneId;
import java.util.function.Supplier;

/** The lead's two schedule actions in the console: reschedule, and change the call link. */
final class ScheduleActions {

    private final SessionScheduling scheduling;
    private final long sessionId;
    private final int agendaMinutes;
    private final Clock clock;
    private final Supplier<LiveSession> live;
    private final Runnable afterChange;

    ScheduleActions(SessionScheduling scheduling, long sessionId, int agendaMinutes, Clock clock,
            Supplier<LiveSession> live, Runnable afterChange) {
        this.scheduling = scheduling;
        this.sessionId = sessionId;
        this.agendaMinutes = agendaMinutes;
        this.clock = clock;
        this.live = live;
        this.afterChange = afterChange;
    }

    /** The lead picks the start in their browser's zone, else in the session's. */
    void reschedule() {
        var current = live.get().schedule().orElse(null);
        ZoneId leadZone = BrowserZone.current(current == null ? BrowserZone.UTC : current.timeZone());
        new ScheduleDialog(scheduling, sessionId, current, agendaMinutes, leadZone, clock, afterChange).open();
    }

    void changeMeetingLink() {
        new MeetingLinkDialog(scheduling, sessionId, live.get().meetingLink().orElse(null), afterChange).open();
    }
}
