package io.mockpanel.security;

import io.mockpanel.base.NamedUser;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.jspecify.annotations.Nullable;

/**
 * The signed-in account as Spring Security holds it; carries the display name for the UI and the
 * session epoch it signed in with.
 */
public final class AccountPrincipal implements UserDetails, CredentialsContainer, NamedUser {

    private final String username;
    private final String displayName;
    private final AccountRole role;
    private final boolean enabled;
    private final int sessionEpoch;
    private @Nullable String passwordHash;

    AccountPrincipal(String username, String displayName, AccountRole role, boolean enabled, String passwordHash,
            int sessionEpoch) {
        this.username = username;
        this.displayName = displayName;
        this.role = role;
        this.enabled = enabled;
        this.passwordHash = passwordHash;
        this.sessionEpoch = sessionEpoch;
    }

    /** The account's session epoch when this session signed in (decision 0012). */
    int sessionEpoch() {
        return sessionEpoch;
    }

    /** The same signed-in person, now belonging to the given epoch (after changing their own password). */
    AccountPrincipal withSessionEpoch(int epoch) {
        var moved = new AccountPrincipal(username, displayName, role, enabled, "", epoch);
        moved.eraseCredentials();
        return moved;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    public AccountRole role() {
        return role;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
