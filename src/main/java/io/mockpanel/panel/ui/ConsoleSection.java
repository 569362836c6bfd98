package io.mockpanel.panel.ui;

import com.vaadin.flow.component.Component;
import io.mockpanel.base.ui.ShortcutHint;
import io.mockpanel.panel.SessionRole;
import java.util.List;

/**
 * A part of the session console contributed by another feature (scoring, later review tools).
 * The console lists every such bean, so the panel feature never depends on the features that
 * build on it. Sections never subscribe to the session themselves: they listen to the console's
 * one {@link LiveFeed} through the {@link ConsoleContext}.
 */
@org.springframework.modulith.NamedInterface("console")
public interface ConsoleSection {

    /** Lower comes first among the console's contributed sections. */
    int order();

    /** The tab that shows the section ("Score"). */
    String title();

    /** A fresh component for one console. */
    Component create(ConsoleContext context);

    /** Whether a console of a member with this seat has the section (the coaching notes: observers only). */
    default boolean shownTo(SessionRole role) {
        return true;
    }

    /**
     * True when the section is built the first time its tab opens rather than with the console:
     * every open console then saves its components until someone needs them. Sections whose
     * shortcuts must work before their tab was opened keep the default.
     */
    default boolean builtWhenOpened() {
        return false;
    }

    /** The section's keyboard shortcuts for this seat, listed in the console's shortcut help. */
    default List<ShortcutHint> shortcuts(SessionRole role) {
        return List.of();
    }
}
