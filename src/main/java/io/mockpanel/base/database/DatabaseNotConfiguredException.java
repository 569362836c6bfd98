package io.mockpanel.base.database;

/** Thrown at start-up when a production build finds no database settings. */
class DatabaseNotConfiguredException extends IllegalStateException {

    static final String MESSAGE = "mockpanel needs a PostgreSQL database: set SPRING_DATASOURCE_URL "
            + "(for example jdbc:postgresql://db:5432/mockpanel), SPRING_DATASOURCE_USERNAME and "
            + "SPRING_DATASOURCE_PASSWORD.";

    DatabaseNotConfiguredException() {
        super(MESSAGE);
    }
}
