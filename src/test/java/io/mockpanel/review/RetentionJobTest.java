package io.mockpanel.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestUsers;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The retention job anonymises sessions that ended before the cutoff, once, also when two nodes run
 * it at the same time. Its sessions end in 1971, so that no other test's sessions are due.
 */
@IntegrationTest
class RetentionJobTest {

    private static final OffsetDateTime LONG_AGO = OffsetDateTime.of(1971, 1, 10, 12, 0, 0, 0, ZoneOffset.UTC);
    private static final Instant CUTOFF = Instant.parse("1971-06-01T00:00:00Z");
    private static final OffsetDateTime AFTER_CUTOFF = OffsetDateTime.of(1971, 12, 1, 12, 0, 0, 0, ZoneOffset.UTC);

    @Autowired
    RetentionJob job;

    @Autowired
    PrivacyFixture fixture;

    @Autowired
    PrivacyService privacy;

    @Autowired
    Anonymiser anonymiser;

    @Autowired
    AuditLog audit;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void the_job_anonymises_only_finished_sessions_that_ended_before_the_cutoff_and_says_so_on_the_privacy_page() {
        var old = PrivacyFixture.Person.random();
        PrivacyFixture.Held due = fixture.ended(old);
        fixture.endedAt(due.sessionId(), LONG_AGO);
        var panel = due.panel();
        var cancelledPerson = PrivacyFixture.Person.random();
        long cancelled = fixture.session(panel, cancelledPerson, "CANCELLED");
        fixture.endedAt(cancelled, LONG_AGO);
        var recent = PrivacyFixture.Person.random();
        long notYet = fixture.session(panel, recent, "COMPLETED");
        fixture.endedAt(notYet, AFTER_CUTOFF);
        var live = PrivacyFixture.Person.random();
        long running = fixture.session(panel, live, "LIVE");
        // 30 days before this clock is the cutoff.
        var clock = Clock.fixed(CUTOFF.plus(java.time.Duration.ofDays(30)), ZoneOffset.UTC);
        var thirtyDays = new RetentionJob(jdbc, anonymiser, audit, new RetentionProperties(30, "0 15 * * * *", 100),
                clock, transactions);

        thirtyDays.run();

        assertThat(fixture.tracesOf(PrivacyServiceTest.needles(old, due))).isEmpty();
        assertThat(fixture.tracesOf(List.of(cancelledPerson.name(), cancelledPerson.email()))).isEmpty();
        assertThat(fixture.tracesOf(List.of(recent.name(), recent.email(), live.name(), live.email()))).hasSize(4);
        assertThat(anonymised(due.sessionId(), cancelled, notYet, running)).containsExactly(true, true, false, false);
        assertThat(retentionRows(due.sessionId())).singleElement().asString()
                .startsWith("ANONYMISED_SESSION|ended 1971-01-10, before the retention cutoff 1971-06-01; erased 2 notes, "
                        + "1 coaching note, 1 report, 8 comments and justifications, 3 event payloads");
        var status = TestUsers.as("privacy-admin", "ADMIN", () -> privacy.retention());
        assertThat(status.lastRanAt()).isEqualTo(clock.instant());
        assertThat(status.lastCutoff()).isEqualTo(CUTOFF);
        // At least: a failed earlier run against the same database may have left sessions due.
        assertThat(status.lastAnonymised()).isGreaterThanOrEqualTo(2);

        thirtyDays.run();

        assertThat(retentionRows(due.sessionId())).hasSize(1);
        assertThat(TestUsers.as("privacy-admin", "ADMIN", () -> privacy.retention()).lastAnonymised()).isZero();
    }

