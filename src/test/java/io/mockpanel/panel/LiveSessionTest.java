package io.mockpanel.panel;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockpanel.scenario.ScenarioContent;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live state of a session is a fold of its event log: timers, what is on screen, coverage and the
 * time since the start all come from the stored events and a {@code now} passed in, never from a
 * browser's clock.
 */
@IntegrationTest
class LiveSessionTest {

    @Autowired
    LiveControlService control;

    @Autowired
    PanelSessionService sessions;

    @Autowired
    SessionTimeline timeline;

    @Autowired
    SessionEventLog log;

    @Autowired
    JsonMapper json;

    @Autowired
    TestPanel testPanel;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    // --- through the services and the stored log ---------------------------------------------------

    @Test
    void a_timer_started_paused_started_again_and_extended_counts_only_its_running_time() {
        TestPanel.Panel panel = livePanelAsLead();
        long id = panel.sessionId();
        int minutes = sessions.agendaOf(id).getFirst().durationMinutes();

        control.startTimer(id, 0);
        control.pauseTimer(id, 0);
        control.startTimer(id, 0);
        control.extendTimer(id, 0, 5);

        LiveSession live = timeline.load(id);
        List<SessionEvent> timerEvents = eventsOf(id, SessionEvents.TimerStarted.TYPE, SessionEvents.TimerPaused.TYPE);
        Instant firstStart = timerEvents.get(0).at();
        Instant pause = timerEvents.get(1).at();
        Instant secondStart = timerEvents.get(2).at();
        Duration firstRun = Duration.between(firstStart, pause);

        Instant now = secondStart.plus(Duration.ofMinutes(7));
        TimerState timer = live.timer(0, now);
        assertThat(timer.running()).isTrue();
        assertThat(timer.allowed()).isEqualTo(Duration.ofMinutes(minutes + 5));
        assertThat(timer.elapsed()).isEqualTo(firstRun.plusMinutes(7));
        assertThat(timer.remaining()).isEqualTo(Duration.ofMinutes(minutes + 5).minus(firstRun).minusMinutes(7));
        // The same events and the same "now" always give the same answer, whatever the time is.
        assertThat(timeline.load(id).timer(0, now)).isEqualTo(timer);
        assertThat(live.timer(0, secondStart).elapsed()).isEqualTo(firstRun);
        assertThat(live.timer(0, secondStart.plus(Duration.ofHours(2))).overrun()).isTrue();
        assertThat(live.currentScenario()).contains(0);
    }

    @Test
    void starting_the_timer_of_the_next_scenario_pauses_the_one_that_runs() {
        TestPanel.Panel panel = livePanelAsLead();
        long id = panel.sessionId();
        List<ScenarioContent> agenda = sessions.agendaOf(id);

        control.startTimer(id, 0);
        control.startTimer(id, 1);

        LiveSession live = timeline.load(id);
        List<SessionEvent> starts = eventsOf(id, SessionEvents.TimerStarted.TYPE);
        Instant later = starts.get(1).at().plus(Duration.ofMinutes(30));
        TimerState first = live.timer(0, later);
        assertThat(first.running()).isFalse();
        assertThat(first.elapsed()).isEqualTo(Duration.between(starts.get(0).at(), starts.get(1).at()));
        TimerState second = live.timer(1, later);
        assertThat(second.running()).isTrue();
        assertThat(second.elapsed()).isEqualTo(Duration.ofMinutes(30));
        assertThat(second.allowed()).isEqualTo(Duration.ofMinutes(agenda.get(1).durationMinutes()));
        assertThat(live.currentScenario()).contains(1);
    }

