package io.mockpanel.panel.ui;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.VaadinSession;
import io.mockpanel.panel.CandidatePrincipal;
import io.mockpanel.security.AppRoles;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * The candidate's browser side of access: the HttpOnly cookie that binds a link to this browser,
 * and signing the candidate in and out of this HTTP session (there is no account behind it).
 */
final class CandidateSignIn {

    static final String BROWSER_COOKIE = "mp_candidate";

    private CandidateSignIn() {
    }

    /** The candidate signed in to this HTTP session, if any. */
    static Optional<CandidatePrincipal> current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof CandidatePrincipal candidate
                ? Optional.of(candidate) : Optional.empty();
    }

    /** Someone with an account is signed in here: a candidate's return must not replace them. */
    static boolean someoneElseSignedIn() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)
                && !(authentication.getPrincipal() instanceof CandidatePrincipal);
    }

    /** Signs the candidate in for this HTTP session only, with the CANDIDATE role; on a request thread. */
    static void signIn(CandidatePrincipal candidate) {
        // A new HTTP session id on sign-in, so an id planted before joining is worth nothing after.
        if (VaadinRequest.getCurrent() != null) {
            VaadinService.reinitializeSession(VaadinRequest.getCurrent());
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(candidate, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + AppRoles.CANDIDATE)));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        if (VaadinRequest.getCurrent() instanceof VaadinServletRequest request
                && VaadinResponse.getCurrent() instanceof VaadinServletResponse response) {
            new HttpSessionSecurityContextRepository().saveContext(context, request.getHttpServletRequest(),
                    response.getHttpServletResponse());
        }
    }

    /**
     * Ends the candidate's sign-in in this HTTP session; works inside {@code UI.access} on a push
     * thread too, where there is no request, because the context lives in the HTTP session.
     */
    static void signOut() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && session.getSession() != null) {
            session.getSession().removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        }
        SecurityContextHolder.clearContext();
    }

    static @Nullable String browserKey() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request == null || request.getCookies() == null) {
            return null;
        }
        return Arrays.stream(request.getCookies()).filter(c -> BROWSER_COOKIE.equals(c.getName()))
                .map(Cookie::getValue).findFirst().orElse(null);
    }

    static void rememberBrowser(String key) {
        VaadinResponse response = VaadinResponse.getCurrent();
        VaadinRequest request = VaadinRequest.getCurrent();
        if (response == null || request == null) {
            return;
        }
        var cookie = new Cookie(BROWSER_COOKIE, key);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setPath("/");
        cookie.setMaxAge((int) Duration.ofDays(30).toSeconds());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    /** The client's address as the servlet container resolved it (behind a trusted proxy: the real one). */
    static String clientAddress() {
        VaadinRequest request = VaadinRequest.getCurrent();
        String address = request == null ? null : request.getRemoteAddr();
        return address == null ? "unknown" : address;
    }
}
