package io.mockpanel.mail;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.mockpanel.base.CachedValue;
import io.mockpanel.base.MetricsProperties;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox's depth as gauges by state (decision 0042): mails waiting, being sent, and given up.
 * One grouped count for all states, read at most once per {@code mockpanel.metrics.gauge-cache} however often it is
 * scraped. Sent mails are not counted: they only grow, and say nothing about a backlog.
 */
@Component
class MailOutboxMeters {

    private static final MailState[] COUNTED = {MailState.QUEUED, MailState.SENDING, MailState.FAILED};

    MailOutboxMeters(MeterRegistry registry, JdbcClient jdbc, MetricsProperties properties) {
        CachedValue<Map<MailState, Long>> depth = new CachedValue<>(() -> count(jdbc), properties.gaugeCache(), Map.of());
        for (MailState state : COUNTED) {
            Gauge.builder("mockpanel.mail.outbox", depth, cached -> cached.get().getOrDefault(state, 0L))
                    .description("Mails in the outbox by state, on all nodes (cached for mockpanel.metrics.gauge-cache)")
                    .tag("state", state.name().toLowerCase(Locale.ROOT))
                    .strongReference(true)
                    .register(registry);
        }
    }

    private static Map<MailState, Long> count(JdbcClient jdbc) {
        Map<MailState, Long> counts = new EnumMap<>(MailState.class);
        jdbc.sql("select state, count(*) as mails from mail_outbox where state in ('QUEUED', 'SENDING', 'FAILED') "
                        + "group by state")
                .query(rs -> {
                    counts.put(MailState.valueOf(rs.getString("state")), rs.getLong("mails"));
                });
        return counts;
    }
}
