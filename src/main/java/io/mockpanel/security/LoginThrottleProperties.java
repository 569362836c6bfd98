package io.mockpanel.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sign-in throttle's limits (decision 0003).
 *
 * @param maxFailures           failed sign-ins on one account from one address before that address
 *                              may not try that account again; also the number of failures (from
 *                              any addresses) after which an account counts as under attack, when
 *                              every address that already failed on it is refused
 * @param maxFailuresPerAddress failed sign-ins from one address, whatever the accounts, before that
 *                              address may not sign in at all (password spraying)
 * @param window                how long failures count, from the first one
 */
@ConfigurationProperties("mockpanel.login")
record LoginThrottleProperties(@DefaultValue("10") int maxFailures,
        @DefaultValue("30") int maxFailuresPerAddress,
        @DefaultValue("15m") Duration window) {

    LoginThrottleProperties {
        if (maxFailures < 1 || maxFailuresPerAddress < 1) {
            throw new IllegalArgumentException("mockpanel.login.max-failures and "
                    + "mockpanel.login.max-failures-per-address must be at least 1");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("mockpanel.login.window must be positive, e.g. 15m");
        }
    }
}
