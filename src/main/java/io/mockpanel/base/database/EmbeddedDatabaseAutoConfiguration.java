package io.mockpanel.base.database;

import io.mockpanel.base.EmbeddedDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.util.FileSystemUtils;

/**
 * Starts a real PostgreSQL from the optional zonky binaries when no datasource is configured, so
 * that {@code ./mvnw spring-boot:run} and the tests need nothing installed. The production jar
 * does not contain zonky, so there this configuration never applies.
 */
@AutoConfiguration(
        before = DataSourceAutoConfiguration.class,
        afterName = "org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration")
@ConditionalOnClass(name = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres")
@Conditional(NoDatasourceUrlCondition.class)
@ConditionalOnMissingBean(JdbcConnectionDetails.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseAutoConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(EmbeddedDatabaseProperties properties) throws IOException {
        Path directory = properties.temporary()
                ? Files.createTempDirectory("mockpanel-pg-")
                : properties.dataDirectory().toAbsolutePath().normalize();
        Files.createDirectories(directory);
        if (!properties.temporary()) {
            stopOrphan(directory);
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(properties.temporary());
        if (!properties.temporary()) {
            // zonky starts PostgreSQL with fsync off and asynchronous commit, fine for a throw-away test
            // database; on the kept development database "Saved" must mean on disk (decision 0002).
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        EmbeddedPostgres postgres = builder.start();
        if (properties.temporary()) {
            log.info("Embedded PostgreSQL (throw-away) started on port {}", postgres.getPort());
        } else {
            log.info("Embedded PostgreSQL started on port {}; its data is kept in {}", postgres.getPort(), directory);
        }
        return new EmbeddedPostgresServer(postgres, directory, properties.temporary());
    }

    /**
     * After a kill -9 the previous run's PostgreSQL still holds the directory and a new one would
     * give up after 10 s: stop it first (it shuts down cleanly, so nothing is lost).
     */
    private static void stopOrphan(Path directory) {
        OrphanedPostgres.find(directory).ifPresent(postmaster -> {
            OrphanedPostgres.stop(postmaster);
            log.warn("Stopped the embedded PostgreSQL (pid {}) that an earlier run left running in {}; "
                    + "starting it afresh", postmaster.pid(), directory);
        });
    }

    @Bean
    EmbeddedDatabase embeddedDatabase(EmbeddedPostgresServer server) {
        return new EmbeddedDatabase(server.directory(), server.jdbcUrl());
    }

    @Bean
    JdbcConnectionDetails embeddedJdbcConnectionDetails(EmbeddedPostgresServer server) {
        String url = server.jdbcUrl();
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return "postgres";
            }

            @Override
            public String getPassword() {
                return "";
            }

            @Override
            public String getJdbcUrl() {
                return url;
            }
        };
    }

    /** The running server and where it keeps its files; closing it stops PostgreSQL. */
    record EmbeddedPostgresServer(EmbeddedPostgres postgres, Path directory, boolean temporary) implements AutoCloseable {

        String jdbcUrl() {
            return postgres.getJdbcUrl("postgres", "postgres");
        }

        @Override
        public void close() {
            try {
                postgres.close();
                if (temporary) {
                    FileSystemUtils.deleteRecursively(directory);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
