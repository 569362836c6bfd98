package io.mockpanel.review;

import io.mockpanel.support.TestPanel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Signs test accounts in through the application's real sign-in (password {@link TestPanel#PASSWORD}),
 * so the security context holds the {@code AccountPrincipal} that {@link ReviewAccess} reads (the
 * plain users of {@code TestUsers} carry no account role). Each account signs in once per context.
 */
@Component
public class RealAccounts {

    private final AuthenticationProvider provider;
    private final Map<String, Authentication> signedIn = new ConcurrentHashMap<>();

    RealAccounts(AuthenticationProvider provider) {
        this.provider = provider;
    }

    /** The account's authentication, as the sign-in page would make it. */
    public Authentication authentication(String username) {
        return signedIn.computeIfAbsent(username, name -> provider.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(name, TestPanel.PASSWORD)));
    }

    public Authentication signIn(String username) {
        Authentication authentication = authentication(username);
        SecurityContextHolder.getContext().setAuthentication(authentication);
        return authentication;
    }

    /** Runs {@code action} as the account, then puts back whoever was signed in (see {@code TestUsers.as}). */
    public <T> T as(String username, Supplier<T> action) {
        SecurityContext context = SecurityContextHolder.getContext();
        Authentication previous = context.getAuthentication();
        Authentication authentication = authentication(username);
        context.setAuthentication(authentication);
        try {
            return action.get();
        } finally {
            context.setAuthentication(previous);
            if (SecurityContextHolder.getContext() != context) {
                SecurityContextHolder.setContext(context);
            }
        }
    }

    public void as(String username, Runnable action) {
        as(username, () -> {
            action.run();
            return null;
        });
    }
}
