package io.mockpanel.base.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/**
 * The app's one way to tell a user something in passing, so every screen says it the same way:
 * successes briefly at the bottom, warnings at the top right where a live panel looks, errors in
 * the middle and long enough to read.
 */
public final class Notifications {

    private Notifications() {
    }

    /** Something the user did worked. */
    public static Notification success(String message) {
        return show(message, 3000, Notification.Position.BOTTOM_START, NotificationVariant.LUMO_SUCCESS);
    }

    /** Neutral news ("Everything on the agenda has been pushed"). */
    public static Notification info(String message) {
        return show(message, 4000, Notification.Position.BOTTOM_START, null);
    }

    /** Something happening elsewhere that needs attention now (a clarification request). */
    public static Notification warning(String message) {
        return show(message, 6000, Notification.Position.TOP_END, NotificationVariant.LUMO_WARNING);
    }

    /** What the user tried did not work; the message says why and what is allowed. */
    public static Notification error(String message) {
        return show(message, 6000, Notification.Position.MIDDLE, NotificationVariant.LUMO_ERROR);
    }

    private static Notification show(String message, int millis, Notification.Position position,
            @org.jspecify.annotations.Nullable NotificationVariant variant) {
        Notification notification = Notification.show(message, millis, position);
        if (variant != null) {
            notification.addThemeVariants(variant);
        }
        return notification;
    }
}
