package io.mockpanel.security;

import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The one way to sign in: checks the throttle before the password, records failures after. Every
 * failure other than throttling surfaces as {@link BadCredentialsException}, so unknown users,
 * wrong passwords and disabled accounts look alike to the person signing in.
 */
class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider delegate;
    private final LoginThrottle throttle;

    ThrottlingAuthenticationProvider(DaoAuthenticationProvider delegate, LoginThrottle throttle) {
        this.delegate = delegate;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String address = addressOf(authentication);
        if (throttle.isBlocked(username, address)) {
            throttle.recordFailure(username, address);
            throw new LoginThrottledException();
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            throttle.recordSuccess(username);
            return result;
        } catch (AccountStatusException e) {
            // A disabled account is checked before the password: saying so would tell anyone
            // without the password that the account exists.
            throttle.recordFailure(username, address);
            throw new BadCredentialsException("Bad credentials");
        } catch (AuthenticationException e) {
            throttle.recordFailure(username, address);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String addressOf(Authentication authentication) {
        if (authentication.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null) {
            return details.getRemoteAddress();
        }
        return "unknown";
    }
}
