package io.mockpanel.security;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An account row, read and written by {@link UserAccountRepository}; only this package sees it.
 * Changes stay in the object until the repository's {@code update} writes them.
 */
class UserAccount {

    private @Nullable Long id;
    private final String username;
    private final String displayName;
    private final AccountRole role;
    private String passwordHash;
    private boolean enabled = true;
    /** Where the person gets their panel invitations; optional (decision 0040). */
    private @Nullable String email;
    /** Changes whenever the account's open sessions must end (decision 0012). */
    private int sessionEpoch;
    private final Instant createdAt;
    private Instant updatedAt;
    /** The row's version when read: an update of a row someone else changed since fails. */
    private long version;

    UserAccount(String username, String displayName, AccountRole role, String passwordHash, Instant now) {
        this.username = username;
        this.displayName = displayName;
        this.role = role;
        this.passwordHash = passwordHash;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A stored row as read. */
    UserAccount(long id, String username, String displayName, AccountRole role, String passwordHash, boolean enabled,
            @Nullable String email, int sessionEpoch, Instant createdAt, Instant updatedAt, long version) {
        this(username, displayName, role, passwordHash, createdAt);
        this.id = id;
        this.enabled = enabled;
        this.email = email;
        this.sessionEpoch = sessionEpoch;
        this.updatedAt = updatedAt;
        this.version = version;
    }

    long id() {
        if (id == null) {
            throw new IllegalStateException("account not saved yet");
        }
        return id;
    }

    String username() {
        return username;
    }

    String displayName() {
        return displayName;
    }

    AccountRole role() {
        return role;
    }

    String passwordHash() {
        return passwordHash;
    }

    boolean enabled() {
        return enabled;
    }

    @Nullable String email() {
        return email;
    }

    /** A checked address, or null to have none. */
    void setEmail(@Nullable String email, Instant now) {
        this.email = email;
        this.updatedAt = now;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    long version() {
        return version;
    }

    /** Called by the repository once the row is written. */
    void stored(long id, long version) {
        this.id = id;
        this.version = version;
    }

    int sessionEpoch() {
        return sessionEpoch;
    }

    /** Disabling ends the account's open sessions; enabling again changes nothing for them. */
    void setEnabled(boolean enabled, Instant now) {
        if (this.enabled && !enabled) {
            sessionEpoch++;
        }
        this.enabled = enabled;
        this.updatedAt = now;
    }

    /** A new password ends every session signed in with the old one. */
    void setPasswordHash(String passwordHash, Instant now) {
        this.passwordHash = passwordHash;
        this.sessionEpoch++;
        this.updatedAt = now;
    }

    AccountPrincipal toPrincipal() {
        return new AccountPrincipal(username, displayName, role, enabled, passwordHash, sessionEpoch);
    }

    Account toAccount() {
        return new Account(id(), username, displayName, role, enabled, createdAt, email);
    }
}