    @Test
    void the_timer_follows_the_scenario_on_screen_and_pushes_within_a_scenario_leave_it_alone() {
        TestPanel.Panel panel = livePanelAsLead();
        long id = panel.sessionId();

        control.push(id, PromptRef.of(0, PromptKind.SITUATION));
        assertThat(eventsOf(id, SessionEvents.TimerStarted.TYPE)).as("the first push starts scenario 1's countdown")
                .hasSize(1);
        control.pushNext(id);
        control.push(id, PromptRef.question(0, 0, 0));
        assertThat(eventsOf(id, SessionEvents.TimerStarted.TYPE)).as("pushes within the scenario start nothing").hasSize(1);

        control.pauseTimer(id, 0);
        control.push(id, PromptRef.question(0, 0, 1));
        LiveSession paused = timeline.load(id);
        assertThat(paused.timer(0, Instant.now()).running()).as("a pause by the lead is kept").isFalse();

        control.push(id, PromptRef.of(1, PromptKind.OVERVIEW));
        LiveSession moved = timeline.load(id);
        Instant later = Instant.now().plus(Duration.ofMinutes(3));
        assertThat(moved.timer(1, later).running()).as("the next scenario's countdown runs").isTrue();
        assertThat(moved.timer(0, later).running()).isFalse();
        TimerState first = moved.timer(0, later);

        control.push(id, PromptRef.question(0, 1, 0));
        LiveSession back = timeline.load(id);
        assertThat(back.timer(0, later).running()).as("going back resumes the first scenario").isTrue();
        assertThat(back.timer(1, later).running()).isFalse();
        List<SessionEvent> pushAndStart = eventsOf(id, SessionEvents.PromptPushed.TYPE, SessionEvents.TimerStarted.TYPE);
        SessionEvent resumed = pushAndStart.getLast();
        assertThat(resumed.type()).isEqualTo(SessionEvents.TimerStarted.TYPE);
        assertThat(resumed.seq()).as("written with the push, in its transaction")
                .isEqualTo(pushAndStart.get(pushAndStart.size() - 2).seq() + 1);
        assertThat(back.timer(0, resumed.at()).elapsed()).as("it resumes where it was paused")
                .isEqualTo(first.elapsed());
    }

