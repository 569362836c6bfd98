package io.mockpanel.scenario.ui;

import com.vaadin.flow.component.html.Div;
import io.mockpanel.base.ui.Badge;
import org.jspecify.annotations.Nullable;

/** The level · duration · company badges shown on a card and on the detail page. */
final class Badges {

    private Badges() {
    }

    static Div meta(String level, int durationMinutes, @Nullable String company) {
        var row = new Div();
        row.addClassName("badges");
        row.add(Badge.of(level), Badge.of(durationMinutes + " min", "contrast"));
        if (company != null) {
            row.add(Badge.of(company, "success"));
        }
        return row;
    }
}
