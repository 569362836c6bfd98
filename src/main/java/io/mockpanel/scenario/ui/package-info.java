/** Views of the scenario library: browse, read, import and export. */
@NullMarked
package io.mockpanel.scenario.ui;

import org.jspecify.annotations.NullMarked;
