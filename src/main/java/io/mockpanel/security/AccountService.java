package io.mockpanel.security;

import io.mockpanel.base.DisplayText;
import io.mockpanel.security.AccountException.Field;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Account administration, the API of the accounts feature: admins manage accounts; everyone signed
 * in changes their own password and e-mail address.
 */
@Service
public class AccountService {

    private static final String ADMINS = "hasRole('" + AppRoles.ADMIN + "')";

    /** Code points, as the column's varchar(100) counts them. */
    static final int MAX_DISPLAY_NAME = 100;

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,39}");

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final LoginThrottle loginThrottle;
    private final SessionEpochs sessionEpochs;
    private final AccountEmails emails;
    private final ApplicationEventPublisher events;

    AccountService(UserAccountRepository accounts, PasswordEncoder passwordEncoder, Clock clock,
            LoginThrottle loginThrottle, SessionEpochs sessionEpochs, AccountEmails emails,
            ApplicationEventPublisher events) {
        this.emails = emails;
        this.events = events;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.loginThrottle = loginThrottle;
        this.sessionEpochs = sessionEpochs;
    }

    @PreAuthorize(ADMINS)
    @Transactional(readOnly = true)
    public List<Account> listAccounts() {
        return accounts.findAllOrderedByUsername().stream().map(UserAccount::toAccount).toList();
    }

    /** Active accounts of a role, by name: whom an interviewer can invite onto a panel. */
    @PreAuthorize("hasAnyRole('" + AppRoles.INTERVIEWER + "','" + AppRoles.ADMIN + "')")
    @Transactional(readOnly = true)
    public List<Person> activePeople(AccountRole role) {
        return accounts.findAllOrderedByUsername().stream()
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
                && accounts.countEnabled(AccountRole.ADMIN) <= 1) {
            throw new AccountException(Field.ACCOUNT, "This is the last active admin account; create another admin first.");
        }
        // disabling moves the session epoch: the person's open sessions end on their next request
        account.setEnabled(enabled, clock.instant());
        accounts.update(account);
        sessionEpochs.evict(account.username());
        return account.toAccount();
    }

    @PreAuthorize(ADMINS)
    @Transactional
    public void resetPassword(long accountId, String newPassword) {
        UserAccount account = load(accountId);
        checkPassword(newPassword);
        // a new password moves the session epoch: sessions signed in with the old one end
        account.setPasswordHash(passwordEncoder.encode(newPassword), clock.instant());
        accounts.update(account);
        sessionEpochs.evict(account.username());
        // The login view tells a paused user to ask an admin for a reset: the new password must
        // work at once, so the account's throttle counters are forgotten (addresses' totals stay).
        loginThrottle.forgetAccount(account.username());
    }

    /**
     * Sets, changes or (with a blank {@code email}) removes an account's e-mail address.
     *
     * @throws AccountException on the e-mail field when the address is not valid or another
     *                          account has it; nothing is saved then
     */
    @PreAuthorize(ADMINS)
    @Transactional
    public Account changeEmail(long accountId, @Nullable String email) {
        UserAccount account = load(accountId);
        String address = emails.checked(email, accountId);
        saveEmail(account, address);
        return account.toAccount();
    }

    /** The signed-in person's own e-mail address, if they have one. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<String> ownEmail() {
        return accounts.findByUsername(currentUsername()).map(UserAccount::email);
    }

    /**
     * Lets a signed-in person set, change or (blank) remove their own e-mail address.
     *
     * @throws AccountException on the e-mail field when the address is not valid or taken
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public Optional<String> changeOwnEmail(@Nullable String email) {
        UserAccount account = accounts.findByUsername(currentUsername())
                .orElseThrow(() -> new AccountException(Field.ACCOUNT, "Your account no longer exists."));
        String address = emails.checked(email, account.id());
        saveEmail(account, address);
        return Optional.ofNullable(address);
    }

    /**
     * Stores the checked address and, when it differs from the stored one, tells the features that
     * mail people (the sessions' invitations, decision 0045) in this transaction.
     */
    private void saveEmail(UserAccount account, @Nullable String address) {
        String previous = account.email();
        emails.write(() -> {
            account.setEmail(address, clock.instant());
            accounts.update(account);
        }, address);
        if (address == null ? previous != null : !address.equalsIgnoreCase(previous)) {
            events.publishEvent(new AccountEmailChanged(account.username(), account.displayName(), address));
        }
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
        accounts.update(account);
        sessionEpochs.evict(account.username());
        // the person's other sessions end (someone else may know the old password); this one
        // moves to the new epoch and stays signed in
        keepThisSession(account.sessionEpoch());
    }

    private static void keepThisSession(int epoch) {
        var context = SecurityContextHolder.getContext();
        if (context.getAuthentication() instanceof Authentication current
                && current.getPrincipal() instanceof AccountPrincipal principal) {
            var moved = UsernamePasswordAuthenticationToken.authenticated(principal.withSessionEpoch(epoch), null,
                    current.getAuthorities());
            moved.setDetails(current.getDetails());
            context.setAuthentication(moved);
        }
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
            throw usernameTaken(username);
        }
        String displayName = DisplayText.strip(request.displayName());
        DisplayText.problem(displayName, "name", MAX_DISPLAY_NAME).ifPresent(problem -> {
            throw new AccountException(Field.DISPLAY_NAME, problem);
        });
        String email = emails.checked(request.email(), null);
        checkPassword(request.password());
        UserAccount account = new UserAccount(username, displayName, request.role(),
                passwordEncoder.encode(request.password()), clock.instant());
        account.setEmail(email, clock.instant());
        emails.write(() -> insertUnlessUsernameTaken(account), email);
        return account;
    }

    /** Another admin may create the same username between the check and the insert: the same refusal. */
    private void insertUnlessUsernameTaken(UserAccount account) {
        try {
            accounts.insert(account);
        } catch (DuplicateKeyException e) {
            if (UserAccountRepository.collidesOn(e, UserAccountRepository.USERNAME_KEY)) {
                throw usernameTaken(account.username());
            }
            throw e;
        }
    }

    private static AccountException usernameTaken(String username) {
        return new AccountException(Field.USERNAME, "The username '" + username + "' is already taken.");
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
