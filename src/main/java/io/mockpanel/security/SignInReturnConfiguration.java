package io.mockpanel.security;

import com.vaadin.flow.spring.security.VaadinDefaultRequestCache;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * Where a staff member lands after signing in: on the page they asked for while signed out (a
 * session's console after a restart, say), at its own URL. Spring Security would append
 * {@code ?continue} so that only that one request looks for the saved one; the plain URL is what
 * people keep, bookmark and share, and looking the saved request up on every request costs one
 * read of a session attribute.
 */
@Configuration(proxyBeanMethods = false)
class SignInReturnConfiguration {

    SignInReturnConfiguration(VaadinDefaultRequestCache requestCache) {
        HttpSessionRequestCache savedRequests = new HttpSessionRequestCache();
        savedRequests.setMatchingRequestParameterName(null);
        requestCache.setDelegateRequestCache(savedRequests);
    }
}
