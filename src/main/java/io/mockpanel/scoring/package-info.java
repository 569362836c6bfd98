/**
 * Blind scoring of a panel session: per scenario, each scoring member's sheet (a 1-4 score and a
 * justification per discussion area, an overall recommendation), hidden from the others until
 * they submitted their own, revealed together by the lead, and the panel's consensus per area.
 * {@link io.mockpanel.scoring.ScoringService} is the API and the security boundary.
 *
 * <p>Of the panel feature it uses only the named interfaces: {@code api} (sessions, members,
 * the event log and its catalogue) and {@code console} (the extension point of the console).
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"panel::api", "panel::console", "base", "base::ui", "security",
        "scenario"})
package io.mockpanel.scoring;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
