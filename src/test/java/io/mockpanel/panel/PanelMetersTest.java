package io.mockpanel.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The live panel's meters move with what the services do (decision 0042): a push is counted as an
 * event and timed until the candidate's room applied it, a note save is timed, a refused join is
 * counted by its reason, an open room is a screen. Counts are compared before and after, since the
 * suite shares one registry.
 */
@IntegrationTest
class PanelMetersTest {

    private static final String PROMPT_PUSHED = SessionEventTypes.typeOf(SessionEvents.PromptPushed.class);

    @Autowired
    MeterRegistry registry;

    @Autowired
    TestPanel testPanel;

    @Autowired
    LiveControlService control;

    @Autowired
    CandidateRoomService room;

    @Autowired
    NoteService notes;

    @Autowired
    InviteService invites;

    @Autowired
    SessionEventBus bus;

    @Autowired
    SessionEventLog log;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void a_push_is_counted_as_an_event_and_timed_until_the_room_applied_it() {
        TestPanel.Panel panel = testPanel.live();
        TestPanel.Candidate candidate = testPanel.join(panel, "Casey");
        TestPanel.signInCandidate(candidate.principal());
        CandidateRoomService.CandidateRoom open = room.open();
        double pushes = count("mockpanel.session.events", "type", PROMPT_PUSHED);
        long roomSamples = pushLatency("room").count();

        TestUsers.signIn(panel.lead(), "INTERVIEWER");
        control.pushNext(panel.sessionId());
        control.pushNext(panel.sessionId());
        TestPanel.signInCandidate(candidate.principal());
        room.screen(open);

        assertThat(count("mockpanel.session.events", "type", PROMPT_PUSHED)).isEqualTo(pushes + 2);
        assertThat(pushLatency("room").count()).isEqualTo(roomSamples + 2);
        assertThat(pushLatency("room").max(java.util.concurrent.TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(0);
        // nothing new: nothing timed
        room.screen(open);
        assertThat(pushLatency("room").count()).isEqualTo(roomSamples + 2);
    }

    @Test
    void an_event_is_counted_when_its_transaction_commits_never_when_it_rolls_back() {
        TestPanel.Panel panel = testPanel.live();
        String paused = SessionEventTypes.typeOf(SessionEvents.TimerPaused.class);
        double before = count("mockpanel.session.events", "type", paused);
        var transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        transactions.executeWithoutResult(status -> {
            log.append(panel.sessionId(), new SessionEvents.TimerPaused(0), "test");
            assertThat(count("mockpanel.session.events", "type", paused)).as("not before the commit").isEqualTo(before);
            status.setRollbackOnly();
        });
        assertThat(count("mockpanel.session.events", "type", paused)).isEqualTo(before);
        transactions.executeWithoutResult(status -> log.append(panel.sessionId(), new SessionEvents.TimerPaused(0), "test"));
        assertThat(count("mockpanel.session.events", "type", paused)).isEqualTo(before + 1);
    }

    @Test
    void note_saves_are_timed_saved_or_refused() {
        TestPanel.Panel panel = testPanel.live();
        TestUsers.signIn(panel.panelist(), "INTERVIEWER");
        long saved = noteSave("saved").count();
        long refused = noteSave("refused").count();

        Note note = notes.saveNote(panel.sessionId(), null, 0, "Framed the trade-off first", false);
        notes.saveNote(panel.sessionId(), note.id(), note.version(), "Framed the trade-off first, then costs", false);
        assertThatThrownBy(() -> notes.saveNote(panel.sessionId(), note.id(), note.version(), "stale", false))
                .isInstanceOf(NoteConflictException.class);

        assertThat(noteSave("saved").count()).isEqualTo(saved + 2);
        assertThat(noteSave("refused").count()).isEqualTo(refused + 1);
    }

    @Test
    void refused_joins_are_counted_by_reason() {
        TestPanel.Panel panel = testPanel.live();
        TestPanel.Candidate candidate = testPanel.join(panel, "Casey");
        double invalid = count("mockpanel.invite.joins.refused", "reason", "invalid");
        double inUse = count("mockpanel.invite.joins.refused", "reason", "in_use_elsewhere");

        assertThatThrownBy(() -> invites.join("not-a-token", InviteService.newBrowserKey(), "Mallory", "10.9.9.9"))
                .isInstanceOf(InviteRefusedException.class);
        assertThatThrownBy(() -> invites.join(candidate.token(), InviteService.newBrowserKey(), "Other", "10.9.9.8"))
                .isInstanceOf(InviteRefusedException.class);

        assertThat(count("mockpanel.invite.joins.refused", "reason", "invalid")).isEqualTo(invalid + 1);
        assertThat(count("mockpanel.invite.joins.refused", "reason", "in_use_elsewhere")).isEqualTo(inUse + 1);
    }

    @Test
    void open_rooms_and_consoles_are_gauged_and_a_second_removal_changes_nothing() {
        double rooms = gauge("mockpanel.screens.open", "screen", "room");
        double consoles = gauge("mockpanel.screens.open", "screen", "console");
        Subscription roomScreen = bus.subscribe(-1, SessionEventBus.Audience.CANDIDATE, seq -> { });
        Subscription console = bus.subscribe(-1, seq -> { });
        assertThat(gauge("mockpanel.screens.open", "screen", "room")).isEqualTo(rooms + 1);
        assertThat(gauge("mockpanel.screens.open", "screen", "console")).isEqualTo(consoles + 1);

        roomScreen.remove();
        roomScreen.remove();
        console.remove();
        assertThat(gauge("mockpanel.screens.open", "screen", "room")).isEqualTo(rooms);
        assertThat(gauge("mockpanel.screens.open", "screen", "console")).isEqualTo(consoles);
    }

    @Test
    void live_sessions_are_gauged_from_the_database() {
        double before = gauge("mockpanel.sessions.live");
        testPanel.live();
        // the test profile caches nothing (mockpanel.metrics.gauge-cache=0s)
        assertThat(gauge("mockpanel.sessions.live")).isEqualTo(before + 1);
    }

    private double count(String name, String tag, String value) {
        return registry.get(name).tag(tag, value).counter().count();
    }

    private double gauge(String name, String... tags) {
        return registry.get(name).tags(tags).gauge().value();
    }

    private io.micrometer.core.instrument.Timer pushLatency(String screen) {
        return registry.get("mockpanel.push.latency").tag("screen", screen).timer();
    }

    private io.micrometer.core.instrument.Timer noteSave(String outcome) {
        return registry.get("mockpanel.note.save").tag("outcome", outcome).timer();
    }
}
