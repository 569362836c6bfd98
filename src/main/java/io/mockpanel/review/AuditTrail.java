package io.mockpanel.review;

import io.mockpanel.security.AppRoles;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit log for admins: newest first, a page at a time, filtered. */
@Service
public class AuditTrail {

    /** One audit record; 'action' is an {@link AuditLog.Action} name (kept as text: older rows may name others). */
    public record Entry(long id, Instant at, String actor, String action, String subject, String detail) {
    }

    /**
     * What to show; empty or null parts do not filter.
     *
     * @param actor part of the actor's username ("retention" for the job)
     * @param subject "session 42", "candidate 7", or just the number (either)
     * @param from first day shown, in 'zone'
     * @param to last day shown, in 'zone'
     */
    public record Filter(AuditLog.@Nullable Action action, String actor, String subject, @Nullable LocalDate from,
            @Nullable LocalDate to, ZoneId zone) {

        public static Filter all(ZoneId zone) {
            return new Filter(null, "", "", null, null, zone);
        }
    }

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @PreAuthorize("hasRole('" + AppRoles.ADMIN + "')")
    @Transactional(readOnly = true)
    public List<Entry> page(Filter filter, int offset, int limit) {
        var sql = new StringBuilder("select id, at, actor, action, subject, detail from audit_log where true");
        List<Object> params = new ArrayList<>();
        if (filter.action() != null) {
            sql.append(" and action = ?");
            params.add(filter.action().name());
        }
        String actor = filter.actor().strip();
        if (!actor.isEmpty()) {
            sql.append(" and actor ilike ? escape '\\'");
            params.add("%" + escapeLike(actor) + "%");
        }
        String subject = filter.subject().strip();
        if (subject.matches("#?\\d{1,18}")) {
            String number = subject.replace("#", "");
            sql.append(" and subject in (?, ?)");
            params.add("session " + number);
            params.add("candidate " + number);
        } else if (!subject.isEmpty()) {
            sql.append(" and subject ilike ? escape '\\'");
            params.add("%" + escapeLike(subject) + "%");
        }
        if (filter.from() != null) {
            sql.append(" and at >= ?");
            params.add(filter.from().atStartOfDay(filter.zone()).toOffsetDateTime());
        }
        if (filter.to() != null) {
            sql.append(" and at < ?");
            params.add(filter.to().plusDays(1).atStartOfDay(filter.zone()).toOffsetDateTime());
        }
        sql.append(" order by at desc, id desc offset ? limit ?");
        params.add(Math.max(0, offset));
        params.add(Math.clamp(limit, 1, 500));
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("subject"),
                        rs.getString("detail")))
                .list();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
