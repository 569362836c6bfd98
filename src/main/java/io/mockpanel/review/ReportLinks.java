package io.mockpanel.review;

import io.mockpanel.panel.InviteTokens;
import io.mockpanel.review.ReportService.IssuedLink;
import io.mockpanel.review.ReportService.LinkState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The candidate's link to a released report, with the invite's token rules: random, only the hash
 * stored, one per report, re-issuing replaces it, revocable, expiring. Checks no roles:
 * {@link ReportService} decides who may issue or revoke; for {@link #open} the token is the credential.
 */
@Component
class ReportLinks {

    private static final Logger log = LoggerFactory.getLogger(ReportLinks.class);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final ReportProperties properties;

    ReportLinks(JdbcClient jdbc, JsonMapper json, Clock clock, ReportProperties properties) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
    }

    /** The report's link as it stands now, if one was ever issued. */
    Optional<LinkState> state(long reportId) {
        Instant now = clock.instant();
        return jdbc.sql("select expires_at, revoked_at from report_link where report_id = ?").param(reportId)
                .query((rs, n) -> {
                    Instant expires = rs.getObject("expires_at", OffsetDateTime.class).toInstant();
                    return new LinkState(expires, rs.getObject("revoked_at") != null, !expires.isAfter(now));
                })
                .optional();
    }

    /** A new link for the report, replacing any earlier one. */
    IssuedLink issue(long reportId) {
        String token = InviteTokens.newToken();
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofDays(properties.linkDays()));
        jdbc.sql("""
                insert into report_link (report_id, token_hash, issued_at, expires_at) values (?, ?, ?, ?)
                on conflict (report_id) do update set token_hash = excluded.token_hash,
                    issued_at = excluded.issued_at, expires_at = excluded.expires_at, revoked_at = null""")
                .params(reportId, InviteTokens.hash(token), at(now), at(expires)).update();
        return new IssuedLink(token, expires);
    }

    /** Ends the session's report link at once; false when it had no usable one. */
    boolean revoke(long sessionId) {
        Instant now = clock.instant();
        return jdbc.sql("""
                update report_link set revoked_at = ?
                 where report_id = (select id from development_report where session_id = ?)
                   and revoked_at is null and expires_at > ?""")
                .params(at(now), sessionId, at(now)).update() > 0;
    }

    /**
     * The released report behind a link, or empty for a malformed, unknown, revoked or expired
     * link, an anonymised session or a report never released: all alike, so a link reveals nothing.
     * The reason goes to the log with a prefix of the token's hash, never the token.
     */
    Optional<ReleasedReport> open(String token) {
        if (!InviteTokens.wellFormed(token)) {
            log.info("Report link refused: malformed token");
            return Optional.empty();
        }
        byte[] hash = InviteTokens.hash(token);
        String prefix = HexFormat.of().formatHex(Arrays.copyOf(hash, 4));
        record Found(long sessionId, @Nullable String content, Instant expiresAt, boolean revoked,
                boolean anonymised) {
        }
        Optional<Found> found = jdbc.sql("""
                select r.session_id, r.released_content::text as content, l.expires_at,
                       l.revoked_at is not null as revoked, s.anonymised_at is not null as anonymised
                  from report_link l join development_report r on r.id = l.report_id
                  join panel_session s on s.id = r.session_id
                 where l.token_hash = ?""")
                .param(hash)
                .query((rs, n) -> new Found(rs.getLong("session_id"), rs.getString("content"),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant(), rs.getBoolean("revoked"),
                        rs.getBoolean("anonymised")))
                .optional();
        if (found.isEmpty()) {
            log.info("Report link refused: unknown token {}", prefix);
            return Optional.empty();
        }
        Found link = found.get();
        String reason = link.revoked() ? "revoked"
                : !link.expiresAt().isAfter(clock.instant()) ? "expired"
                : link.anonymised() ? "session anonymised"
                : link.content() == null ? "not released" : null;
        if (reason != null) {
            log.info("Report link refused: {} (session {}, token {})", reason, link.sessionId(), prefix);
            return Optional.empty();
        }
        return Optional.of(json.readValue(link.content(), ReleasedReport.class));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
