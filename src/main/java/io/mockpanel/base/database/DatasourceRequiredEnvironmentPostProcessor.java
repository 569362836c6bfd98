package io.mockpanel.base.database;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Stops a production build that has no database configured before anything else starts, so the
 * operator reads one sentence about what to set instead of a chain of connection errors.
 */
class DatasourceRequiredEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!DatasourceSettings.urlConfigured(environment) && !DatasourceSettings.embeddedDatabaseAvailable()) {
            throw new DatabaseNotConfiguredException();
        }
    }
}
