package io.mockpanel.scoring;

import static io.mockpanel.scoring.ScoringFixture.as;
import static io.mockpanel.scoring.ScoringFixture.sheet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mockpanel.panel.SessionEvent;
import io.mockpanel.panel.SessionEventBus;
import io.mockpanel.panel.SessionEventLog;
import io.mockpanel.panel.SessionEvents;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** Every change is one event in the session log, and no payload carries a score before the reveal. */
@IntegrationTest
class ScoringEventsTest {

    @Autowired
    ScoringService scoring;

    @Autowired
    TestPanel testPanel;

    @Autowired
    SessionEventLog log;

    @Autowired
    SessionEventBus bus;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Autowired
    JsonMapper json;

    /** The payload as stored. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> payload(SessionEvent event) {
        return json.readValue(event.payload(), Map.class);
    }

    /** The events the action appended. */
    private List<SessionEvent> eventsOf(long sessionId, Runnable action) {
        long before = log.lastSeq(sessionId);
        action.run();
        return log.after(sessionId, before);
    }

    @Test
    void each_change_appends_exactly_one_event_whose_payload_names_scenario_and_author_only() {
        TestPanel.Panel panel = testPanel.live();
        long id = panel.sessionId();

        List<SessionEvent> draft = eventsOf(id, () -> as(panel.panelist(), "INTERVIEWER",
                () -> scoring.saveDraft(id, sheet(0, 0, 4, 4, 1, 4, 4))));
        ScoreSheet saved = as(panel.panelist(), "INTERVIEWER", () -> scoring.board(id, 0)).mySheet();
        List<SessionEvent> submit = eventsOf(id, () -> as(panel.panelist(), "INTERVIEWER",
                () -> scoring.submit(id, sheet(0, saved.version(), 4, 4, 1, 4, 4))));
        List<SessionEvent> leadSubmit = eventsOf(id, () -> as(panel.lead(), "INTERVIEWER",
                () -> scoring.submit(id, sheet(1, 0, 2, 2, 2, 2, 2))));

        assertThat(draft).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(SessionEvents.ScoreDraftSaved.TYPE);
            assertThat(event.actor()).isEqualTo(panel.panelist());
            assertThat(payload(event)).isEqualTo(Map.of("scenario", 0, "author", panel.panelist()));
            assertThat(event.decode()).isEqualTo(new SessionEvents.ScoreDraftSaved(0, panel.panelist()));
        });
        assertThat(submit).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(SessionEvents.ScoreSubmitted.TYPE);
            assertThat(payload(event)).isEqualTo(Map.of("scenario", 0, "author", panel.panelist()));
        });
        assertThat(leadSubmit).singleElement().satisfies(event -> assertThat(payload(event))
                .isEqualTo(Map.of("scenario", 1, "author", panel.lead())));
        for (SessionEvent event : List.of(draft.getFirst(), submit.getFirst(), leadSubmit.getFirst())) {
            assertThat(event.payload()).doesNotContain("Evidence", "Overall", "recommendation", "score\"");
        }
    }

    @Test
    void the_reveal_and_each_consensus_are_one_event_each() {
        TestPanel.Panel panel = testPanel.live();
        long id = panel.sessionId();
        as(panel.lead(), "INTERVIEWER", () -> scoring.submit(id, sheet(0, 0, 3, 3, 3, 3, 3)));
        as(panel.panelist(), "INTERVIEWER", () -> scoring.submit(id, sheet(0, 0, 3, 3, 3, 3, 3)));

        List<SessionEvent> reveal = eventsOf(id, () -> as(panel.lead(), "INTERVIEWER", () -> scoring.reveal(id, 0)));
        List<SessionEvent> consensus = eventsOf(id, () -> as(panel.lead(), "INTERVIEWER",
                () -> scoring.recordConsensus(id, new ConsensusInput(0, 2, 4, "Clear yes.", 0))));

        assertThat(reveal).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(SessionEvents.ScoresRevealed.TYPE);
            assertThat(event.actor()).isEqualTo(panel.lead());
            assertThat(payload(event)).isEqualTo(Map.of("scenario", 0));
        });
        assertThat(consensus).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(SessionEvents.ConsensusRecorded.TYPE);
            assertThat(payload(event)).isEqualTo(Map.of("scenario", 0, "area", 2));
        });
    }

    @Test
    void a_refused_change_appends_no_event() {
        TestPanel.Panel panel = testPanel.live();
        long id = panel.sessionId();

        List<SessionEvent> events = eventsOf(id, () -> {
            assertThatThrownBy(() -> as(panel.panelist(), "INTERVIEWER",
                    () -> scoring.submit(id, sheet(0, 0, 3, 3, 3)))).isInstanceOf(ScoringException.class);
            assertThatThrownBy(() -> as(panel.lead(), "INTERVIEWER", () -> scoring.reveal(id, 0)))
                    .isInstanceOf(ScoringException.class);
            assertThatThrownBy(() -> as(panel.panelist(), "INTERVIEWER",
                    () -> scoring.saveDraft(id, sheet(0, 7, 3, 3)))).isInstanceOf(ScoringConflictException.class);
        });

        assertThat(events).isEmpty();
    }

    @Test
    void a_submission_wakes_the_sessions_subscribers() throws Exception {
        TestPanel.Panel panel = testPanel.live();
        var hints = new LinkedBlockingQueue<Long>();
        var registration = bus.subscribe(panel.sessionId(), hints::add);
        try {
            as(panel.panelist(), "INTERVIEWER", () -> scoring.submit(panel.sessionId(), sheet(0, 0, 3, 3, 3, 3, 3)));
            long expected = log.lastSeq(panel.sessionId());
            Long hint;
            do {
                hint = hints.poll(20, TimeUnit.SECONDS);
            } while (hint != null && hint != expected);
            assertThat(hint).as("woken with the submission's sequence number").isEqualTo(expected);
        } finally {
            registration.remove();
        }
    }
}
