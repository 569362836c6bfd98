/** How the app finds its PostgreSQL: a configured server, or an embedded one for development. */
@NullMarked
package io.mockpanel.base.database;

import org.jspecify.annotations.NullMarked;
