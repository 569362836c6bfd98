/** Live panel sessions: setup, invite links, the agenda, pushed prompts, timer, notes and the event log. */
@NullMarked
package io.mockpanel.panel;

import org.jspecify.annotations.NullMarked;
