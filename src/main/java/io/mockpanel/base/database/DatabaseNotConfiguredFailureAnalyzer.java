package io.mockpanel.base.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the missing-database message as Boot's short start-up failure report, without a stack trace. */
class DatabaseNotConfiguredFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseNotConfiguredException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseNotConfiguredException cause) {
        return new FailureAnalysis(
                "No database is configured, and this build has no embedded development database.",
                DatabaseNotConfiguredException.MESSAGE,
                cause);
    }
}
