package io.mockpanel.panel.ui;

import io.mockpanel.panel.SessionRole;

/** What a console gives each of its sections: the session, the viewer's role and the console's live feed. */
@org.springframework.modulith.NamedInterface("console")
public record ConsoleContext(long sessionId, SessionRole role, LiveFeed feed) {
}
