package io.mockpanel.review;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the event table stays bounded (decision 0035).
 *
 * @param archiveAfterDays the events of sessions that ended (or were cancelled) this many days ago
 *        move from the live partition to the archive; 0 turns the job off
 * @param archiveCron when the job runs (six-field cron, at most hourly); "-" never
 * @param archiveBatchSize sessions moved per transaction
 * @param compact whether archiving also drops the events no reader of a finished session uses
 *        (presence changes and score drafts: wake-ups for live screens, whose state is in tables)
 */
@ConfigurationProperties("mockpanel.events")
public record EventArchiveProperties(@DefaultValue("30") int archiveAfterDays,
        @DefaultValue(EventArchiveProperties.HOURLY) String archiveCron, @DefaultValue("50") int archiveBatchSize,
        @DefaultValue("true") boolean compact) {

    static final String HOURLY = "0 45 * * * *";

    public EventArchiveProperties {
        if (archiveAfterDays < 0 || archiveAfterDays > 3650) {
            throw new IllegalArgumentException("mockpanel.events.archive-after-days must be 0 (off) or 1 to 3650, not "
                    + archiveAfterDays);
        }
        if (archiveBatchSize < 1 || archiveBatchSize > 1000) {
            throw new IllegalArgumentException("mockpanel.events.archive-batch-size must be between 1 and 1000, not "
                    + archiveBatchSize);
        }
        if (!archiveCron.equals("-")) {
            RetentionProperties.requireAtMostHourly("mockpanel.events.archive-cron", archiveCron, HOURLY);
        }
    }

    public boolean enabled() {
        return archiveAfterDays > 0 && !archiveCron.equals("-");
    }
}
