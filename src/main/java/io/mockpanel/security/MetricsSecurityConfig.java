package io.mockpanel.security;

import io.mockpanel.base.MetricsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * {@code /actuator/prometheus} has a security chain of its own, ahead of the app's (decision 0042):
 * only a request with the configured scrape token reads it; everyone else, signed-in admins
 * included, gets 401. No session, no CSRF, no login page: a scraper is a machine.
 */
@Configuration(proxyBeanMethods = false)
class MetricsSecurityConfig {

    static final String SCRAPE_PATH = "/actuator/prometheus";
    private static final Logger log = LoggerFactory.getLogger(MetricsSecurityConfig.class);

    @Bean
    @Order(1)
    SecurityFilterChain metricsFilterChain(HttpSecurity http, MetricsProperties properties) throws Exception {
        String token = properties.usableToken();
        if (token == null) {
            log.info("{} refuses every request: set mockpanel.metrics.scrape-token (at least {} characters) "
                    + "to let a Prometheus scraper in", SCRAPE_PATH, MetricsProperties.MIN_TOKEN_LENGTH);
        }
        http.securityMatcher(SCRAPE_PATH, SCRAPE_PATH + "/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(ScrapeTokenFilter.SCRAPER))
                .addFilterBefore(new ScrapeTokenFilter(token), AuthorizationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> refuse(response))
                        .accessDeniedHandler((request, response, e) -> refuse(response)));
        return http.build();
    }

    private static void refuse(jakarta.servlet.http.HttpServletResponse response) {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"mockpanel metrics\"");
        response.setStatus(401);
    }
}
