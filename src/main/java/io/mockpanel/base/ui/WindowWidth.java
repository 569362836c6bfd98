package io.mockpanel.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import java.util.function.IntConsumer;

/**
 * Lets a view follow the browser window's width (e.g. fewer grid columns on a phone): tells it the
 * width once the browser reported it and again on every resize, while the view is attached. The
 * resize listener is removed on detach, so a closed view leaves nothing behind.
 */
public final class WindowWidth {

    private WindowWidth() {
    }

    /** Calls {@code onWidth} with the window's inner width now and after each resize, while {@code view} is attached. */
    public static void follow(Component view, IntConsumer onWidth) {
        view.addAttachListener(attach -> {
            UI ui = attach.getUI();
            ui.getPage().retrieveExtendedClientDetails(details -> onWidth.accept(details.getWindowInnerWidth()));
            Registration resize = ui.getPage().addBrowserWindowResizeListener(e -> onWidth.accept(e.getWidth()));
            view.addDetachListener(detach -> {
                resize.remove();
                detach.unregisterListener();
            });
        });
    }
}
