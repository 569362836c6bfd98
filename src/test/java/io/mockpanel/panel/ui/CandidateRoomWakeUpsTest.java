package io.mockpanel.panel.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import io.mockpanel.panel.LiveControlService;
import io.mockpanel.panel.NoteService;
import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.panel.PromptKind;
import io.mockpanel.panel.PromptRef;
import io.mockpanel.panel.SessionEventBus;
import io.mockpanel.panel.SessionEventLog;
import io.mockpanel.scenario.ScenarioContent;
import io.mockpanel.scoring.ScoringFixture;
import io.mockpanel.scoring.ScoringService;
import io.mockpanel.support.KaribuTest;
import io.mockpanel.support.QueryCounter;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The candidate's room is woken only by what it shows or acts on: the panel's notes and scores
 * never run its catch-up (no UI task, no statement), a push does.
 */
class CandidateRoomWakeUpsTest extends KaribuTest {

    /** The room's catch-up: one read of the events after the last one it saw. */
    private static final String CATCH_UP = "from session_event where session_id = ? and seq > ?";

    @Autowired
    TestPanel testPanel;

    @Autowired
    PanelSessionService sessions;

    @Autowired
    LiveControlService control;

    @Autowired
    NoteService notes;

    @Autowired
    ScoringService scoring;

    @Autowired
    SessionEventBus bus;

    @Autowired
    SessionEventLog log;

    @AfterEach
    void closeView() {
        PanelViewSupport.closeView();
    }

    @Test
    void a_note_or_a_score_of_the_panel_never_runs_the_rooms_catch_up_and_a_push_does() throws Exception {
        TestPanel.Panel panel = testPanel.live();
        long id = panel.sessionId();
        List<ScenarioContent> agenda = TestUsers.as(panel.lead(), "INTERVIEWER", () -> sessions.agendaOf(id));
        PanelViewSupport.signInCandidate(testPanel.join(panel, "Casey").principal());
        UI.getCurrent().navigate("room");
        MockVaadin.clientRoundtrip(false);
        CandidateRoomView room = _get(CandidateRoomView.class);
        asPanelist(panel, () -> control.push(id, PromptRef.of(0, PromptKind.SITUATION)));
        assertThat(PanelViewSupport.awaitUi(() -> text(room).contains(agenda.getFirst().situation()),
                Duration.ofSeconds(10))).as("the first push reached the room").isTrue();

        var heard = new LinkedBlockingQueue<Long>();
        var panelProbe = bus.subscribe(id, heard::add);
        try {
            int[] scores = new int[agenda.getFirst().discussionAreas().size()];
            Arrays.fill(scores, 3);
            asPanelist(panel, () -> {
                notes.saveNote(id, null, 0, "Weighs the options out loud.", false);
                scoring.submit(id, ScoringFixture.sheet(0, 0, 3, scores));
            });
            long scoreSeq = log.lastSeq(id);
            assertThat(awaitHeard(heard, scoreSeq)).as("the panel heard of the note and the score").isTrue();
            Thread.sleep(300);

            assertThat(VaadinSession.getCurrent().getPendingAccessQueue()).as("no catch-up waits in the room")
                    .isEmpty();
            var idle = QueryCounter.counted(() -> {
                MockVaadin.clientRoundtrip(false);
                return null;
            });
            assertThat(idle.statements()).as("the room ran nothing for the panel's note and score").isEmpty();

            String question = agenda.getFirst().discussionAreas().getFirst().questions().getFirst();
            asPanelist(panel, () -> control.push(id, PromptRef.question(0, 0, 0)));
            assertThat(awaitTask(Duration.ofSeconds(10))).as("the push woke the room").isTrue();
            var woken = QueryCounter.counted(() -> {
                MockVaadin.clientRoundtrip(false);
                return null;
            });
            assertThat(woken.statements()).filteredOn(sql -> sql.contains(CATCH_UP)).as("one catch-up").hasSize(1);
            assertThat(text(room)).contains(question);
        } finally {
            panelProbe.remove();
        }
    }

    private static void asPanelist(TestPanel.Panel panel, Runnable action) {
        TestUsers.as(panel.panelist(), "INTERVIEWER", action);
    }

    private static String text(CandidateRoomView room) {
        return room.content.getElement().getTextRecursively();
    }

    private static boolean awaitHeard(LinkedBlockingQueue<Long> heard, long seq) throws InterruptedException {
        long newest = 0;
        while (newest < seq) {
            Long next = heard.poll(10, TimeUnit.SECONDS);
            if (next == null) {
                return false;
            }
            newest = Math.max(newest, next);
        }
        return true;
    }

    /** Waits until a UI task (a wake-up) waits in this browser's Vaadin session. */
    private static boolean awaitTask(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (VaadinSession.getCurrent().getPendingAccessQueue().isEmpty()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }
}
