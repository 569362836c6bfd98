package io.mockpanel.review;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;

/**
 * How long finished sessions keep their identity and texts (decision 0030).
 *
 * @param anonymiseAfterDays sessions that ended (or were cancelled) this many days ago are
 *        anonymised by the retention job; 0 turns the job off
 * @param cron when the job runs (Spring's six-field cron: second minute hour day month weekday),
 *        at most once an hour; "-" never
 * @param batchSize sessions anonymised per transaction
 */
@ConfigurationProperties("mockpanel.retention")
public record RetentionProperties(@DefaultValue("0") int anonymiseAfterDays,
        @DefaultValue(RetentionProperties.HOURLY) String cron, @DefaultValue("100") int batchSize) {

    static final String HOURLY = "0 15 * * * *";

    public RetentionProperties {
        if (anonymiseAfterDays < 0) {
            throw new IllegalArgumentException("mockpanel.retention.anonymise-after-days must be 0 (off) or more, not "
                    + anonymiseAfterDays);
        }
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("mockpanel.retention.batch-size must be between 1 and 10000, not "
                    + batchSize);
        }
        if (!cron.equals("-")) {
            requireAtMostHourly("mockpanel.retention.cron", cron, HOURLY);
        }
    }

    public boolean enabled() {
        return anonymiseAfterDays > 0 && !cron.equals("-");
    }

    /**
     * The jobs scan the session table; more often than hourly only adds load. Shared by the
     * retention and the event archive jobs ({@code property} names the setting in the message).
     */
    static void requireAtMostHourly(String property, String cron, String example) {
        CronExpression expression;
        try {
            expression = CronExpression.parse(cron);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property + " \"" + cron + "\" is not a cron expression "
                    + "(six fields: second minute hour day month weekday, e.g. \"" + example + "\"): " + e.getMessage());
        }
        ZonedDateTime previous = expression.next(ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        for (int run = 0; run < 24 * 15 && previous != null; run++) {
            ZonedDateTime next = expression.next(previous);
            if (next != null && Duration.between(previous, next).compareTo(Duration.ofHours(1)) < 0) {
                throw new IllegalArgumentException(property + " \"" + cron + "\" runs more often than once "
                        + "an hour; the job may run at most hourly (e.g. \"" + example + "\").");
            }
            previous = next;
        }
    }
}
