package io.mockpanel.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Sign-in through the application's one AuthenticationProvider, with its database-backed throttle. */
@IntegrationTest
class LoginThrottlingTest {

    private static final String PASSWORD = "right-password-1";
    private static final String WRONG = "wrong-password-1";
    private static final int LIMIT = 10;

    @Autowired
    LoginThrottleProperties properties;

    @Autowired
    AuthenticationProvider authenticationProvider;

    @Autowired
    AccountService accountService;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuthenticationConfiguration authenticationConfiguration;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void ten_wrong_passwords_from_one_address_pause_that_address_on_the_account_even_for_the_right_password() {
        String username = account(AccountRole.INTERVIEWER);
        String address = Unique.address();
        for (int i = 0; i < LIMIT; i++) {
            assertThatThrownBy(() -> attempt(username, WRONG, address)).isExactlyInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> attempt(username, PASSWORD, address)).isInstanceOf(LoginThrottledException.class);
        // the owner, from an address that never failed, is not locked out by someone else's guesses
        assertThat(attempt(username, PASSWORD, Unique.address()).getName()).isEqualTo(username);
    }

    @Test
    void once_an_account_is_under_attack_an_address_that_failed_on_it_gets_no_further_guess() {
        String username = account(AccountRole.INTERVIEWER);
        // ten failures from ten addresses: the account is under attack, no address is paused yet
        String[] addresses = new String[LIMIT];
        for (int i = 0; i < LIMIT; i++) {
            addresses[i] = Unique.address();
            String address = addresses[i];
            assertThatThrownBy(() -> attempt(username, WRONG, address)).isExactlyInstanceOf(BadCredentialsException.class);
        }

        for (String address : addresses) {
            assertThatThrownBy(() -> attempt(username, PASSWORD, address)).isInstanceOf(LoginThrottledException.class);
        }
        // a fresh address gets one guess, then no more
        String fresh = Unique.address();
        assertThatThrownBy(() -> attempt(username, WRONG, fresh)).isExactlyInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> attempt(username, PASSWORD, fresh)).isInstanceOf(LoginThrottledException.class);
        // and the owner from a clean address still gets in
        assertThat(attempt(username, PASSWORD, Unique.address()).getName()).isEqualTo(username);
    }

    @Test
    void nine_wrong_passwords_do_not_pause_the_account() {
        String username = account(AccountRole.COACH);
        String address = Unique.address();
        for (int i = 0; i < LIMIT - 1; i++) {
            assertThatThrownBy(() -> attempt(username, WRONG, address)).isExactlyInstanceOf(BadCredentialsException.class);
        }

        assertThat(attempt(username, PASSWORD, address).getName()).isEqualTo(username);
    }

    @Test
    void paused_address_on_one_account_does_not_affect_another_account() {
        String victim = account(AccountRole.INTERVIEWER);
        String attacker = Unique.address();
        for (int i = 0; i < LIMIT; i++) {
            assertThatThrownBy(() -> attempt(victim, WRONG, attacker)).isExactlyInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> attempt(victim, PASSWORD, attacker)).isInstanceOf(LoginThrottledException.class);

        String bystander = account(AccountRole.INTERVIEWER);
        assertThat(attempt(bystander, PASSWORD, Unique.address()).getName()).isEqualTo(bystander);
    }

    @Test
    void failures_from_one_address_across_accounts_pause_that_address_for_every_account() {
        String address = Unique.address();
        int perAddress = properties.maxFailuresPerAddress();
        // different names each time, most of them unknown, one of them a real account with a wrong password
        String other = account(AccountRole.COACH);
        assertThatThrownBy(() -> attempt(other, WRONG, address)).isExactlyInstanceOf(BadCredentialsException.class);
        for (int i = 1; i < perAddress; i++) {
            assertThatThrownBy(() -> attempt(Unique.username("nobody"), WRONG, address))
                    .isExactlyInstanceOf(BadCredentialsException.class);
        }
        String valid = account(AccountRole.INTERVIEWER);

        assertThatThrownBy(() -> attempt(valid, PASSWORD, address)).isInstanceOf(LoginThrottledException.class);
        // the same account from elsewhere is fine: it had no failures of its own
        assertThat(attempt(valid, PASSWORD, Unique.address()).getName()).isEqualTo(valid);
    }

    @Test
    void unknown_username_and_wrong_password_fail_alike() {
        String username = account(AccountRole.COACH);

        Throwable unknown = catchThrowable(() -> attempt(Unique.username("ghost"), WRONG, Unique.address()));
        Throwable wrongPassword = catchThrowable(() -> attempt(username, WRONG, Unique.address()));

        assertThat(unknown).isExactlyInstanceOf(BadCredentialsException.class);
        assertThat(wrongPassword).isExactlyInstanceOf(BadCredentialsException.class);
        assertThat(unknown.getMessage()).isEqualTo(wrongPassword.getMessage());
    }

    @Test
    void a_username_with_a_nul_or_of_absurd_length_fails_like_an_unknown_one_and_never_reaches_the_database() {
        String username = account(AccountRole.COACH);
        String address = Unique.address();

        Throwable nul = catchThrowable(() -> attempt(username.substring(0, 2) + "\0" + username.substring(2), PASSWORD,
                address));
        Throwable huge = catchThrowable(() -> attempt("a".repeat(10_000), PASSWORD, address));

        assertThat(nul).isExactlyInstanceOf(BadCredentialsException.class);
        assertThat(huge).isExactlyInstanceOf(BadCredentialsException.class);
        assertThat(jdbc.sql("select count(*) from login_throttle where address = ?").param(address)
                .query(Long.class).single()).isZero();
        assertThat(attempt(username, PASSWORD, address).getName()).isEqualTo(username);
    }

    /**
     * A disabled account is refused before the password is looked at; the provider reports it
     * exactly like an unknown user, so nobody learns that the account exists. It never signs in,
     * is not reported as throttling, and counts as a failure like any other.
     */
    @Test
    void disabled_account_fails_without_signing_in_and_counts_as_a_failure() {
        String username = account(AccountRole.COACH);
        TestUsers.signIn(Unique.username("boss"), AppRoles.ADMIN);
        long id = accountService.listAccounts().stream().filter(a -> a.username().equals(username))
                .findFirst().orElseThrow().id();
        accountService.setEnabled(id, false);
        TestUsers.signOut();

        String address = Unique.address();
        Throwable rightPassword = catchThrowable(() -> attempt(username, PASSWORD, address));
        Throwable unknown = catchThrowable(() -> attempt(Unique.username("ghost"), PASSWORD, Unique.address()));
        assertThat(rightPassword).isExactlyInstanceOf(BadCredentialsException.class);
        assertThat(rightPassword.getMessage()).isEqualTo(unknown.getMessage());
        for (int i = 1; i < LIMIT; i++) {
            assertThatThrownBy(() -> attempt(username, PASSWORD, address))
                    .isNotInstanceOf(LoginThrottledException.class);
        }
        assertThatThrownBy(() -> attempt(username, PASSWORD, address))
                .isInstanceOf(LoginThrottledException.class);
    }

    @Test
    void successful_sign_in_clears_that_addresss_failures_on_the_account() {
        String username = account(AccountRole.INTERVIEWER);
        String address = Unique.address();
        for (int i = 0; i < LIMIT - 1; i++) {
            assertThatThrownBy(() -> attempt(username, WRONG, address)).isExactlyInstanceOf(BadCredentialsException.class);
        }
        assertThat(attempt(username, PASSWORD, address).getName()).isEqualTo(username);

        for (int i = 0; i < LIMIT - 1; i++) {
            assertThatThrownBy(() -> attempt(username, WRONG, address)).isExactlyInstanceOf(BadCredentialsException.class);
        }
        // 18 failures from this address in all, but only 9 since the success
        assertThat(attempt(username, PASSWORD, address).getName()).isEqualTo(username);
    }

    @Test
    void changing_case_or_adding_spaces_does_not_escape_the_pause() {
        String username = account(AccountRole.INTERVIEWER);
        String[] variants = {username.toUpperCase(), " " + username, username + " ", "\t" + username.toUpperCase()};
        String address = Unique.address();
        for (int i = 0; i < LIMIT; i++) {
            String variant = variants[i % variants.length];
            assertThatThrownBy(() -> attempt(variant, WRONG, address)).isExactlyInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> attempt(username, PASSWORD, address)).isInstanceOf(LoginThrottledException.class);
        assertThatThrownBy(() -> attempt(username.toUpperCase(), PASSWORD, address))
                .isInstanceOf(LoginThrottledException.class);
    }

    @Test
    void refused_attempts_while_paused_keep_the_pause() {
        String username = account(AccountRole.COACH);
        String address = Unique.address();
        for (int i = 0; i < LIMIT; i++) {
            assertThatThrownBy(() -> attempt(username, WRONG, address)).isExactlyInstanceOf(BadCredentialsException.class);
        }
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> attempt(username, PASSWORD, address)).isInstanceOf(LoginThrottledException.class);
        }
    }

    @Test
    void failures_older_than_the_window_do_not_count() {
        String username = account(AccountRole.COACH);
        String address = Unique.address();
        insertFailures(username, address, Duration.ofMinutes(16), LIMIT);

        assertThat(attempt(username, PASSWORD, address).getName()).isEqualTo(username);
    }

    @Test
    void failures_within_the_window_count() {
        String username = account(AccountRole.COACH);
        String address = Unique.address();
        insertFailures(username, address, Duration.ofMinutes(14), LIMIT);

        assertThatThrownBy(() -> attempt(username, PASSWORD, address)).isInstanceOf(LoginThrottledException.class);
    }

    @Test
    void admin_password_reset_lifts_the_pause_on_that_account() {
        // The login view tells a paused user to "wait 15 minutes and try again, or ask an admin to
        // reset your password": the reset must let them in at once.
        String username = account(AccountRole.INTERVIEWER);
        String address = Unique.address();
        for (int i = 0; i < LIMIT; i++) {
            assertThatThrownBy(() -> attempt(username, WRONG, address)).isExactlyInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> attempt(username, PASSWORD, address)).isInstanceOf(LoginThrottledException.class);

        TestUsers.signIn(Unique.username("boss"), AppRoles.ADMIN);
        long id = accountService.listAccounts().stream().filter(a -> a.username().equals(username))
                .findFirst().orElseThrow().id();
        accountService.resetPassword(id, "brand-new-password");
        TestUsers.signOut();

        assertThat(attempt(username, "brand-new-password", address).getName()).isEqualTo(username);
    }

    @Test
    void successful_sign_in_returns_the_account_with_its_role() {
        String username = account(AccountRole.COACH);

        Authentication result = attempt(username, PASSWORD, Unique.address());

        assertThat(result.isAuthenticated()).isTrue();
        assertThat(result.getPrincipal()).isInstanceOfSatisfying(AccountPrincipal.class, p -> {
            assertThat(p.getUsername()).isEqualTo(username);
            assertThat(p.role()).isEqualTo(AccountRole.COACH);
            assertThat(p.displayName()).isEqualTo("Person " + username);
        });
        assertThat(result.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .filteredOn(a -> a.startsWith("ROLE_")).containsExactly("ROLE_COACH");
    }

    @Test
    void authentication_manager_uses_the_throttle_and_keeps_neither_password_nor_hash() throws Exception {
        AuthenticationManager manager = authenticationConfiguration.getAuthenticationManager();
        String username = account(AccountRole.INTERVIEWER);

        Authentication result = manager.authenticate(token(username, PASSWORD, Unique.address()));

        assertThat(result.getName()).isEqualTo(username);
        assertThat(result.getCredentials()).isNull();
        assertThat(result.getPrincipal()).isInstanceOfSatisfying(AccountPrincipal.class,
                p -> assertThat(p.getPassword()).isNull());

        // the manager has no other, unthrottled way in
        String address = Unique.address();
        for (int i = 0; i < LIMIT; i++) {
            assertThatThrownBy(() -> manager.authenticate(token(username, WRONG, address)))
                    .isExactlyInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> manager.authenticate(token(username, PASSWORD, address)))
                .isInstanceOf(LoginThrottledException.class);
    }

    // --- helpers ---

    private String account(AccountRole role) {
        String username = Unique.username(role.name().toLowerCase());
        TestUsers.signIn(Unique.username("setup"), AppRoles.ADMIN);
        try {
            accountService.createAccount(new NewAccount(username, "Person " + username, role, PASSWORD));
        } finally {
            TestUsers.signOut();
        }
        return username;
    }

    private Authentication attempt(String username, String password, String address) {
        return authenticationProvider.authenticate(token(username, password, address));
    }

    private static Authentication token(String username, String password, String address) {
        var token = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        token.setDetails(new WebAuthenticationDetails(address, null));
        return token;
    }

    /** Counters as the throttle keeps them: the pair, the address and the account, all started {@code ago}. */
    private void insertFailures(String username, String address, Duration ago, int count) {
        var at = Instant.now().minus(ago).atOffset(ZoneOffset.UTC);
        for (String[] key : new String[][] {{"pair", username, address}, {"address", "", address}, {"account", username, ""}}) {
            jdbc.sql("insert into login_throttle (scope, account, address, window_start, failures) values (?, ?, ?, ?, ?)")
                    .params(key[0], key[1], key[2], at, count).update();
        }
    }
}
