package io.mockpanel.panel.ui;

import io.mockpanel.panel.SessionRole;
import java.util.function.Consumer;

/**
 * What a console gives each of its sections: the session, the viewer's role, the console's live
 * feed, and a way to bring a section to the front (for a section's own keyboard shortcut).
 */
@org.springframework.modulith.NamedInterface("console")
public record ConsoleContext(long sessionId, SessionRole role, LiveFeed feed, Consumer<String> frontByTitle) {

    /** A context whose sections cannot bring themselves to the front (a section shown on its own). */
    public ConsoleContext(long sessionId, SessionRole role, LiveFeed feed) {
        this(sessionId, role, feed, title -> { });
    }

    /** Brings the section with this title to the front (on a narrow screen, its region too). */
    public void bringToFront(String title) {
        frontByTitle.accept(title);
    }
}
