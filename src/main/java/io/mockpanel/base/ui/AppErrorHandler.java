package io.mockpanel.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.NotFoundException;
import io.mockpanel.base.DatabaseFailures;
import io.mockpanel.base.LogRedaction;
import io.mockpanel.base.UserFacingException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one error handler of every Vaadin session. A failure whose message is written for the user
 * ({@link UserFacingException}) that no screen handled is shown as it is; a click that failed
 * because the database is away becomes a calm message: what happened, that nothing saved is lost,
 * and to try again. Every other failure goes to Vaadin's own handler unchanged. A failure to
 * reach the database is logged as one line, at most once per {@link #LOG_EVERY_MILLIS}, however
 * many users click meanwhile.
 */
final class AppErrorHandler implements ErrorHandler {

    static final String MESSAGE = "The database cannot be reached right now. Nothing you already saved is lost. "
            + "Please try again in a moment.";

    private static final Logger log = LoggerFactory.getLogger(AppErrorHandler.class);
    private static final long LOG_EVERY_MILLIS = 30_000;
    private static final AtomicLong lastLogged = new AtomicLong();

    private final ErrorHandler otherwise;
    private final BooleanSupplier databaseAnswers;

    /**
     * @param databaseAnswers asked only for a failure from the database that does not say why
     *                        (see {@link DatabaseFailures#involvesDatabase})
     */
    AppErrorHandler(ErrorHandler otherwise, BooleanSupplier databaseAnswers) {
        this.otherwise = otherwise;
        this.databaseAnswers = databaseAnswers;
    }

    @Override
    public void error(ErrorEvent event) {
        Throwable failure = event.getThrowable();
        UI ui = event.getComponent().flatMap(c -> c.getUI()).orElse(UI.getCurrent());
        if (ui == null) {
            otherwise.error(redacted(event));
            return;
        }
        Optional<UserFacingException> forTheUser = userFacing(failure);
        if (forTheUser.isPresent()) {
            show(ui, forTheUser.get().getMessage(), NotificationVariant.LUMO_ERROR, "user-facing-error");
            return;
        }
        if (!unreachable(failure)) {
            otherwise.error(redacted(event));
            return;
        }
        logOnce(failure);
        show(ui, MESSAGE, NotificationVariant.LUMO_WARNING, "database-unreachable");
    }

    /**
     * Vaadin's handler logs the failure with its message: one that carries an e-mail address or a
     * link token (a mail server's answer, a driver's detail) goes to it redacted (decision 0043).
     * A missing route keeps its type, so that it still shows the not-found page.
     */
    private static ErrorEvent redacted(ErrorEvent event) {
        Throwable failure = event.getThrowable();
        Throwable safe = failure instanceof NotFoundException ? failure : LogRedaction.redact(failure);
        return safe == failure ? event
                : new ErrorEvent(safe, event.getElement().map(Element::getNode).orElse(null));
    }

    /** Vaadin calls the handler with the session locked, so the failing UI can be changed right here. */
    private static void show(UI ui, String message, NotificationVariant variant, String className) {
        Notification notification = new Notification(message, 6_000, Notification.Position.MIDDLE);
        notification.addThemeVariants(variant);
        notification.addClassName(className);
        ui.add(notification);
        // Added by hand (the failing UI, not whatever UI is current), so removed by hand once closed.
        notification.addOpenedChangeListener(change -> {
            if (!change.isOpened()) {
                notification.removeFromParent();
            }
        });
        notification.open();
    }

    /** The failure, or one of its causes, carries a message for the user. */
    private static Optional<UserFacingException> userFacing(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UserFacingException forTheUser && forTheUser.getMessage() != null) {
                return Optional.of(forTheUser);
            }
        }
        return Optional.empty();
    }

    private boolean unreachable(Throwable failure) {
        return DatabaseFailures.isUnreachable(failure)
                || DatabaseFailures.involvesDatabase(failure) && !databaseAnswers.getAsBoolean();
    }

    private static void logOnce(Throwable failure) {
        long now = System.currentTimeMillis();
        long last = lastLogged.get();
        if (now - last >= LOG_EVERY_MILLIS && lastLogged.compareAndSet(last, now)) {
            log.warn("A user action failed because the database cannot be reached: {}",
                    LogRedaction.redact(rootMessage(failure)));
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
