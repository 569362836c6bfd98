package io.mockpanel.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxFailures failed sign-ins per account, or per address, after which sign-in is refused
 * @param window      how far back failures count
 */
@ConfigurationProperties("mockpanel.login")
record LoginThrottleProperties(@DefaultValue("10") int maxFailures, @DefaultValue("15m") Duration window) {
}
