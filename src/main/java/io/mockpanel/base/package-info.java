/** Infrastructure every feature stands on: the database bootstrap and the shared UI shell. */
@NullMarked
package io.mockpanel.base;

import org.jspecify.annotations.NullMarked;
