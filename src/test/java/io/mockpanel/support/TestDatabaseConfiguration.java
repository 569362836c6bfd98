package io.mockpanel.support;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
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
 * embedded PostgreSQL (its auto-configuration backs off when this container bean exists). Its
 * pool is wrapped so that tests can count statements ({@link QueryCounter}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

    @Bean
    @ServiceConnection
    @Conditional(NoUrlButDocker.class)
    PostgreSQLContainer postgresContainer() {
        return new PostgreSQLContainer("postgres:17-alpine");
    }

    /**
     * Every statement of the application passes {@link QueryCounter}, so a test can count what a
     * screen runs per event (decision 0023). Static: post-processors are created before other beans.
     */
    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource ? QueryCounter.wrap(dataSource) : bean;
            }
        };
    }

    static class NoUrlButDocker implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"))
                    && DockerClientFactory.instance().isDockerAvailable();
        }
    }
}