    @Test
    void a_scenario_whose_timer_never_ran_shows_its_full_duration_stopped() {
        TestPanel.Panel panel = livePanelAsLead();
        List<ScenarioContent> agenda = sessions.agendaOf(panel.sessionId());

        LiveSession live = timeline.load(panel.sessionId());

        TimerState timer = live.timer(1, Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(timer).isEqualTo(new TimerState(Duration.ofMinutes(agenda.get(1).durationMinutes()), Duration.ZERO,
                false));
        assertThat(live.currentScenario()).isEmpty();
        assertThat(live.current()).isEmpty();
    }

    @Test
    void a_question_is_covered_and_uncovered_as_marked_with_the_time_it_was_marked() {
        TestPanel.Panel panel = livePanelAsLead();
        long id = panel.sessionId();
        PromptRef first = PromptRef.question(0, 0, 0);
        PromptRef second = PromptRef.question(0, 1, 0);

        control.markCovered(id, first, true);
        control.markCovered(id, second, true);
        LiveSession both = timeline.load(id);
        control.markCovered(id, first, false);

        SessionCursor cursor = timeline.follow(id);
        LiveSession live = cursor.live();
        Instant markedSecond = eventsOf(id, SessionEvents.QuestionCovered.TYPE).get(1).at();
        assertThat(both.covered()).containsOnlyKeys(first, second);
        assertThat(live.covered()).containsExactly(java.util.Map.entry(second, markedSecond));
        control.markCovered(id, first, true);
        cursor.advance();
        assertThat(live.covered()).containsOnlyKeys(first, second);
    }

    @Test
    void the_item_on_screen_is_the_one_pushed_last_by_whoever_pushed_it() {
        TestPanel.Panel panel = livePanelAsLead();
        long id = panel.sessionId();
        PromptRef situation = PromptRef.of(0, PromptKind.SITUATION);
        PromptRef question = PromptRef.question(0, 1, 2);

        control.push(id, situation);
        TestUsers.signIn(panel.panelist(), "INTERVIEWER");
        control.push(id, question);
        LiveSession afterQuestion = timeline.load(id);
        TestUsers.signIn(panel.lead(), "INTERVIEWER");
        control.push(id, situation);

        assertThat(afterQuestion.current()).contains(question);
        LiveSession live = timeline.load(id);
        assertThat(live.current()).contains(situation);
        assertThat(live.pushed()).extracting(LiveSession.Pushed::ref, LiveSession.Pushed::by).containsExactly(
                org.assertj.core.groups.Tuple.tuple(situation, panel.lead()),
                org.assertj.core.groups.Tuple.tuple(question, panel.panelist()),
                org.assertj.core.groups.Tuple.tuple(situation, panel.lead()));
        assertThat(live.pushed()).extracting(LiveSession.Pushed::at)
                .containsExactlyElementsOf(eventsOf(id, SessionEvents.PromptPushed.TYPE).stream().map(SessionEvent::at).toList());
        assertThat(live.wasPushed(question)).isTrue();
        assertThat(live.wasPushed(PromptRef.question(0, 0, 0))).isFalse();
        // With no timer running, the scenario on screen is the current one.
        assertThat(live.currentScenario()).contains(0);
    }

    @Test
    void the_offset_is_zero_before_the_start_then_counts_from_the_start_and_stops_at_the_end() {
        TestPanel.Panel panel = testPanel.scheduled();
        long id = panel.sessionId();
        TestUsers.signIn(panel.lead(), "INTERVIEWER");
        SessionCursor cursor = timeline.follow(id);
        LiveSession live = cursor.live();
        assertThat(live.startedAt()).isEmpty();
        assertThat(live.offset(Instant.parse("2030-01-01T00:00:00Z"))).isZero();

        sessions.start(id);
        control.startTimer(id, 0);
        cursor.advance();
        Instant started = eventsOf(id, SessionEvents.SessionStarted.TYPE).getFirst().at();
        assertThat(live.startedAt()).contains(started);
        assertThat(live.offset(started.plusSeconds(90))).isEqualTo(Duration.ofSeconds(90));

        sessions.end(id);
        cursor.advance();
        Instant ended = eventsOf(id, SessionEvents.SessionEnded.TYPE).getFirst().at();
        Instant timerStart = eventsOf(id, SessionEvents.TimerStarted.TYPE).getFirst().at();
        assertThat(live.endedAt()).contains(ended);
        assertThat(live.offset(ended.plus(Duration.ofHours(1)))).isEqualTo(Duration.between(started, ended));
        TimerState timer = live.timer(0, ended.plus(Duration.ofHours(1)));
        assertThat(timer.running()).isFalse();
        assertThat(timer.elapsed()).isEqualTo(Duration.between(timerStart, ended));
        assertThat(live.lastSeq()).isEqualTo(log.lastSeq(id));
    }

    @Test
    void catching_up_applies_only_the_events_after_the_last_one_seen() {
        TestPanel.Panel panel = livePanelAsLead();
        long id = panel.sessionId();
        control.push(id, PromptRef.of(0, PromptKind.OVERVIEW));
        SessionCursor cursor = timeline.follow(id);
        LiveSession live = cursor.live();
        long seen = live.lastSeq();

        control.pushNext(id);
        control.pushNext(id);
        List<SessionEvent> read = cursor.advance();
        assertThat(cursor.advance()).as("nothing new the second time").isEmpty();
        assertThat(read).extracting(SessionEvent::seq).allMatch(seq -> seq > seen);

        assertThat(live.lastSeq()).isEqualTo(log.lastSeq(id)).isGreaterThan(seen);
        assertThat(live.pushed()).extracting(LiveSession.Pushed::ref).containsExactly(
                PromptRef.of(0, PromptKind.OVERVIEW), PromptRef.of(0, PromptKind.SITUATION),
                PromptRef.of(0, PromptKind.CHALLENGES));
        assertThat(live.current()).contains(PromptRef.of(0, PromptKind.CHALLENGES));
    }

    // --- the fold itself, with events at explicit instants ----------------------------------------

    @Nested
    class Fold {

        private static final Instant T0 = Instant.parse("2030-03-01T09:00:00Z");
        private final List<SessionEvent> events = new ArrayList<>();
        private final LiveSession live = new LiveSession(42, List.of(30, 20));

        private Instant at(int minutes) {
            return T0.plus(Duration.ofMinutes(minutes));
        }

        private void event(String type, Object payload, int minute) {
            events.add(new SessionEvent(42, events.size() + 1, type, json.writeValueAsString(payload), "lee",
                    at(minute)));
        }

        /** As timer events were stored before the catalogue: started and paused carried "minutes": 0. */
        private void timer(String type, int scenario, int extendBy, int minute) {
            event(type, java.util.Map.of("scenario", scenario, "minutes", extendBy), minute);
        }

        private void push(PromptRef ref, int minute) {
            event(SessionEvents.PromptPushed.TYPE, SessionEvents.PromptPushed.of(ref), minute);
        }

        private void covered(PromptRef ref, boolean covered, int minute) {
            event(SessionEvents.QuestionCovered.TYPE, new SessionEvents.QuestionCovered(ref.scenario(), ref.area(),
                    ref.question(), covered), minute);
        }

        private LiveSession folded() {
            live.apply(events);
            return live;
        }

        @Test
        void start_pause_start_and_extend_give_the_running_time_at_any_given_now() {
            event(SessionEvents.SessionStarted.TYPE, java.util.Map.of(), 0);
            timer(SessionEvents.TimerStarted.TYPE, 0, 0, 1);
            assertThat(folded().timer(0, at(4))).isEqualTo(new TimerState(Duration.ofMinutes(30),
                    Duration.ofMinutes(3), true));
            timer(SessionEvents.TimerPaused.TYPE, 0, 0, 11);
            assertThat(folded().timer(0, at(14))).isEqualTo(new TimerState(Duration.ofMinutes(30),
                    Duration.ofMinutes(10), false));
            timer(SessionEvents.TimerStarted.TYPE, 0, 0, 15);
            timer(SessionEvents.TimerExtended.TYPE, 0, 5, 16);
            timer(SessionEvents.TimerExtended.TYPE, 0, 2, 17);

            LiveSession live = folded();

            assertThat(live.timer(0, at(20))).isEqualTo(new TimerState(Duration.ofMinutes(37),
                    Duration.ofMinutes(15), true));
            assertThat(live.timer(0, at(20)).remaining()).isEqualTo(Duration.ofMinutes(22));
            TimerState overrun = live.timer(0, at(15 + 27).plusSeconds(65));
            assertThat(overrun.overrun()).isTrue();
            assertThat(TimerState.format(overrun.remaining())).isEqualTo("-01:05");
            assertThat(live.offset(at(20))).isEqualTo(Duration.ofMinutes(20));
        }

        @Test
        void a_paused_timer_stays_where_it_was_paused() {
            timer(SessionEvents.TimerStarted.TYPE, 1, 0, 0);
            timer(SessionEvents.TimerPaused.TYPE, 1, 0, 4);

            LiveSession live = folded();

            assertThat(live.timer(1, at(4))).isEqualTo(live.timer(1, at(400)));
            assertThat(live.timer(1, at(400))).isEqualTo(new TimerState(Duration.ofMinutes(20), Duration.ofMinutes(4),
                    false));
            assertThat(live.currentScenario()).isEmpty();
        }

        @Test
        void pausing_a_timer_that_never_started_changes_nothing() {
            timer(SessionEvents.TimerPaused.TYPE, 0, 0, 3);

            assertThat(folded().timer(0, at(10))).isEqualTo(new TimerState(Duration.ofMinutes(30), Duration.ZERO,
                    false));
        }

        @Test
        void starting_the_second_scenario_pauses_the_first() {
            timer(SessionEvents.TimerStarted.TYPE, 0, 0, 0);
            timer(SessionEvents.TimerStarted.TYPE, 1, 0, 12);

            LiveSession live = folded();

            assertThat(live.timer(0, at(50))).isEqualTo(new TimerState(Duration.ofMinutes(30), Duration.ofMinutes(12),
                    false));
            assertThat(live.timer(1, at(50))).isEqualTo(new TimerState(Duration.ofMinutes(20), Duration.ofMinutes(38),
                    true));
            assertThat(live.currentScenario()).contains(1);
        }

        @Test
        void ending_the_session_stops_every_timer_and_the_offset() {
            event(SessionEvents.SessionStarted.TYPE, java.util.Map.of(), 0);
            timer(SessionEvents.TimerStarted.TYPE, 0, 0, 5);
            event(SessionEvents.SessionEnded.TYPE, java.util.Map.of(), 25);

            LiveSession live = folded();

            assertThat(live.startedAt()).contains(at(0));
            assertThat(live.endedAt()).contains(at(25));
            assertThat(live.timer(0, at(90))).isEqualTo(new TimerState(Duration.ofMinutes(30), Duration.ofMinutes(20),
                    false));
            assertThat(live.offset(at(10))).isEqualTo(Duration.ofMinutes(10));
            assertThat(live.offset(at(90))).isEqualTo(Duration.ofMinutes(25));
        }

        @Test
        void a_cancelled_session_stops_its_timers_too() {
            event(SessionEvents.SessionStarted.TYPE, java.util.Map.of(), 0);
            timer(SessionEvents.TimerStarted.TYPE, 1, 0, 2);
            event(SessionEvents.SessionCancelled.TYPE, java.util.Map.of(), 9);

            LiveSession live = folded();

            assertThat(live.timer(1, at(60))).isEqualTo(new TimerState(Duration.ofMinutes(20), Duration.ofMinutes(7),
                    false));
            assertThat(live.offset(at(60))).isEqualTo(Duration.ofMinutes(9));
        }

        @Test
        void the_offset_is_zero_until_the_session_starts() {
            push(PromptRef.of(0, PromptKind.OVERVIEW), 3);

            assertThat(folded().offset(at(10))).isZero();
        }

        @Test
        void the_current_item_is_the_last_pushed_and_coverage_follows_the_marks() {
            PromptRef q1 = PromptRef.question(0, 0, 0);
            PromptRef q2 = PromptRef.question(0, 0, 1);
            push(PromptRef.of(0, PromptKind.SITUATION), 1);
            push(q1, 2);
            push(q2, 3);
            covered(q1, true, 4);
            covered(q2, true, 5);
            covered(q1, false, 6);
            push(q1, 7);

            LiveSession live = folded();

            assertThat(live.current()).contains(q1);
            assertThat(live.pushed()).extracting(LiveSession.Pushed::at).containsExactly(at(1), at(2), at(3), at(7));
            assertThat(live.covered()).containsExactly(java.util.Map.entry(q2, at(5)));
            assertThat(live.currentScenario()).contains(0);
        }

        @Test
        void events_already_applied_are_skipped_so_a_replay_converges() {
            timer(SessionEvents.TimerStarted.TYPE, 0, 0, 0);
            timer(SessionEvents.TimerExtended.TYPE, 0, 5, 1);
            push(PromptRef.of(0, PromptKind.OVERVIEW), 2);
            LiveSession live = folded();
            TimerState once = live.timer(0, at(10));

            live.apply(events);
            live.apply(events.subList(1, 3));

            assertThat(live.timer(0, at(10))).isEqualTo(once);
            assertThat(live.timer(0, at(10)).allowed()).isEqualTo(Duration.ofMinutes(35));
            assertThat(live.pushed()).hasSize(1);
            assertThat(live.lastSeq()).isEqualTo(3);
        }

        @Test
        void clarification_requests_are_collected_in_order() {
            event(SessionEvents.ClarificationRequested.TYPE, java.util.Map.of("candidate", "Casey", "prompt", "x"), 3);
            event("SOMETHING_ELSE", java.util.Map.of(), 4);
            event(SessionEvents.ClarificationRequested.TYPE, java.util.Map.of("candidate", "Casey", "prompt", "y"), 5);

            assertThat(folded().clarifications()).extracting(SessionEvent::at).containsExactly(at(3), at(5));
        }
    }

    // --- helpers -----------------------------------------------------------------------------------

    private TestPanel.Panel livePanelAsLead() {
        TestPanel.Panel panel = testPanel.live();
        TestUsers.signIn(panel.lead(), "INTERVIEWER");
        return panel;
    }

    private List<SessionEvent> eventsOf(long sessionId, String... types) {
        List<String> wanted = List.of(types);
        return log.after(sessionId, 0).stream().filter(e -> wanted.contains(e.type())).toList();
    }
}
