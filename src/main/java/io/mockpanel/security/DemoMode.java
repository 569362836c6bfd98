package io.mockpanel.security;

/**
 * Whether this instance creates the demo accounts: only on the embedded development database,
 * and only unless {@code mockpanel.demo-accounts=false}. The login page mentions them only then.
 */
public record DemoMode(boolean active) {
}
