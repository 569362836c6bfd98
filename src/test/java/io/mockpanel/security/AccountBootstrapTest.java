package io.mockpanel.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestUsers;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.transaction.annotation.Transactional;

/**
 * The start-up accounts. The bootstrap runs here on the shared context's real beans with
 * properties of each test's own; every test is rolled back, so the accounts it makes (the demo
 * ones included) never reach other tests.
 */
@IntegrationTest
@Transactional
class AccountBootstrapTest {

    private static final String ADMIN_PASSWORD = "initial-admin-password";

    @Autowired
    AccountService accountService;

    @Autowired
    UserAccountRepository repository;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    AuthenticationProvider authenticationProvider;

    @Autowired
    DemoMode demoMode;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void nobodySignedIn() {
        // at start-up there is no signed-in user: the bootstrap must work without one
        TestUsers.signOut();
    }

    @Test
    void demo_accounts_are_not_created_in_tests() {
        assertThat(demoMode.active()).isFalse();
        for (NewAccount demo : AccountBootstrap.DEMO_ACCOUNTS) {
            assertThat(repository.findByUsername(demo.username())
                    .filter(a -> passwordEncoder.matches(AccountBootstrap.DEMO_PASSWORD, a.passwordHash())))
                    .as("demo account %s with the demo password", demo.username())
                    .isEmpty();
        }
    }

    @Test
    void initial_admin_is_created_with_the_given_password() {
        String username = Unique.username("root");

        bootstrap(username, ADMIN_PASSWORD, false);

        UserAccount admin = repository.findByUsername(username).orElseThrow();
        assertThat(admin.role()).isEqualTo(AccountRole.ADMIN);
        assertThat(admin.enabled()).isTrue();
        assertThat(admin.displayName()).isEqualTo("Administrator");
        assertThat(signIn(username, ADMIN_PASSWORD).getName()).isEqualTo(username);
    }

    @Test
    void initial_admin_username_is_normalised() {
        String username = Unique.username("root");

        bootstrap("  " + username.toUpperCase() + " ", ADMIN_PASSWORD, false);

        assertThat(repository.findByUsername(username)).isPresent();
        // a second start with the name written differently finds the same account
        long count = repository.count();
        bootstrap(username.toUpperCase(), "another-admin-password", false);
        assertThat(repository.count()).isEqualTo(count);
    }

    @Test
    void existing_admin_keeps_its_password_on_the_next_start() {
        String username = Unique.username("root");
        bootstrap(username, ADMIN_PASSWORD, false);
        String hash = repository.findByUsername(username).orElseThrow().passwordHash();

        bootstrap(username, "changed-in-the-environment", false);
        // an existing account needs no password at all
        bootstrap(username, null, false);

        assertThat(repository.findByUsername(username).orElseThrow().passwordHash()).isEqualTo(hash);
        assertThat(signIn(username, ADMIN_PASSWORD).getName()).isEqualTo(username);
        assertThatThrownBy(() -> signIn(username, "changed-in-the-environment"))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void existing_account_of_another_role_is_left_alone() {
        String username = Unique.username("taken");
        accountService.create(new NewAccount(username, "Already Here", AccountRole.COACH, "coach-password-1"));

        bootstrap(username, ADMIN_PASSWORD, false);

        UserAccount account = repository.findByUsername(username).orElseThrow();
        assertThat(account.role()).isEqualTo(AccountRole.COACH);
        assertThat(account.displayName()).isEqualTo("Already Here");
    }

    @Test
    void no_admin_username_creates_nothing() {
        long count = repository.count();

        bootstrap(null, ADMIN_PASSWORD, false);
        bootstrap("   ", ADMIN_PASSWORD, false);

        assertThat(repository.count()).isEqualTo(count);
    }

    @Test
    void admin_username_without_password_stops_start_up() {
        String username = Unique.username("root");

        for (String missing : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> bootstrap(username, missing, false))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("MOCKPANEL_ADMIN_USERNAME is set but MOCKPANEL_ADMIN_PASSWORD is not")
                    .hasMessageContaining(PasswordPolicy.requirements());
        }
        assertThat(repository.existsByUsername(username)).isFalse();
    }

    @Test
    void admin_password_against_the_policy_stops_start_up() {
        String username = Unique.username("root");
        long count = repository.count();

        assertThatThrownBy(() -> bootstrap(username, "short", false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MOCKPANEL_ADMIN_PASSWORD")
                .hasMessageContaining("The password has 5 characters; it needs at least 12.")
                .cause().isInstanceOf(AccountException.class);
        assertThatThrownBy(() -> bootstrap(username, "é".repeat(40), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MOCKPANEL_ADMIN_PASSWORD")
                .hasMessageContaining("80 bytes");

        assertThat(repository.existsByUsername(username)).isFalse();
        assertThat(repository.count()).isEqualTo(count);
    }

    @Test
    void invalid_admin_username_stops_start_up() {
        assertThatThrownBy(() -> bootstrap("admin with spaces", ADMIN_PASSWORD, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MOCKPANEL_ADMIN_USERNAME")
                .hasMessageContaining("3 to 40 characters");
    }

    @Test
    void demo_mode_creates_the_demo_accounts_and_keeps_existing_ones() {
        // whatever other tests left: an account under a demo name must not be touched
        if (!repository.existsByUsername("interviewer2")) {
            accountService.create(new NewAccount("interviewer2", "Not A Demo", AccountRole.COACH, "own-password-123"));
        }
        Map<String, String> hashesBefore = new HashMap<>();
        for (NewAccount demo : AccountBootstrap.DEMO_ACCOUNTS) {
            repository.findByUsername(demo.username()).ifPresent(a -> hashesBefore.put(demo.username(), a.passwordHash()));
        }

        bootstrap(null, null, true);

        for (NewAccount demo : AccountBootstrap.DEMO_ACCOUNTS) {
            UserAccount account = repository.findByUsername(demo.username()).orElseThrow();
            if (hashesBefore.containsKey(demo.username())) {
                assertThat(account.passwordHash()).as(demo.username()).isEqualTo(hashesBefore.get(demo.username()));
            } else {
                assertThat(account.role()).as(demo.username()).isEqualTo(demo.role());
                assertThat(account.displayName()).isEqualTo(demo.displayName());
                assertThat(passwordEncoder.matches(AccountBootstrap.DEMO_PASSWORD, account.passwordHash()))
                        .as(demo.username()).isTrue();
            }
        }
        assertThat(hashesBefore).containsKey("interviewer2");
        // a second start changes nothing
        long count = repository.count();
        bootstrap(null, null, true);
        assertThat(repository.count()).isEqualTo(count);
    }

    @Test
    void demo_accounts_password_meets_the_policy() {
        assertThat(PasswordPolicy.problemWith(AccountBootstrap.DEMO_PASSWORD)).isEmpty();
    }

    private void bootstrap(String adminUsername, String adminPassword, boolean demo) {
        var properties = new AccountsProperties(new AccountsProperties.Admin(adminUsername, adminPassword), demo);
        new AccountBootstrap(accountService, repository, properties, new DemoMode(demo), jdbc)
                .run(new DefaultApplicationArguments());
    }

    private Authentication signIn(String username, String password) {
        var token = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        token.setDetails(new WebAuthenticationDetails(Unique.address(), null));
        return authenticationProvider.authenticate(token);
    }
}
