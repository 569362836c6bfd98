package io.mockpanel.review;

import static io.mockpanel.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mockpanel.panel.CandidateScreen;
import io.mockpanel.panel.LiveControlService;
import io.mockpanel.panel.NoteService;
import io.mockpanel.panel.PromptKind;
import io.mockpanel.panel.PromptRef;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestPanel;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The event archive job (decision 0035) moves the events of sessions that ended long ago out of the
 * live partition, and nothing a reader of a finished session sees changes. Its sessions end in
 * 1972, so that no other test's sessions are due (the retention job's end in 1971: they may be
 * archived too, which changes nothing for them).
 */
@IntegrationTest
class EventArchiveJobTest {

    private static final OffsetDateTime LONG_AGO = OffsetDateTime.of(1972, 3, 1, 12, 0, 0, 0, ZoneOffset.UTC);
    private static final Instant CUTOFF = Instant.parse("1972-06-01T00:00:00Z");
    private static final OffsetDateTime AFTER_CUTOFF = OffsetDateTime.of(1972, 12, 1, 12, 0, 0, 0, ZoneOffset.UTC);

    @Autowired
    EventArchiveJob job;

    @Autowired
    RealisticPanel realistic;

    @Autowired
    ReviewFixture reviews;

    @Autowired
    PrivacyFixture privacy;

    @Autowired
    TestPanel panels;

    @Autowired
    SessionReviewService review;

    @Autowired
    CandidateService candidates;

    @Autowired
    NoteService notes;

    @Autowired
    LiveControlService control;

    @Autowired
    Anonymiser anonymiser;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void an_archived_session_shows_the_same_review_timeline_replay_and_progress_as_before() {
        var held = realistic.finished("Ines Archivova");
        long id = held.sessionId();
        endedAt(id, LONG_AGO);
        Seen before = seen(held);
        long events = count("session_event", id);
        long wakeUps = jdbc.sql("select count(*) from session_event where session_id = ? and type = any(?)")
                .params(id, EventArchiveJob.NOT_READ_AFTER_THE_SESSION.toArray(String[]::new)).query(Long.class).single();
        assertThat(wakeUps).as("the panel left presence changes and score drafts").isPositive();

        var archived = job.archiveFinishedBefore(CUTOFF, 10);

        assertThat(archived.sessions()).contains(id);
        assertThat(count("session_event_live", id)).isZero();
        assertThat(count("session_event_archive", id)).isEqualTo(events - wakeUps);
        assertThat(seen(held)).isEqualTo(before);
    }

    @Test
    void live_and_recently_finished_sessions_keep_their_events_where_they_are() {
        TestPanel.Panel live = panels.live();
        as(live.lead(), "INTERVIEWER", () -> control.push(live.sessionId(), PromptRef.of(0, PromptKind.OVERVIEW)));
        TestPanel.Panel recent = reviews.finished();
        endedAt(recent.sessionId(), AFTER_CUTOFF);
        TestPanel.Panel today = reviews.finished();
        Map<Long, Long> before = new LinkedHashMap<>();
        for (long id : List.of(live.sessionId(), recent.sessionId(), today.sessionId())) {
            before.put(id, count("session_event_live", id));
        }

        var archived = job.archiveFinishedBefore(CUTOFF, 10);

        assertThat(archived.sessions()).doesNotContainAnyElementsOf(before.keySet());
        before.forEach((id, events) -> {
            assertThat(count("session_event_live", id)).as("session " + id).isEqualTo(events).isPositive();
            assertThat(count("session_event_archive", id)).as("session " + id).isZero();
        });
    }

    @Test
    void an_event_written_to_an_archived_session_later_is_archived_by_the_next_run() {
        TestPanel.Panel panel = reviews.finished();
        endedAt(panel.sessionId(), LONG_AGO);
        job.archiveFinishedBefore(CUTOFF, 10);
        as(panel.lead(), "INTERVIEWER", () -> review.recordVerdict(panel.sessionId(),
                new VerdictInput(2, "Recorded after the archive", null)));
        assertThat(count("session_event_live", panel.sessionId())).isEqualTo(1);

        var again = job.archiveFinishedBefore(CUTOFF, 10);

        assertThat(again.sessions()).contains(panel.sessionId());
        assertThat(count("session_event_live", panel.sessionId())).isZero();
    }

    @Test
    void two_nodes_running_at_once_archive_each_session_once_and_lose_no_event() throws Exception {
        Map<Long, Long> events = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            long id = reviews.finished().sessionId();
            endedAt(id, LONG_AGO.plusMinutes(i));
            events.put(id, count("session_event", id) - jdbc.sql(
                    "select count(*) from session_event where session_id = ? and type = any(?)")
                    .params(id, EventArchiveJob.NOT_READ_AFTER_THE_SESSION.toArray(String[]::new))
                    .query(Long.class).single());
        }
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        List<Future<EventArchiveJob.Archived>> runs = new ArrayList<>();
        for (int node = 0; node < 2; node++) {
            runs.add(pool.submit(() -> {
                start.await();
                return job.archiveFinishedBefore(CUTOFF, 2);
            }));
        }
        start.countDown();
        List<Long> first = runs.get(0).get().sessions();
        List<Long> second = runs.get(1).get().sessions();
        pool.shutdown();

