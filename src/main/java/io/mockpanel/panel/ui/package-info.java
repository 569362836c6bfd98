/** Views of panel sessions: the session list, session setup, the console and the candidate room. */
@NullMarked
package io.mockpanel.panel.ui;

import org.jspecify.annotations.NullMarked;
