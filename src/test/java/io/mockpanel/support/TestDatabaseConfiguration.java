package io.mockpanel.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Which PostgreSQL the tests use: the server named by SPRING_DATASOURCE_URL when set (CI);
 * otherwise a Testcontainers PostgreSQL when a Docker engine answers; otherwise the app's own
 * embedded PostgreSQL (its auto-configuration backs off when this container bean exists).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

    @Bean
    @ServiceConnection
    @Conditional(NoUrlButDocker.class)
    PostgreSQLContainer postgresContainer() {
        return new PostgreSQLContainer("postgres:17-alpine");
    }

    static class NoUrlButDocker implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"))
                    && DockerClientFactory.instance().isDockerAvailable();
        }
    }
}