        // One node may find nothing left when the other ran first: then its list is empty.
        var archivedTwice = new HashSet<>(first);
        archivedTwice.retainAll(second);
        assertThat(archivedTwice).as("sessions archived by both nodes").isEmpty();
        var both = new HashSet<>(first);
        both.addAll(second);
        assertThat(both).containsAll(events.keySet());
        events.forEach((id, kept) -> {
            assertThat(count("session_event_live", id)).as("session " + id).isZero();
            assertThat(count("session_event_archive", id)).as("session " + id).isEqualTo(kept);
        });
    }

    @Test
    void anonymising_an_archived_session_removes_the_names_from_its_archived_payloads() {
        var person = PrivacyFixture.Person.random();
        var held = privacy.ended(person);
        endedAt(held.sessionId(), LONG_AGO);
        assertThat(privacy.tracesOf(List.of(person.name(), held.joinedName()))).isNotEmpty();
        job.archiveFinishedBefore(CUTOFF, 10);
        assertThat(count("session_event_live", held.sessionId())).isZero();

        new org.springframework.transaction.support.TransactionTemplate(transactions)
                .executeWithoutResult(status -> anonymiser.anonymiseSession(held.sessionId(), Instant.now()));

        assertThat(privacy.tracesOf(PrivacyServiceTest.needles(person, held))).isEmpty();
        assertThat(count("session_event_live", held.sessionId())).isZero();
        assertThat(count("session_event_archive", held.sessionId())).isPositive();
    }

    @Test
    void the_job_runs_only_when_configured_and_at_most_hourly() {
        var off = new EventArchiveJob(jdbc, new EventArchiveProperties(0, "0 45 * * * *", 50, true),
                Clock.fixed(CUTOFF, ZoneOffset.UTC), transactions);
        TestPanel.Panel panel = reviews.finished();
        endedAt(panel.sessionId(), LONG_AGO);
        off.run();
        assertThat(count("session_event_archive", panel.sessionId())).isZero();
        var thirtyDays = new EventArchiveJob(jdbc, new EventArchiveProperties(30, "0 45 * * * *", 50, true),
                Clock.fixed(CUTOFF.plus(java.time.Duration.ofDays(30)), ZoneOffset.UTC), transactions);
        thirtyDays.run();
        assertThat(count("session_event_live", panel.sessionId())).isZero();

        assertThat(new EventArchiveProperties(30, "-", 50, true).enabled()).isFalse();
        assertThatThrownBy(() -> new EventArchiveProperties(30, "0 */5 * * * *", 50, true))
                .hasMessageContaining("mockpanel.events.archive-cron").hasMessageContaining("more often than once an hour");
        assertThatThrownBy(() -> new EventArchiveProperties(-1, "0 45 * * * *", 50, true))
                .hasMessageContaining("mockpanel.events.archive-after-days");
        assertThatThrownBy(() -> new EventArchiveProperties(30, "0 45 * * * *", 0, true))
                .hasMessageContaining("mockpanel.events.archive-batch-size");
    }

    /** What readers of a finished session get: the review, the candidate's screen at every event, progress. */
    private record Seen(SessionReview review, Map<Long, CandidateScreen> screens, Object progress, Object notes) {
    }

    private Seen seen(RealisticPanel.Held held) {
        long id = held.sessionId();
        List<Long> seqs = jdbc.sql("select seq from panel_session s, generate_series(1, s.last_event_seq) seq where s.id = ?")
                .param(id).query(Long.class).list();
        return as(held.coach(), "COACH", () -> {
            Map<Long, CandidateScreen> screens = new LinkedHashMap<>();
            seqs.forEach(seq -> screens.put(seq, review.screenAt(id, seq)));
            long candidate = jdbc.sql("select candidate_id from panel_session where id = ?").param(id)
                    .query(Long.class).single();
            return new Seen(review.review(id), screens, candidates.progress(candidate),
                    as(held.lead(), "INTERVIEWER", () -> notes.sessionNotes(id)));
        });
    }

    private void endedAt(long sessionId, OffsetDateTime at) {
        jdbc.sql("update panel_session set ended_at = ? where id = ?").params(at, sessionId).update();
    }

    private long count(String table, long sessionId) {
        return jdbc.sql("select count(*) from " + table + " where session_id = ?").param(sessionId)
                .query(Long.class).single();
    }
}
