/**
 * After the session: history, the session review, coaching notes, development reports, candidate
 * progress, calibration, exports, and privacy (anonymise, delete, retention, the audit log).
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"panel::api", "panel::console", "panel::room", "panel::views", "base",
        "base::ui", "security", "scenario", "scoring", "mail"})
package io.mockpanel.review;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
