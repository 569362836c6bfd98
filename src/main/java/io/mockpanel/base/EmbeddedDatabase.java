package io.mockpanel.base;

import java.nio.file.Path;

/**
 * Present as a bean only when the app runs on its embedded development PostgreSQL. Features use it
 * to decide what is safe for a developer machine only, such as creating demo accounts.
 */
public record EmbeddedDatabase(Path dataDirectory, String jdbcUrl) {
}
