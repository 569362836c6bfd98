package io.mockpanel.security;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sign-in throttle of decision 0003, kept in the database so that every app node agrees.
 * {@link #reserve} decides and counts an attempt in one short transaction that locks the
 * attempt's three counter rows (pair, address, account) in that fixed order: parallel attempts
 * queue on the rows instead of racing, and two attempts can never deadlock. An allowed attempt is
 * counted as a failure before the password is checked; a successful one is taken back by
 * {@link #release}.
 */
@Component
class LoginThrottle {

    private static final String PAIR = "pair";
    private static final String ADDRESS = "address";
    private static final String ACCOUNT = "account";

    private final JdbcClient jdbc;
    private final LoginThrottleProperties properties;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, LoginThrottleProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Whether this attempt may have its password checked; if so it is already counted as a failure.
     * Refused attempts are not counted: they tried nothing.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    boolean reserve(String username, String address) {
        String account = key(username);
        String from = truncate(address, 64);
        Instant now = clock.instant();
        int pair = lock(PAIR, account, from, now);
        int byAddress = lock(ADDRESS, "", from, now);
        int byAccount = lock(ACCOUNT, account, "", now);
        boolean underAttack = byAccount >= properties.maxFailures();
        boolean allowed = pair < properties.maxFailures()
                && byAddress < properties.maxFailuresPerAddress()
                && (!underAttack || pair == 0);
        if (allowed) {
            add(PAIR, account, from, 1);
            add(ADDRESS, "", from, 1);
            add(ACCOUNT, account, "", 1);
        }
        return allowed;
    }

    /**
     * Takes back what a successful sign-in's address had counted on this account: it proved it
     * knows the password, so its earlier failures there were typing mistakes, not an attack. They
     * leave the pair, the address's total and the account's total, this attempt's reservation
     * included. Rows are locked in the order of {@link #reserve}.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void release(String username, String address) {
        String account = key(username);
        String from = truncate(address, 64);
        int mistakes = jdbc.sql("delete from login_throttle where scope = 'pair' and account = ? and address = ? "
                + "returning failures").params(account, from).query(Integer.class).optional().orElse(1);
        add(ADDRESS, "", from, -mistakes);
        add(ACCOUNT, account, "", -mistakes);
    }

    /** After an admin's password reset the new password must work at once, from anywhere. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void forgetAccount(String username) {
        String account = key(username);
        // pairs before the account row: the lock order of reserve()
        jdbc.sql("delete from login_throttle where scope = 'pair' and account = ?").param(account).update();
        jdbc.sql("delete from login_throttle where scope = 'account' and account = ?").param(account).update();
    }

    /**
     * Drops a batch of counters whose window has passed, so names made up by an attacker do not
     * pile up. Rows another attempt holds are skipped, so this never waits and never deadlocks.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void forgetExpired() {
        jdbc.sql("""
                delete from login_throttle where ctid in (
                    select ctid from login_throttle where window_start <= ? limit 100 for update skip locked)
                """).param(at(clock.instant().minus(properties.window()))).update();
    }

    /**
     * Creates or locks one counter and returns its failures within the window; a counter whose
     * window has passed (or that holds nothing) starts a new window now.
     */
    private int lock(String scope, String account, String address, Instant now) {
        OffsetDateTime expired = at(now.minus(properties.window()));
        return jdbc.sql("""
                insert into login_throttle as t (scope, account, address, window_start, failures)
                values (:scope, :account, :address, :now, 0)
                on conflict (scope, account, address) do update set
                    window_start = case when t.window_start <= :expired or t.failures = 0
                                        then excluded.window_start else t.window_start end,
                    failures = case when t.window_start <= :expired then 0 else t.failures end
                returning failures
                """)
                .param("scope", scope).param("account", account).param("address", address)
                .param("now", at(now)).param("expired", expired)
                .query(Integer.class).single();
    }

    private void add(String scope, String account, String address, int delta) {
        jdbc.sql("""
                update login_throttle set failures = greatest(failures + ?, 0)
                where scope = ? and account = ? and address = ?
                """).params(delta, scope, account, address).update();
    }

    private static String key(String username) {
        return truncate(AccountService.normalizeUsername(username), 255);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
