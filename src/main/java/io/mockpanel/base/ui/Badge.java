package io.mockpanel.base.ui;

import com.vaadin.flow.component.html.Span;

/** A small Lumo-style badge (styled by styles.css) for states, roles, levels and durations. */
public final class Badge {

    private Badge() {
    }

    /** {@code variants}: none for the primary look, or "success", "contrast", "error". */
    public static Span of(String text, String... variants) {
        var badge = new Span(text);
        badge.getElement().getThemeList().add("badge");
        for (String variant : variants) {
            badge.getElement().getThemeList().add(variant);
        }
        return badge;
    }
}
