package io.mockpanel.panel.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * What another feature shows a candidate in their room once the session has ended, under the
 * closing text (review: "How did it go?"). The room lists every such bean, so the panel feature
 * never depends on the features built on it. Created only while the candidate's link still admits
 * their browser; the contributor's own service checks that again on every call.
 */
@org.springframework.modulith.NamedInterface("room")
public interface RoomEpilogue {

    /** Lower comes first. */
    int order();

    /** A fresh component for this candidate's room, or empty when it has nothing for them. */
    Optional<Component> create();
}
