package io.mockpanel.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in a Prometheus scraper that sends {@code Authorization: Bearer <scrape token>}; any other
 * request stays anonymous and is refused by the metrics chain. The comparison takes the same time
 * whatever the sent value (both sides are hashed first, so neither content nor length leaks).
 */
final class ScrapeTokenFilter extends OncePerRequestFilter {

    static final String SCRAPER = "METRICS_SCRAPER";
    private static final String BEARER = "Bearer ";

    private final byte @Nullable [] expected;

    ScrapeTokenFilter(@Nullable String token) {
        this.expected = token == null ? null : sha256(token);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (matches(request.getHeader("Authorization"))) {
            var scraper = UsernamePasswordAuthenticationToken.authenticated("prometheus", null,
                    List.of(new SimpleGrantedAuthority(SCRAPER)));
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(scraper);
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }

    boolean matches(@Nullable String header) {
        if (expected == null || header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        return MessageDigest.isEqual(expected, sha256(header.substring(BEARER.length()).strip()));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
