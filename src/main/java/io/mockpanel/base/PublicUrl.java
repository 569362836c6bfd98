package io.mockpanel.base;

import java.net.URI;
import java.net.URISyntaxException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The app's public base URL ({@code mockpanel.public-url}), on which links for other people are
 * built. A request's Host or X-Forwarded-Host header is chosen by whoever sends the request, so an
 * invite link built from it could point a candidate at someone else's server (decision 0013).
 * Checked at start; unset, it is {@code http://localhost:<port>/}, which only suits development.
 */
@Component
public class PublicUrl {

    private static final Logger log = LoggerFactory.getLogger(PublicUrl.class);

    private final @Nullable String configured;
    private final Environment environment;

    PublicUrl(PublicUrlProperties properties, Environment environment) {
        this.configured = properties.publicUrl() == null || properties.publicUrl().isBlank()
                ? null : normalize(properties.publicUrl());
        this.environment = environment;
    }

    /** The base URL, ending in "/". */
    public String base() {
        if (configured != null) {
            return configured;
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://localhost:" + port + "/";
    }

    /** An absolute link to a path of the app, given without a leading "/" (e.g. {@code join/abc}). */
    public String link(String path) {
        return base() + (path.startsWith("/") ? path.substring(1) : path);
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnWhenUnset() {
        if (configured == null) {
            log.warn("mockpanel.public-url is not set: invite links point at {}, which only works on this machine. "
                    + "Set MOCKPANEL_PUBLIC_URL to the address people use, e.g. https://panel.example.org/", base());
        }
    }

    /**
     * The value as an absolute http(s) URL ending in "/", or an exception whose message says what
     * is wrong and what is expected (Spring prints it at start).
     */
    static String normalize(String value) {
        String expected = "mockpanel.public-url (MOCKPANEL_PUBLIC_URL) must be an absolute http or https URL "
                + "without query or fragment, such as https://panel.example.org/ — got '" + value + "'";
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(expected, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.isOpaque()
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(expected);
        }
        String text = uri.toString();
        return text.endsWith("/") ? text : text + "/";
    }
}
