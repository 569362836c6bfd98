package io.mockpanel.panel;

import com.vaadin.flow.component.Component;

/**
 * A part of the session console contributed by another feature (scoring, later review tools).
 * The console lists every such bean, so the panel feature never depends on the features that
 * build on it.
 */
public interface ConsoleSection {

    /** Lower comes first in the console's side column. */
    int order();

    /** A fresh component for one console; it follows the session's events itself. */
    Component create(long sessionId);
}
