package io.mockpanel.security;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Accounts created at start-up.
 *
 * @param admin        the first admin (MOCKPANEL_ADMIN_USERNAME, MOCKPANEL_ADMIN_PASSWORD)
 * @param demoAccounts create the demo accounts; honoured only on the embedded development database
 */
@ConfigurationProperties("mockpanel")
record AccountsProperties(@DefaultValue Admin admin, @DefaultValue("true") boolean demoAccounts) {

    /** The password is used only when the account does not exist yet. */
    record Admin(@Nullable String username, @Nullable String password) {
    }
}