    @Test
    void an_old_session_of_someone_with_newer_sessions_moves_to_a_neutral_candidate_of_its_own() {
        var person = PrivacyFixture.Person.random();
        var panel = fixture.accounts();
        long old = fixture.session(panel, person, "COMPLETED");
        fixture.endedAt(old, LONG_AGO);
        long newer = fixture.session(panel, person, "COMPLETED");
        long candidate = fixture.candidateOf(newer);

        job.anonymiseEndedBefore(CUTOFF);

        long neutral = fixture.candidateOf(old);
        assertThat(neutral).isNotEqualTo(candidate);
        assertThat(fixture.candidateName(neutral)).isEqualTo("Anonymised candidate " + neutral);
        assertThat(jdbc.sql("select candidate_name || '|' || coalesce(candidate_email, '-') from panel_session where id = ?")
                .param(old).query(String.class).single()).isEqualTo("Anonymised candidate " + neutral + "|-");
        assertThat(fixture.candidateName(candidate)).isEqualTo(person.name());
        assertThat(jdbc.sql("select count(*) from candidate_alias where candidate_id = ?").param(candidate)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void when_a_persons_last_session_is_anonymised_their_record_is_anonymised_too() {
        var person = PrivacyFixture.Person.random();
        long old = fixture.session(person, "COMPLETED");
        fixture.endedAt(old, LONG_AGO);
        long candidate = fixture.candidateOf(old);

        job.anonymiseEndedBefore(CUTOFF);

        assertThat(fixture.candidateOf(old)).isEqualTo(candidate);
        assertThat(fixture.candidateName(candidate)).isEqualTo("Anonymised candidate " + candidate);
        assertThat(fixture.tracesOf(List.of(person.name(), person.email()))).isEmpty();
    }

    @Test
    void two_nodes_running_at_once_share_the_sessions_and_anonymise_each_exactly_once() throws Exception {
        var panel = fixture.accounts();
        List<PrivacyFixture.Person> people = new ArrayList<>();
        List<Long> sessions = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            var person = PrivacyFixture.Person.random();
            people.add(person);
            for (int s = 0; s < 2; s++) {
                long id = fixture.session(panel, person, "COMPLETED");
                fixture.endedAt(id, LONG_AGO.plusMinutes(i * 2L + s));
                sessions.add(id);
            }
        }
        long auditedBefore = jdbc.sql("select coalesce(max(id), 0) from audit_log").query(Long.class).single();
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int node = 0; node < 2; node++) {
            runs.add(pool.submit(() -> {
                start.await();
                return job.anonymiseEndedBefore(CUTOFF, 3);
            }));
        }
        start.countDown();
        int first = runs.get(0).get();
        int second = runs.get(1).get();
        pool.shutdown();

        assertThat(first + second).isGreaterThanOrEqualTo(20);
        List<String> audited = jdbc.sql("select subject from audit_log where id > ? and actor = 'retention'")
                .param(auditedBefore).query(String.class).list();
        assertThat(audited).hasSize(first + second).doesNotHaveDuplicates();
        for (long id : sessions) {
            assertThat(retentionRows(id)).as("session " + id).hasSize(1);
        }
        assertThat(anonymised(sessions.stream().mapToLong(Long::longValue).toArray())).containsOnly(true);
        List<String> needles = new ArrayList<>();
        people.forEach(p -> needles.addAll(List.of(p.name(), p.email())));
        assertThat(fixture.tracesOf(needles)).isEmpty();
    }

    @Test
    void the_schedule_may_run_at_most_hourly() {
        assertThat(new RetentionProperties(30, "0 15 * * * *", 100).enabled()).isTrue();
        assertThat(new RetentionProperties(30, "0 0 3 * * *", 100).enabled()).isTrue();
        assertThat(new RetentionProperties(0, "0 15 * * * *", 100).enabled()).isFalse();
        assertThat(new RetentionProperties(30, "-", 100).enabled()).isFalse();
        assertThatThrownBy(() -> new RetentionProperties(30, "0 */10 * * * *", 100))
                .hasMessageContaining("more often than once an hour");
        assertThatThrownBy(() -> new RetentionProperties(30, "every hour", 100))
                .hasMessageContaining("is not a cron expression");
        assertThatThrownBy(() -> new RetentionProperties(-1, "0 15 * * * *", 100))
                .hasMessageContaining("0 (off) or more");
    }

    private List<Boolean> anonymised(long... ids) {
        List<Boolean> result = new ArrayList<>();
        for (long id : ids) {
            result.add(jdbc.sql("select anonymised_at is not null from panel_session where id = ?").param(id)
                    .query(Boolean.class).single());
        }
        return result;
    }

    private List<String> retentionRows(long sessionId) {
        return jdbc.sql("select action || '|' || detail from audit_log where actor = 'retention' and subject = ?")
                .param("session " + sessionId).query(String.class).list();
    }
}
