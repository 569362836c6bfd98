package io.mockpanel.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per account name and per client address in the database, so that all
 * app nodes agree, and refuses further attempts once either reaches the limit within the window.
 */
@Component
class LoginThrottle {

    private static final Duration RETENTION = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final LoginThrottleProperties properties;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, LoginThrottleProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    boolean isBlocked(String username, String address) {
        OffsetDateTime since = at(clock.instant().minus(properties.window()));
        String name = AccountService.normalizeUsername(username);
        long byName = jdbc.sql("select count(*) from login_failure where username = ? and failed_at > ?")
                .params(name, since).query(Long.class).single();
        long byAddress = jdbc.sql("select count(*) from login_failure where remote_address = ? and failed_at > ?")
                .params(address, since).query(Long.class).single();
        return byName >= properties.maxFailures() || byAddress >= properties.maxFailures();
    }

    /** Committed on its own: the failed sign-in's exception must not roll the record back. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void recordFailure(String username, String address) {
        Instant now = clock.instant();
        jdbc.sql("insert into login_failure (username, remote_address, failed_at) values (?, ?, ?)")
                .params(truncate(AccountService.normalizeUsername(username), 255), truncate(address, 64), at(now))
                .update();
        jdbc.sql("delete from login_failure where failed_at < ?").param(at(now.minus(RETENTION))).update();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void recordSuccess(String username) {
        jdbc.sql("delete from login_failure where username = ?")
                .param(AccountService.normalizeUsername(username)).update();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
