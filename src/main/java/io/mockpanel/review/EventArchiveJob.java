package io.mockpanel.review;

import io.mockpanel.base.LogContext;
import io.mockpanel.panel.SessionEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the live part of the event table bounded (decision 0035): the events of sessions that
 * ended (or were cancelled) more than {@code mockpanel.events.archive-after-days} ago move to the
 * archive partition, and, with {@code mockpanel.events.compact}, the events no reader of a finished
 * session uses are dropped on the way. Readers see no difference: they read the partitioned table.
 * Every node runs the job; {@code for update skip locked} on the session lets two nodes share the
 * work, and a session counts as archived by the node whose statement moved its rows.
 */
@Component
@EnableScheduling
class EventArchiveJob {

    /**
     * Wake-ups for live screens whose state lives in tables (presence in session_connection,
     * drafts in score_sheet, mails in mail_outbox): the review skips them (SessionReviewRows), the candidate's screen
     * replay never reads them, and a console replays nothing from them.
     */
    static final List<String> NOT_READ_AFTER_THE_SESSION = List.of(SessionEvents.PresenceChanged.TYPE,
            SessionEvents.ScoreDraftSaved.TYPE, SessionEvents.MailChanged.TYPE);

    private static final Logger log = LoggerFactory.getLogger(EventArchiveJob.class);

    /** One run's outcome: the sessions this node archived, and the events it dropped. */
    record Archived(List<Long> sessions, long dropped) {
    }

    private final JdbcClient jdbc;
    private final EventArchiveProperties properties;
    private final Clock clock;
    private final TransactionTemplate transactions;

    EventArchiveJob(JdbcClient jdbc, EventArchiveProperties properties, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Scheduled(cron = "${mockpanel.events.archive-cron:" + EventArchiveProperties.HOURLY + "}")
    void run() {
        if (!properties.enabled()) {
            return;
        }
        try (LogContext.Scope scope = LogContext.system("event-archive")) {
            Instant cutoff = clock.instant().minus(Duration.ofDays(properties.archiveAfterDays()));
            Archived archived = archiveFinishedBefore(cutoff, properties.archiveBatchSize());
            if (!archived.sessions().isEmpty()) {
                log.info("Event archive: moved the events of {} sessions that ended before {} ({} events dropped)",
                        archived.sessions().size(), cutoff, archived.dropped());
                log.debug("Event archive: sessions {}", archived.sessions());
            }
        }
    }

    /** Archives every finished session that ended before 'cutoff' and still has live events. */
    Archived archiveFinishedBefore(Instant cutoff, int batchSize) {
        List<Long> sessions = new ArrayList<>();
        long dropped = 0;
        while (true) {
            Archived batch = transactions.execute(status -> batch(cutoff, batchSize));
            if (batch == null) {
                return new Archived(sessions, dropped);
            }
            sessions.addAll(batch.sessions());
            dropped += batch.dropped();
            if (batch.sessions().isEmpty()) {
                return new Archived(sessions, dropped);
            }
        }
    }

    private Archived batch(Instant cutoff, int batchSize) {
        // The live partition is the bounded one: finding its sessions costs what it holds, not
        // what was ever archived. A session another node (or an append) holds is skipped.
        List<Long> due = jdbc.sql("""
                select s.id from panel_session s
                 where s.state in ('COMPLETED', 'CANCELLED') and s.ended_at < ?
                   and s.id in (select distinct session_id from session_event_live)
                 order by s.ended_at, s.id limit ? for update of s skip locked""")
                .params(cutoff.atOffset(ZoneOffset.UTC), batchSize)
                .query(Long.class).list();
        if (due.isEmpty()) {
            return new Archived(List.of(), 0);
        }
        Long[] ids = due.toArray(Long[]::new);
        long dropped = properties.compact()
                ? jdbc.sql("delete from session_event_live where session_id = any(?) and type = any(?)")
                        .params(ids, NOT_READ_AFTER_THE_SESSION.toArray(String[]::new)).update()
                : 0;
        // Counted by the rows this statement moved: a session whose rows another node moved first
        // (it committed between this node's select and its lock) is not counted twice.
        List<Long> moved = jdbc.sql("""
                with moved as (update session_event set archived = true where session_id = any(?) and not archived
                               returning session_id)
                select distinct session_id from moved order by session_id""")
                .param(ids).query(Long.class).list();
        return new Archived(moved, dropped);
    }
}
