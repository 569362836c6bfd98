package io.mockpanel.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
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
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Web security: Vaadin's defaults, our login view, a few public files, and method security.
 * Services use {@code @PreAuthorize}; JSR-250 is left off on purpose, because with it Spring would
 * proxy every view that carries {@code @RolesAllowed} (Vaadin reads those annotations itself).
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        // Static files of our own outside Vaadin's paths are not permitted by Vaadin's defaults.
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/styles.css", "/icons/**", "/actuator/health", "/actuator/health/**")
                .permitAll());
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class, "/login?logout"));
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
            LoginThrottle throttle) {
        var passwords = new DaoAuthenticationProvider(new AccountUserDetailsService(accounts));
        passwords.setPasswordEncoder(passwordEncoder);
        return new ThrottlingAuthenticationProvider(passwords, throttle);
    }
}
