package io.mockpanel.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session whose account was disabled or had its password reset since it signed
 * in (decision 0012): the HTTP session is invalidated and the request goes on anonymous, so a page
 * request lands on the sign-in page and Vaadin answers a UI request with "session expired", after
 * which the browser reloads into the sign-in page. Runs right after the security context is loaded.
 */
class SessionEpochFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SessionEpochFilter.class);

    private final SessionEpochs epochs;

    SessionEpochFilter(SessionEpochs epochs) {
        this.epochs = epochs;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal
                && !epochs.isCurrent(principal.getUsername(), principal.sessionEpoch())) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            log.info("Ended a session of {}: the account was disabled or its password changed", principal.getUsername());
        }
        chain.doFilter(request, response);
    }
}
