package io.mockpanel.review;

import io.mockpanel.base.LogContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention job: anonymises sessions that ended (or were cancelled) more than
 * {@code mockpanel.retention.anonymise-after-days} ago, in batches, each session audited as
 * ANONYMISED_SESSION by "retention". Every node runs it; {@code for update skip locked} lets two
 * nodes share the work without touching a session twice. Scheduling is enabled here (and on the
 * {@link EventArchiveJob}: enabling it twice is harmless, and neither job depends on the other).
 */
@Component
@EnableScheduling
class RetentionJob {

    static final String ACTOR = "retention";
    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    /** The job's last run, as the privacy page shows it. */
    record LastRun(Instant ranAt, Instant cutoff, int anonymised) {
    }

    private final JdbcClient jdbc;
    private final Anonymiser anonymiser;
    private final AuditLog audit;
    private final RetentionProperties properties;
    private final Clock clock;
    private final TransactionTemplate transactions;

    RetentionJob(JdbcClient jdbc, Anonymiser anonymiser, AuditLog audit, RetentionProperties properties, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.anonymiser = anonymiser;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Scheduled(cron = "${mockpanel.retention.cron:" + RetentionProperties.HOURLY + "}")
    void run() {
        if (!properties.enabled()) {
            return;
        }
        try (LogContext.Scope scope = LogContext.system(ACTOR)) {
            runNow();
        }
    }

    private void runNow() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(Duration.ofDays(properties.anonymiseAfterDays()));
        int anonymised = anonymiseEndedBefore(cutoff);
        jdbc.sql("""
                insert into retention_run (id, ran_at, cutoff, anonymised) values (1, ?, ?, ?)
                on conflict (id) do update set ran_at = excluded.ran_at, cutoff = excluded.cutoff,
                       anonymised = excluded.anonymised""")
                .params(at(clock.instant()), at(cutoff), anonymised).update();
        if (anonymised > 0) {
            log.info("Retention: anonymised {} sessions that ended before {}", anonymised, cutoff);
        }
    }

    /**
     * Anonymises every finished session that ended before 'cutoff' and is not anonymised yet, one
     * transaction per batch; returns how many this call anonymised (another node's share not counted).
     */
    int anonymiseEndedBefore(Instant cutoff) {
        return anonymiseEndedBefore(cutoff, properties.batchSize());
    }

    int anonymiseEndedBefore(Instant cutoff, int batchSize) {
        int total = 0;
        while (true) {
            Integer done = transactions.execute(status -> batch(cutoff, batchSize));
            total += done == null ? 0 : done;
            if (done == null || done < batchSize) {
                return total;
            }
        }
    }

    private int batch(Instant cutoff, int batchSize) {
        record Due(long id, long candidateId, OffsetDateTime endedAt) {
        }
        // Sessions another node (or an admin) holds are skipped; the candidates are then locked in
        // one order (by id) by everyone, so two batches never wait for each other in a circle.
        List<Due> due = jdbc.sql("""
                select id, candidate_id, ended_at from panel_session
                 where anonymised_at is null and state in ('COMPLETED', 'CANCELLED') and ended_at < ?
                 order by ended_at, id limit ? for update skip locked""")
                .params(at(cutoff), batchSize)
                .query((rs, n) -> new Due(rs.getLong("id"), rs.getLong("candidate_id"),
                        rs.getObject("ended_at", OffsetDateTime.class)))
                .list();
        Instant now = clock.instant();
        due.stream().sorted(java.util.Comparator.comparingLong(Due::candidateId).thenComparingLong(Due::id))
                .forEach(session -> {
                    try (LogContext.Scope scope = LogContext.session(session.id())) {
                        anonymise(session.id(), session.endedAt(), cutoff, now);
                    }
                });
        return due.size();
    }

    private void anonymise(long sessionId, OffsetDateTime endedAt, Instant cutoff, Instant now) {
        Anonymiser.Erased erased = anonymiser.anonymiseSession(sessionId, now);
        audit.record(ACTOR, AuditLog.Action.ANONYMISED_SESSION, "session " + sessionId,
                "ended " + endedAt.toLocalDate() + ", before the retention cutoff "
                        + at(cutoff).toLocalDate() + "; erased " + erased.describe());
        log.debug("Retention: anonymised session {}", sessionId);
    }

    Optional<LastRun> lastRun() {
        return jdbc.sql("select ran_at, cutoff, anonymised from retention_run where id = 1")
                .query((rs, n) -> new LastRun(rs.getObject("ran_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("cutoff", OffsetDateTime.class).toInstant(), rs.getInt("anonymised")))
                .optional();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
