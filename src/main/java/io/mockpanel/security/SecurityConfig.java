package io.mockpanel.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import io.micrometer.core.instrument.MeterRegistry;
import io.mockpanel.base.EmbeddedDatabase;
import io.mockpanel.security.ui.LoginView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Web security: Vaadin's defaults, our login view, a few public files, and method security.
 * Services use {@code @PreAuthorize}; JSR-250 is left off on purpose, because with it Spring would
 * proxy every view that carries {@code @RolesAllowed} (Vaadin reads those annotations itself).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfig {

    /**
     * What the browser may load and run (decision 0011). Vaadin Flow needs inline scripts and
     * styles and {@code eval} (for {@code executeJs}); everything comes from this origin, push
     * included, and the QR code is a {@code data:} image.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; "
            + "font-src 'self' data:; "
            + "connect-src 'self'; "
            + "object-src 'none'; "
            + "base-uri 'self'; "
            + "form-action 'self'; "
            + "frame-ancestors 'none'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, RequestUtil requestUtil, SessionEpochs epochs)
            throws Exception {
        // Static files of our own outside Vaadin's paths are not permitted by Vaadin's defaults.
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/styles.css", "/console.css", "/review.css", "/progress.css", "/icons/**", "/js/**", "/actuator/health", "/actuator/health/**")
                .permitAll());
        // Vaadin's own CSRF setup exempts the login form's POST, so a page on another origin could
        // sign a victim in as someone else. Only Vaadin's internal requests (which carry Vaadin's
        // own token) are exempt here; the LoginForm posts Spring's token from the page's meta tags.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(requestUtil::isFrameworkInternalRequest));
        http.headers(headers -> headers
                // Vaadin serves its pages through a forward from Spring MVC, after which headers that
                // Spring writes only when the response commits never appear: write them up front.
                .withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                })
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                // invite links carry their token in the URL: never pass it on to another site
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
        http.addFilterAfter(new SessionEpochFilter(epochs), SecurityContextHolderFilter.class);
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin
                .loginView(LoginView.class, "/login?logout")
                .enableCsrfConfiguration(false)
                // Vaadin's default denies every other address with an empty 403; a signed-in person
                // gets the app's own "not found" page from the Vaadin servlet instead (decision 0013)
                .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    DemoMode demoMode(AccountsProperties properties, ObjectProvider<EmbeddedDatabase> embeddedDatabase) {
        return new DemoMode(properties.demoAccounts() && embeddedDatabase.getIfAvailable() != null);
    }

    /** The only AuthenticationProvider bean, so Spring Security builds no other way to sign in. */
    @Bean
    AuthenticationProvider authenticationProvider(UserAccountRepository accounts, PasswordEncoder passwordEncoder,
            LoginThrottle throttle, MeterRegistry meters) {
        var passwords = new DaoAuthenticationProvider(new AccountUserDetailsService(accounts));
        passwords.setPasswordEncoder(passwordEncoder);
        return new ThrottlingAuthenticationProvider(passwords, throttle, meters);
    }
}
