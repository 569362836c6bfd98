package io.mockpanel.security;

import io.mockpanel.security.AccountException.Field;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Account administration: the API of the accounts feature, for admins only. */
@Service
public class AccountService {

    private static final String ADMINS = "hasRole('" + AppRoles.ADMIN + "')";

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,39}");

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final LoginThrottle loginThrottle;

    AccountService(UserAccountRepository accounts, PasswordEncoder passwordEncoder, Clock clock,
            LoginThrottle loginThrottle) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.loginThrottle = loginThrottle;
    }

    @PreAuthorize(ADMINS)
    @Transactional(readOnly = true)
    public List<Account> listAccounts() {
        return accounts.findAllByOrderByUsernameAsc().stream().map(UserAccount::toAccount).toList();
    }

    /** Active accounts of a role, by name: whom an interviewer can invite onto a panel. */
    @PreAuthorize("hasAnyRole('" + AppRoles.INTERVIEWER + "','" + AppRoles.ADMIN + "')")
    @Transactional(readOnly = true)
    public List<Person> activePeople(AccountRole role) {
        return accounts.findAllByOrderByUsernameAsc().stream()
                .filter(a -> a.enabled() && a.role() == role)
                .map(a -> new Person(a.username(), a.displayName()))
                .sorted(java.util.Comparator.comparing(Person::displayName, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    @PreAuthorize(ADMINS)
    @Transactional
    public Account createAccount(NewAccount request) {
        return create(request).toAccount();
    }

    @PreAuthorize(ADMINS)
    @Transactional
    public Account setEnabled(long accountId, boolean enabled) {
        UserAccount account = load(accountId);
        if (!enabled && account.username().equals(currentUsername())) {
            throw new AccountException(Field.ACCOUNT, "You cannot disable your own account.");
        }
        if (!enabled && account.enabled() && account.role() == AccountRole.ADMIN
                && accounts.countByRoleAndEnabledTrue(AccountRole.ADMIN) <= 1) {
            throw new AccountException(Field.ACCOUNT, "This is the last active admin account; create another admin first.");
        }
        account.setEnabled(enabled, clock.instant());
        return account.toAccount();
    }

    @PreAuthorize(ADMINS)
    @Transactional
    public void resetPassword(long accountId, String newPassword) {
        UserAccount account = load(accountId);
        checkPassword(newPassword);
        account.setPasswordHash(passwordEncoder.encode(newPassword), clock.instant());
        // The login view tells a paused user to ask an admin for a reset: the new password must
        // work at once, so the account's failed sign-ins are forgotten (its address's others stay).
        loginThrottle.recordSuccess(account.username());
    }

    /**
     * Lets a signed-in person replace their own password; the current one must be given, so an
     * unattended signed-in browser is not enough to take the account over.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword) {
        UserAccount account = accounts.findByUsername(currentUsername())
                .orElseThrow(() -> new AccountException(Field.ACCOUNT, "Your account no longer exists."));
        if (!passwordEncoder.matches(currentPassword, account.passwordHash())) {
            throw new AccountException(Field.CURRENT_PASSWORD, "This is not your current password.");
        }
        if (currentPassword.equals(newPassword)) {
            throw new AccountException(Field.PASSWORD, "The new password is the same as the current one.");
        }
        checkPassword(newPassword);
        account.setPasswordHash(passwordEncoder.encode(newPassword), clock.instant());
    }

    /**
     * Creation without the admin check, for the start-up bootstrap in this package. Must stay
     * free of {@code @PreAuthorize}: Spring proxies package-private methods too.
     */
    UserAccount create(NewAccount request) {
        String username = normalizeUsername(request.username());
        if (!USERNAME.matcher(username).matches()) {
            throw new AccountException(Field.USERNAME, "A username has 3 to 40 characters: lowercase letters, "
                    + "digits, '.', '_' or '-', starting with a letter or digit.");
        }
        if (accounts.existsByUsername(username)) {
            throw new AccountException(Field.USERNAME, "The username '" + username + "' is already taken.");
        }
        String displayName = request.displayName().strip();
        if (displayName.isEmpty() || displayName.length() > 100 || displayName.chars().anyMatch(Character::isISOControl)) {
            throw new AccountException(Field.DISPLAY_NAME, "A name has 1 to 100 characters and no control characters.");
        }
        checkPassword(request.password());
        UserAccount account = new UserAccount(username, displayName, request.role(),
                passwordEncoder.encode(request.password()), clock.instant());
        return accounts.save(account);
    }

    static String normalizeUsername(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    private static void checkPassword(String password) {
        PasswordPolicy.problemWith(password).ifPresent(problem -> {
            throw new AccountException(Field.PASSWORD, problem);
        });
    }

    private UserAccount load(long accountId) {
        return accounts.findById(accountId)
                .orElseThrow(() -> new AccountException(Field.ACCOUNT, "That account no longer exists."));
    }

    private static String currentUsername() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "" : authentication.getName();
    }
}
