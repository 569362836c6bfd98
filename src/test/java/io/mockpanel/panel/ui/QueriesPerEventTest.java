package io.mockpanel.panel.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import io.mockpanel.panel.CandidateRoomService;
import io.mockpanel.panel.LiveControlService;
import io.mockpanel.panel.NoteService;
import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.panel.PresenceService;
import io.mockpanel.panel.PromptKind;
import io.mockpanel.panel.PromptRef;
import io.mockpanel.panel.QuickTag;
import io.mockpanel.scenario.ScenarioContent;
import io.mockpanel.scoring.ScoringFixture;
import io.mockpanel.scoring.ScoringService;
import io.mockpanel.support.KaribuTest;
import io.mockpanel.support.QueryCounter;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import io.mockpanel.mail.MailState;
import io.mockpanel.mail.MailStateChanged;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What one live event costs the screens open on a session: a lead's console and the candidate's
 * room are open (each in a browser of its own: the room runs in a second Karibu UI on a thread of
 * its own), another panelist or the candidate acts through the real services, and the statements
 * each screen runs while it takes the wake-up are counted. Targets (issue 7 §2): at most
 * {@value #CONSOLE_TARGET} per event per console, at most {@value #ROOM_TARGET} for the room, and
 * none for the room on the panel's side of things (it is not woken by them).
 *
 * <p>Prints one {@code FIGURE queries per event <kind>: console N, room M} line per kind, with the
 * statements below it. Both targets are asserted for every kind.
 */
class QueriesPerEventTest extends KaribuTest {

    static final int CONSOLE_TARGET = 2;
    static final int ROOM_TARGET = 1;

    /** Kinds of the panel's side: they never wake the candidate's room (decision 0023). */
    private static final Set<String> PANEL_ONLY = Set.of("question covered", "note saved", "tag added",
            "clarification", "score submitted", "presence change", "mail changed");

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
    PresenceService presence;

    @Autowired
    CandidateRoomService candidateRoom;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    PlatformTransactionManager transactionManager;

    private final OtherBrowser room = new OtherBrowser();

    @AfterEach
    void closeScreens() {
        room.close();
        PanelViewSupport.closeView();
    }

    /** One kind of event, caused by someone other than the console's user. */
    private record Step(String kind, Runnable cause) {
    }

    /** What one event cost each screen, and what they ran. */
    private record Cost(String kind, int console, int room, List<String> consoleStatements,
            List<String> roomStatements) {
    }

    @Test
    void each_kind_of_event_costs_the_console_and_the_room_a_few_statements() {
        TestPanel.Panel panel = testPanel.live();
        long id = panel.sessionId();
        List<ScenarioContent> agenda = TestUsers.as(panel.lead(), "INTERVIEWER", () -> sessions.agendaOf(id));
        TestPanel.Candidate candidate = testPanel.join(panel, "Casey");

        login(panel.lead(), "INTERVIEWER");
        UI.getCurrent().navigate("sessions/" + id);
        MockVaadin.clientRoundtrip(false);
        _get(SessionView.class);
        room.open(candidate);
        // The room's scenario is on screen, so pushes within it are one event each.
        asPanelist(panel, () -> control.push(id, PromptRef.of(0, PromptKind.SITUATION)));
        settle();

        int[] areaScores = new int[agenda.getFirst().discussionAreas().size()];
        Arrays.fill(areaScores, 3);
        List<Step> steps = List.of(
                new Step("prompt pushed", () -> asPanelist(panel, () -> control.push(id, PromptRef.question(0, 0, 0)))),
                new Step("timer paused", () -> asPanelist(panel, () -> control.pauseTimer(id, 0))),
                new Step("timer started", () -> asPanelist(panel, () -> control.startTimer(id, 0))),
                new Step("question covered",
                        () -> asPanelist(panel, () -> control.markCovered(id, PromptRef.question(0, 0, 0), true))),
                new Step("note saved", () -> asPanelist(panel,
                        () -> notes.saveNote(id, null, 0, "Clear on the trade-offs.", false))),
                new Step("tag added", () -> asPanelist(panel, () -> notes.addTag(id, QuickTag.values()[0]))),
                new Step("clarification", () -> room.run(() -> {
                    candidateRoom.requestClarification();
                    return null;
                })),
                new Step("score submitted", () -> asPanelist(panel,
                        () -> scoring.submit(id, ScoringFixture.sheet(0, 0, 3, areaScores)))),
                new Step("presence change", () -> asPanelist(panel, () -> presence.enter(id))),
                // As the mail sender records an outcome: in its transaction, through the panel's listener.
                new Step("mail changed", () -> new TransactionTemplate(transactionManager).executeWithoutResult(
                        tx -> publisher.publishEvent(new MailStateChanged(1, id, MailState.SENT)))));

        List<Cost> costs = new ArrayList<>();
        for (Step step : steps) {
            costs.add(measure(step));
        }

        List<String> misses = new ArrayList<>();
        for (Cost cost : costs) {
            System.out.printf("FIGURE queries per event %s: console %d, room %d%n", cost.kind(), cost.console(),
                    cost.room());
            cost.consoleStatements().forEach(sql -> System.out.println("    console: " + sql));
            cost.roomStatements().forEach(sql -> System.out.println("    room:    " + sql));
            if (cost.room() > (PANEL_ONLY.contains(cost.kind()) ? 0 : ROOM_TARGET)) {
                misses.add(cost.kind() + ": room " + cost.room());
            }
            if (cost.console() > CONSOLE_TARGET) {
                misses.add(cost.kind() + ": console " + cost.console());
            }
        }
        assertThat(costs).as("every kind reached the console").allMatch(cost -> cost.console() > 0);
        assertThat(misses).as("kinds over the targets (console <= %d, room <= %d, 0 for the panel's side)",
                CONSOLE_TARGET, ROOM_TARGET)
                .isEmpty();
    }

    /**
     * Causes the event, waits for the wake-up to reach each screen (a NOTIFY, then a UI task), and
     * counts what each screen runs while it takes it. A screen that is not woken costs nothing.
     */
    private Cost measure(Step step) {
        step.cause().run();
        awaitTask(Duration.ofSeconds(10));
        room.run(() -> awaitTask(Duration.ofSeconds(1)));
        var console = QueryCounter.counted(() -> {
            MockVaadin.clientRoundtrip(false);
            return null;
        });
        var inRoom = room.run(() -> QueryCounter.counted(() -> {
            MockVaadin.clientRoundtrip(false);
            return null;
        }));
        settle();
        return new Cost(step.kind(), console.count(), inRoom.count(), console.statements(), inRoom.statements());
    }

    private static void asPanelist(TestPanel.Panel panel, Runnable action) {
        TestUsers.as(panel.panelist(), "INTERVIEWER", action);
    }

    /** Waits until a UI task is waiting in this thread's Vaadin session (a wake-up arrived). */
    private static boolean awaitTask(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (VaadinSession.getCurrent().getPendingAccessQueue().isEmpty()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(20);
        }
        return true;
    }

    /** Lets late wake-ups arrive and runs them on both screens, so the next event is counted alone. */
    private void settle() {
        for (int i = 0; i < 3; i++) {
            sleep(150);
            MockVaadin.clientRoundtrip(false);
            room.run(() -> {
                MockVaadin.clientRoundtrip(false);
                return null;
            });
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A second browser: its own Karibu UI and Vaadin session, on a thread of its own (Karibu keeps
     * the current UI, session and signed-in user per thread), where everything it does runs.
     */
    private final class OtherBrowser {

        private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "other-browser"));
        private boolean open;

        void open(TestPanel.Candidate candidate) {
            run(() -> {
                MockVaadin.setup(UI::new, new MockSpringServlet(
                        new Routes(Set.of(CandidateRoomView.class), Set.of(), true), context, UI::new));
                open = true;
                PanelViewSupport.signInCandidate(candidate.principal());
                UI.getCurrent().navigate("room");
                MockVaadin.clientRoundtrip(false);
                return _get(CandidateRoomView.class);
            });
        }

        <T> T run(Callable<T> action) {
            try {
                return thread.submit(action).get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        void close() {
            try {
                if (open) {
                    run(() -> {
                        PanelViewSupport.closeView();
                        TestUsers.signOut();
                        MockVaadin.tearDown();
                        return null;
                    });
                }
            } finally {
                thread.shutdownNow();
            }
        }
    }
}
