/** Accounts, roles, login throttling and the security configuration. */
@NullMarked
package io.mockpanel.security;

import org.jspecify.annotations.NullMarked;
