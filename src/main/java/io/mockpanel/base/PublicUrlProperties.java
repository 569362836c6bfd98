package io.mockpanel.base;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publicUrl the address at which people reach the app, e.g. {@code https://panel.example.org/};
 *                  links sent to others (invites) are built on it, never on the request's Host header
 */
@ConfigurationProperties("mockpanel")
record PublicUrlProperties(@Nullable String publicUrl) {
}
