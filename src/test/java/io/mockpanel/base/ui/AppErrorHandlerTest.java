package io.mockpanel.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import io.mockpanel.support.ExhaustedPool;
import io.mockpanel.support.KaribuTest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A click that fails because the database is away ends in a calm message, not a stack trace or
 * silence; every other failure keeps Vaadin's handling. A page whose session expired reloads.
 */
class AppErrorHandlerTest extends KaribuTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void every_vaadin_session_gets_the_handler() {
        assertThat(VaadinSession.getCurrent().getErrorHandler()).isInstanceOf(AppErrorHandler.class);
    }

    @Test
    void a_failure_to_reach_the_database_shows_the_calm_message_and_nothing_else() {
        List<ErrorEvent> passedOn = new ArrayList<>();
        ErrorHandler handler = new AppErrorHandler(passedOn::add, () -> {
            throw new AssertionError("the failure says what it is: no need to ask the database");
        });

        handler.error(new ErrorEvent(realFailureWithoutConnection()));

        List<Notification> shown = _find(Notification.class);
        assertThat(shown).hasSize(1);
        assertThat(shown.getFirst().isOpened()).isTrue();
        assertThat(shown.getFirst().getElement().getTextRecursively()
                + shown.getFirst().getElement().getProperty("text", ""))
                .contains("The database cannot be reached right now.", "Nothing you already saved is lost.",
                        "try again in a moment");
        assertThat(passedOn).isEmpty();
    }

    @Test
    void a_message_written_for_the_user_that_no_screen_handled_is_shown_as_it_is_and_goes_no_further() {
        List<ErrorEvent> passedOn = new ArrayList<>();
        ErrorHandler handler = new AppErrorHandler(passedOn::add, () -> {
            throw new AssertionError("a refusal is not an outage: no need to ask the database");
        });

        // As Vaadin passes it on: wrapped by the listener's invocation.
        handler.error(new ErrorEvent(new RuntimeException("listener failed",
                new io.mockpanel.panel.SessionException("The session is not live: start it first (only the lead can)."))));

        List<Notification> shown = _find(Notification.class);
        assertThat(shown).hasSize(1);
        assertThat(shown.getFirst().hasClassName("user-facing-error")).isTrue();
        assertThat(shown.getFirst().getElement().getTextRecursively()
                + shown.getFirst().getElement().getProperty("text", ""))
                .contains("The session is not live: start it first (only the lead can).");
        assertThat(passedOn).isEmpty();
    }

    @Test
    void any_other_failure_goes_to_vaadins_own_handling() {
        List<ErrorEvent> passedOn = new ArrayList<>();
        ErrorHandler handler = new AppErrorHandler(passedOn::add, () -> false);

        handler.error(new ErrorEvent(new IllegalStateException("a bug")));

        assertThat(passedOn).hasSize(1);
        assertThat(_find(Notification.class)).isEmpty();
    }

    /**
     * What a click right as the database went away gave in the PostgreSQL restart test: the
     * statement broke the connection, the pool closed it, the rollback failed, and Spring threw the
     * rollback's failure instead of the first one.
     */
    @Test
    void a_failed_rollback_on_a_closed_connection_is_the_outage_when_the_database_does_not_answer() {
        var rollbackFailure = new TransactionSystemException("Could not roll back JDBC transaction",
                new SQLException("Connection is closed"));
        List<ErrorEvent> passedOn = new ArrayList<>();

        new AppErrorHandler(passedOn::add, () -> false).error(new ErrorEvent(rollbackFailure));

        assertThat(passedOn).isEmpty();
        assertThat(_find(Notification.class)).hasSize(1);
    }

    @Test
    void the_same_failure_while_the_database_answers_is_a_bug_and_goes_to_vaadins_handling() {
        var rollbackFailure = new TransactionSystemException("Could not roll back JDBC transaction",
                new SQLException("Connection is closed"));
        List<ErrorEvent> passedOn = new ArrayList<>();

        new AppErrorHandler(passedOn::add, () -> true).error(new ErrorEvent(rollbackFailure));

        assertThat(passedOn).hasSize(1);
        assertThat(_find(Notification.class)).isEmpty();
    }

    @Test
    void an_expired_session_reloads_the_page_without_a_prompt() {
        var messages = VaadinService.getCurrent().getSystemMessages(Locale.ENGLISH, VaadinRequest.getCurrent());

        assertThat(messages.isSessionExpiredNotificationEnabled()).isFalse();
        assertThat(messages.getSessionExpiredCaption()).isNull();
        assertThat(messages.getSessionExpiredMessage()).isNull();
        assertThat(messages.getSessionExpiredURL()).isNull();
    }

    /** What a transactional service call really throws when the pool gives no connection. */
    private Throwable realFailureWithoutConnection() {
        try (ExhaustedPool away = ExhaustedPool.of(dataSource)) {
            Throwable failure = catchThrowable(() -> new TransactionTemplate(transactions)
                    .execute(status -> jdbc.sql("select 1").query(Integer.class).single()));
            assertThat(failure).isNotNull();
            return failure;
        }
    }
}
