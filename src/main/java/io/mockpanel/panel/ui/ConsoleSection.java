package io.mockpanel.panel.ui;

import com.vaadin.flow.component.Component;

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
}
