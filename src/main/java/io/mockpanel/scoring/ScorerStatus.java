package io.mockpanel.scoring;

import io.mockpanel.panel.SessionRole;

/** Whether a scoring member has submitted their sheet for the scenario; names only, never scores. */
public record ScorerStatus(String username, String displayName, SessionRole role, boolean submitted) {
}
