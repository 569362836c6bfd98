package io.mockpanel.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mockpanel.support.IntegrationTest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class SessionEventLogTest {

    @Autowired
    SessionEventLog log;

    @Autowired
    SessionEventBus bus;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    private long sessionId;

    @BeforeEach
    void createSession() {
        String lead = "evt-" + System.nanoTime();
        jdbc.sql("insert into user_account (username, display_name, role, password_hash, created_at, updated_at) "
                        + "values (?, 'Event Lead', 'INTERVIEWER', 'x', now(), now())")
                .param(lead).update();
        long candidate = jdbc.sql("insert into candidate (display_name, created_at) values ('Cand', now()) returning id")
                .query(Long.class).single();
        sessionId = jdbc.sql("insert into panel_session (title, candidate_name, candidate_id, lead_username, created_at) "
                        + "values ('Events', 'Cand', ?, ?, ?) returning id")
                .params(candidate, lead, OffsetDateTime.now()).query(Long.class).single();
    }

    @Test
    void appended_events_are_numbered_one_after_another_and_read_back_in_order() {
        transactions.executeWithoutResult(tx -> {
            log.append(sessionId, new SessionEvents.TimerStarted(1), "tester");
            log.append(sessionId, new SessionEvents.TimerExtended(1, 2), "tester");
        });
        transactions.executeWithoutResult(tx -> log.append(sessionId, new SessionEvents.TimerPaused(1), "tester"));

        List<SessionEvent> all = log.after(sessionId, 0);
        assertThat(all).extracting(SessionEvent::seq).containsExactly(1L, 2L, 3L);
        assertThat(all).extracting(SessionEvent::type).containsExactly("TIMER_STARTED", "TIMER_EXTENDED", "TIMER_PAUSED");
        assertThat(log.after(sessionId, 2)).extracting(SessionEvent::type).containsExactly("TIMER_PAUSED");
        assertThat(log.lastSeq(sessionId)).isEqualTo(3);
        assertThat(all.get(1).decode()).isEqualTo(new SessionEvents.TimerExtended(1, 2));
        assertThat(log.last(sessionId, SessionEvents.TimerExtended.class)).contains(new SessionEvents.TimerExtended(1, 2));
        assertThat(log.last(sessionId, SessionEvents.PromptPushed.class)).isEmpty();
    }

    @Test
    void appending_outside_a_transaction_is_refused() {
        assertThatThrownBy(() -> log.append(sessionId, new SessionEvents.SessionStarted(), "tester"))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void a_rolled_back_change_leaves_no_event_and_no_gap() {
        try {
            transactions.executeWithoutResult(tx -> {
                log.append(sessionId, new SessionEvents.TimerStarted(0), "tester");
                throw new IllegalStateException("the change failed");
            });
        } catch (IllegalStateException expected) {
            // the transaction rolled back
        }
        transactions.executeWithoutResult(tx -> log.append(sessionId, new SessionEvents.TimerPaused(0), "tester"));

        assertThat(log.after(sessionId, 0)).extracting(SessionEvent::seq, SessionEvent::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, SessionEvents.TimerPaused.TYPE));
    }

    @Test
    void concurrent_writers_get_a_gapless_sequence() throws Exception {
        int writers = 8;
        int eventsEach = 25;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < eventsEach; i++) {
                        int n = i;
                        transactions.executeWithoutResult(
                                tx -> log.append(sessionId, new SessionEvents.TimerExtended(writer, n), "w" + writer));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<Long> seqs = log.after(sessionId, 0).stream().map(SessionEvent::seq).toList();
        assertThat(seqs).hasSize(writers * eventsEach);
        for (int i = 0; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).isEqualTo(i + 1L);
        }
    }

    @Test
    void a_committed_event_wakes_subscribers_of_its_session_through_postgresql() throws Exception {
        CountDownLatch woken = new CountDownLatch(1);
        AtomicLong hintedSeq = new AtomicLong();
        var registration = bus.subscribe(sessionId, seq -> {
            if (seq != Long.MAX_VALUE) {
                hintedSeq.set(seq);
                woken.countDown();
            }
        });
        try {
            transactions.executeWithoutResult(tx -> log.append(sessionId, new SessionEvents.SessionStarted(), "tester"));
            assertThat(woken.await(20, TimeUnit.SECONDS)).as("woken by the NOTIFY").isTrue();
            assertThat(hintedSeq.get()).isEqualTo(1);
        } finally {
            registration.remove();
        }
        assertThat(bus.subscriberCount(sessionId)).isZero();
    }

    @Test
    void the_candidates_room_is_woken_only_by_events_it_shows_and_the_panel_by_every_event() throws Exception {
        var room = new LinkedBlockingQueue<Long>();
        var console = new LinkedBlockingQueue<Long>();
        var roomRegistration = bus.subscribe(sessionId, SessionEventBus.Audience.CANDIDATE, room::add);
        var consoleRegistration = bus.subscribe(sessionId, console::add);
        try {
            transactions.executeWithoutResult(
                    tx -> log.append(sessionId, new SessionEvents.PresenceChanged("lee", true), "lee"));
            transactions.executeWithoutResult(
                    tx -> log.append(sessionId, new SessionEvents.NoteSaved(1, "lee", false, 1L), "lee"));
            assertThat(newestHeard(console, 2)).as("the console heard of both").isEqualTo(2);

            transactions.executeWithoutResult(tx -> log.append(sessionId, new SessionEvents.TimerStarted(0), "lee"));
            assertThat(room.poll(20, TimeUnit.SECONDS)).as("the first hint the room hears is the timer's").isEqualTo(3);
            assertThat(newestHeard(console, 3)).isEqualTo(3);
            assertThat(room).as("nothing else woke the room").isEmpty();

            // A hint in the format of a node before this change (no audience) wakes everyone.
            transactions.executeWithoutResult(tx -> jdbc.sql("select pg_notify(?, ?)")
                    .params(SessionEventLog.CHANNEL, sessionId + ":3").query((rs, row) -> 1).list());
            assertThat(room.poll(20, TimeUnit.SECONDS)).isEqualTo(3);

            // After a reconnect everyone catches up, the room too: hints sent meanwhile are lost.
            bus.wakeAll();
            assertThat(room.poll(20, TimeUnit.SECONDS)).isEqualTo(Long.MAX_VALUE);
        } finally {
            roomRegistration.remove();
            consoleRegistration.remove();
        }
    }

    /** Hints of one batch merge: waits until a hint of at least {@code seq} arrived and returns it. */
    private static long newestHeard(LinkedBlockingQueue<Long> hints, long seq) throws InterruptedException {
        long newest = 0;
        while (newest < seq) {
            Long next = hints.poll(20, TimeUnit.SECONDS);
            if (next == null) {
                return newest;
            }
            newest = Math.max(newest, next);
        }
        return newest;
    }
}
