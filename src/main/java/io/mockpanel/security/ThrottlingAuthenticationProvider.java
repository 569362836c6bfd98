package io.mockpanel.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The one way to sign in. Each attempt first reserves a place in the throttle (counted as a
 * failure, atomically, before the password is looked at); only a successful sign-in gives the
 * reservation back. Every failure other than throttling surfaces as
 * {@link BadCredentialsException}, so unknown users, wrong passwords and disabled accounts look
 * alike to the person signing in.
 */
class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    /** Far above any real username (at most 40), so that no sign-in form ever reaches the limit. */
    private static final int MAX_USERNAME = 255;

    private final AuthenticationProvider delegate;
    private final LoginThrottle throttle;
    private final Counter throttled;

    ThrottlingAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle, MeterRegistry meters) {
        this.delegate = delegate;
        this.throttle = throttle;
        this.throttled = Counter.builder("mockpanel.signin.throttled")
                .description("Sign-in attempts refused by the throttle (decision 0003) before any password check")
                .register(meters);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String address = addressOf(authentication);
        if (username.length() > MAX_USERNAME || username.strip().chars().anyMatch(Character::isISOControl)) {
            // No account has such a name (and PostgreSQL cannot even store a NUL): the same answer
            // as any unknown user, without a guess and without touching the database.
            throw new BadCredentialsException("Bad credentials");
        }
        throttle.forgetExpired();
        if (!throttle.reserve(username, address)) {
            throttled.increment();
            throw new LoginThrottledException();
        }
        Authentication result;
        try {
            result = delegate.authenticate(authentication);
        } catch (AccountStatusException e) {
            // A disabled account is checked before the password: saying so would tell anyone
            // without the password that the account exists.
            throw new BadCredentialsException("Bad credentials");
        }
        if (result == null) {
            throw new BadCredentialsException("Bad credentials");
        }
        throttle.release(username, address);
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The client's address as the servlet container reports it (behind a trusted proxy: the forwarded one). */
    private static String addressOf(Authentication authentication) {
        if (authentication.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null) {
            return details.getRemoteAddress();
        }
        return "unknown";
    }
}
