package io.mockpanel.scenario.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.jspecify.annotations.Nullable;

/** The level · duration · company badges shown on a card and on the detail page. */
final class Badges {

    private Badges() {
    }

    static Div meta(String level, int durationMinutes, @Nullable String company) {
        var row = new Div();
        row.addClassName("badges");
        row.add(badge(level, "badge"), badge(durationMinutes + " min", "badge contrast"));
        if (company != null) {
            row.add(badge(company, "badge success"));
        }
        return row;
    }

    private static Span badge(String text, String theme) {
        var badge = new Span(text);
        badge.getElement().getThemeList().addAll(java.util.List.of(theme.split(" ")));
        return badge;
    }
}
