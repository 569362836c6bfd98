package io.mockpanel.support;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;

/** Puts a signed-in user with the given roles into the security context, for service tests. */
public final class TestUsers {

    private TestUsers() {
    }

    public static Authentication signIn(String username, String... roles) {
        List<SimpleGrantedAuthority> authorities = Arrays.stream(roles)
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
        var principal = new User(username, "unused", authorities);
        var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
        SecurityContextHolder.getContext().setAuthentication(authentication);
        return authentication;
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }

    /**
     * Runs {@code action} as another user (a second person acting from their own browser) and puts
     * back whoever was signed in before, or nobody. The user is set on the current security context,
     * as {@link #signIn} does; afterwards that same context is current again and holds the previous
     * authentication. (Vaadin's strategy prefers the context a current Vaadin session stores, so a
     * fresh context of its own would not be seen there.)
     */
    public static <T> T as(String username, String role, Supplier<T> action) {
        return as(() -> signIn(username, role), action);
    }

    /**
     * {@link #as(String, String, Supplier)} with an authentication made elsewhere (e.g. by the real
     * sign-in), put on the current security context the same way.
     */
    public static <T> T as(Authentication authentication, Supplier<T> action) {
        return as(() -> SecurityContextHolder.getContext().setAuthentication(authentication), action);
    }

    private static <T> T as(Runnable signIn, Supplier<T> action) {
        SecurityContext context = SecurityContextHolder.getContext();
        Authentication previous = context.getAuthentication();
        signIn.run();
        try {
            return action.get();
        } finally {
            context.setAuthentication(previous);
            if (SecurityContextHolder.getContext() != context) {
                // The action signed out or put in a context of its own.
                SecurityContextHolder.setContext(context);
            }
        }
    }

    /** {@link #as(String, String, Supplier)} for an action without a result. */
    public static void as(String username, String role, Runnable action) {
        as(username, role, () -> {
            action.run();
            return null;
        });
    }
}
