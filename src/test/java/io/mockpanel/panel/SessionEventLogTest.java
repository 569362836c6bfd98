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
        sessionId = jdbc.sql("insert into panel_session (title, candidate_name, lead_username, created_at) "
                        + "values ('Events', 'Cand', ?, ?) returning id")
                .params(lead, OffsetDateTime.now()).query(Long.class).single();
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
}
