package io.mockpanel.panel.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.ListItem;
import io.mockpanel.panel.ListenerStatus;
import io.mockpanel.panel.LiveControlService;
import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.panel.PromptRef;
import io.mockpanel.panel.SessionEventBus;
import io.mockpanel.panel.SessionEventLog;
import io.mockpanel.panel.SessionEvents;
import io.mockpanel.scenario.ScenarioContent;
import io.mockpanel.support.KaribuTest;
import io.mockpanel.support.TestPanel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * This node's LISTEN connection is killed in the middle of a live session (its backend
 * terminated by PostgreSQL, as a restart, a failover or an administrator would). The candidate's
 * open room still receives every push, in the order of the log, once the listener is back.
 */
class ListenerReconnectTest extends KaribuTest {

    @Autowired
    TestPanel testPanel;

    @Autowired
    LiveControlService control;

    @Autowired
    PanelSessionService sessions;

    @Autowired
    SessionEventLog log;

    @Autowired
    SessionEventBus bus;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void closeView() {
        PanelViewSupport.closeView();
    }

    @Test
    void pushes_before_while_and_after_the_listener_is_killed_all_reach_the_open_room_in_log_order() {
        TestPanel.Panel panel = testPanel.live();
        List<ScenarioContent> agenda = new ArrayList<>();
        PanelViewSupport.as(panel.lead(), "INTERVIEWER", () -> agenda.addAll(sessions.agendaOf(panel.sessionId())));
        List<PromptRef> questions = firstQuestions(agenda.getFirst(), 5);
        PanelViewSupport.signInCandidate(testPanel.join(panel, "Casey").principal());
        UI.getCurrent().navigate("room");
        MockVaadin.clientRoundtrip(false);
        CandidateRoomView room = _get(CandidateRoomView.class);

        push(panel, questions.subList(0, 2));
        await("the pushes before the kill reach the room", () -> shownQuestions(room).size() == 2);

        ListenerStatus before = bus.listenerStatus();
        assertThat(before.listening()).isTrue();
        long killed = System.nanoTime();
        // Exactly this node's listener: other processes may share the database.
        assertThat(jdbc.sql("select pg_terminate_backend(?)").param(before.backendPid()).query(Boolean.class).single())
                .isTrue();
        push(panel, questions.subList(2, 4)); // while the listener is away or reconnecting

        await("the listener connects again", () -> bus.listenerStatus().listening()
                && bus.listenerStatus().connects() > before.connects());
        long reconnectedMillis = (System.nanoTime() - killed) / 1_000_000;
        await("the pushes made while it was away reach the room", () -> shownQuestions(room).size() == 4);
        long seenMillis = (System.nanoTime() - killed) / 1_000_000;

        push(panel, questions.subList(4, 5));
        await("the push after the reconnect reaches the room", () -> shownQuestions(room).size() == 5);

        assertThat(bus.listenerStatus().backendPid()).isNotEqualTo(before.backendPid());
        List<String> inLogOrder = log.after(panel.sessionId(), 0).stream()
                .filter(event -> event.is(SessionEvents.PromptPushed.class))
                .map(event -> text(agenda, event.decode(SessionEvents.PromptPushed.class).ref()))
                .toList();
        assertThat(inLogOrder).hasSize(5);
        assertThat(shownQuestions(room)).containsExactlyElementsOf(inLogOrder);
        System.out.printf("FIGURE killed LISTEN backend: listening again after %d ms; the candidate saw the pushes "
                + "made meanwhile after %d ms%n", reconnectedMillis, seenMillis);
    }

    private void push(TestPanel.Panel panel, List<PromptRef> refs) {
        PanelViewSupport.as(panel.lead(), "INTERVIEWER", () -> refs.forEach(ref -> control.push(panel.sessionId(), ref)));
    }

    private static List<PromptRef> firstQuestions(ScenarioContent scenario, int count) {
        List<PromptRef> refs = new ArrayList<>();
        for (int a = 0; a < scenario.discussionAreas().size(); a++) {
            for (int q = 0; q < scenario.discussionAreas().get(a).questions().size(); q++) {
                refs.add(PromptRef.question(0, a, q));
            }
        }
        assertThat(refs).as("the seed scenario has enough questions").hasSizeGreaterThanOrEqualTo(count);
        return refs.subList(0, count);
    }

    /** As the room shows a question: its area's title, then the question. */
    private static String text(List<ScenarioContent> agenda, PromptRef ref) {
        var area = agenda.get(ref.scenario()).discussionAreas().get(ref.area());
        return area.title() + area.questions().get(ref.question());
    }

    /** The questions the room shows, top to bottom, without the "Current" badge. */
    private static List<String> shownQuestions(CandidateRoomView room) {
        return _find(room.content, ListItem.class).stream()
                .filter(li -> li.getParent().map(p -> p.hasClassName("room-questions")).orElse(false))
                .map(li -> li.getElement().getTextRecursively().replace("Current", "").trim())
                .toList();
    }

    private static void await(String what, BooleanSupplier condition) {
        assertThat(PanelViewSupport.awaitUi(condition, Duration.ofSeconds(30))).as(what).isTrue();
    }
}
