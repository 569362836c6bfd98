package io.mockpanel.base.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded development database, used only when no {@code spring.datasource.url}
 * is configured.
 *
 * @param dataDirectory where PostgreSQL keeps its files between runs
 * @param temporary     start from an empty throw-away directory and delete it at shutdown (tests)
 */
@ConfigurationProperties("mockpanel.embedded-database")
record EmbeddedDatabaseProperties(@DefaultValue("data/postgres") Path dataDirectory, boolean temporary) {
}
