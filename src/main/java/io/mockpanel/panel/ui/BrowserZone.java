package io.mockpanel.panel.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The time zone of the viewer's browser. Vaadin 25 sends the browser's details with the page's
 * first request, so they are there when a view is built; a browser that names no zone (or a test
 * without one) gets the session's own zone instead.
 */
final class BrowserZone {

    /** Where neither the browser nor the session names a zone: the IANA id, which the pickers offer. */
    static final ZoneId UTC = ZoneId.of("UTC");

    private BrowserZone() {
    }

    /** The browser's IANA zone, if the browser named one. */
    static Optional<ZoneId> of(UI ui) {
        ExtendedClientDetails details = ui.getPage().getExtendedClientDetails();
        String id = details == null ? null : details.getTimeZoneId();
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The browser's zone, else {@code fallback}. */
    static ZoneId orElse(UI ui, ZoneId fallback) {
        return of(ui).orElse(fallback);
    }

    /** The browser's zone of the current UI, else {@code fallback}. */
    static ZoneId current(ZoneId fallback) {
        UI ui = UI.getCurrent();
        return ui == null ? fallback : orElse(ui, fallback);
    }
}
