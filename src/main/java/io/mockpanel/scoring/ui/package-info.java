/** The scoring panel, which the session console shows through {@link io.mockpanel.panel.ui.ConsoleSection}. */
@NullMarked
package io.mockpanel.scoring.ui;

import org.jspecify.annotations.NullMarked;
