/** The scenario library: scenarios and guidance, their Markdown import and export, and the views. */
@NullMarked
package io.mockpanel.scenario;

import org.jspecify.annotations.NullMarked;
