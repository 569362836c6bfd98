package io.mockpanel.base.ui;

import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * How every Vaadin session of the app handles trouble: a database that is away gives a calm
 * message (see {@link AppErrorHandler}), and a page whose session is gone (after a
 * restart, or an expiry) reloads itself at once instead of asking the user to click a prompt. The
 * reload of a staff page lands on the sign-in form, which brings the user back to the same page.
 */
@Component
class VaadinSessionSetup implements VaadinServiceInitListener {

    private final DataSource dataSource;

    VaadinSessionSetup(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(
                new AppErrorHandler(init.getSession().getErrorHandler(), this::databaseAnswers)));
        event.getSource().setSystemMessagesProvider(info -> reloadWhenExpired());
    }

    /** One connection from the pool, asked whether it answers (a pool timeout counts as no). */
    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Vaadin 25 already defaults to this; it is spelled out because a prompt here would leave a
     * page stuck after every restart. No caption, no message and no URL: the page reloads itself.
     */
    static CustomizedSystemMessages reloadWhenExpired() {
        CustomizedSystemMessages messages = new CustomizedSystemMessages();
        messages.setSessionExpiredNotificationEnabled(false);
        messages.setSessionExpiredURL(null);
        return messages;
    }
}
