package io.mockpanel.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads accounts for sign-in. Deliberately not a bean: the only way in is the throttling
 * provider that wraps it, so no second, unthrottled provider can appear.
 */
class AccountUserDetailsService implements UserDetailsService {

    private final UserAccountRepository accounts;

    AccountUserDetailsService(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return accounts.findByUsername(AccountService.normalizeUsername(username))
                .map(UserAccount::toPrincipal)
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }
}
