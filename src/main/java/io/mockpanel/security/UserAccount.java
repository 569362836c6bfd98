package io.mockpanel.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An account row; only this package sees it. */
@Entity
@Table(name = "user_account")
class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false, length = 40)
    private String username;

    @Column(name = "display_name", nullable = false, length = 100)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private AccountRole role;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private boolean enabled = true;

    /** Where the person gets their panel invitations; optional (decision 0040). */
    @Column(length = 254)
    private @Nullable String email;

    /** Changes whenever the account's open sessions must end (decision 0012). */
    @Column(name = "session_epoch", nullable = false)
    private int sessionEpoch;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    @SuppressWarnings("NullAway.Init")
    protected UserAccount() {
        // for JPA
    }

    UserAccount(String username, String displayName, AccountRole role, String passwordHash, Instant now) {
        this.username = username;
        this.displayName = displayName;
        this.role = role;
        this.passwordHash = passwordHash;
        this.createdAt = now;
        this.updatedAt = now;
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
