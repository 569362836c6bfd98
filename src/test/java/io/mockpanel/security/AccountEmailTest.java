package io.mockpanel.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/** Accounts' own e-mail addresses (decision 0040): optional, checked, unique in any case, nothing half-saved. */
@IntegrationTest
class AccountEmailTest {

    private static final String PASSWORD = "email-test-password";

    @Autowired
    AccountService accountService;

    private final String suffix = Unique.suffix();

    @BeforeEach
    void signInAsAdmin() {
        TestUsers.signIn(Unique.username("boss"), AppRoles.ADMIN);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private Account create(String prefix, String email) {
        return accountService.createAccount(new NewAccount(Unique.username(prefix), "Eve Email",
                AccountRole.INTERVIEWER, PASSWORD, email));
    }

    private Account listed(long id) {
        return accountService.listAccounts().stream().filter(a -> a.id() == id).findFirst().orElseThrow();
    }

    @Test
    void an_address_given_at_creation_is_kept_with_its_domain_in_lower_case_and_blank_means_none() {
        Account with = create("mail", "  Eve." + suffix + "@Example.ORG ");
        Account without = create("nomail", "   ");

        assertThat(listed(with.id()).email()).isEqualTo("Eve." + suffix + "@example.org");
        assertThat(listed(without.id()).email()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"eve", "eve@", "eve@localhost", "Eve <eve@example.org>", "eve@exa mple.org",
            "eve@example.org\r\nBcc: all@example.org", "eve@[127.0.0.1]"})
    void a_bad_address_creates_no_account_and_says_what_is_wrong(String bad) {
        String username = Unique.username("bad");

        assertThatThrownBy(() -> accountService.createAccount(new NewAccount(username, "Bad", AccountRole.COACH,
                PASSWORD, bad)))
                .isInstanceOfSatisfying(AccountException.class, e -> {
                    assertThat(e.field()).isEqualTo(AccountException.Field.EMAIL);
                    assertThat(e.getMessage()).containsAnyOf("e-mail address", "domain name", "name@example.org");
                });
        assertThat(accountService.listAccounts()).extracting(Account::username).doesNotContain(username);
    }

    @Test
    void an_address_longer_than_254_characters_is_refused() {
        String tooLong = "a".repeat(60) + "@" + "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(60) + "."
                + "e".repeat(20) + ".org";

        assertThatThrownBy(() -> create("long", tooLong)).isInstanceOf(AccountException.class)
                .hasMessageContaining("254");
    }

    @Test
    void an_address_another_account_has_in_any_case_is_refused_at_creation_and_on_change() {
        String address = "dup." + suffix + "@example.org";
        Account first = create("first", address);
        Account second = create("second", "other." + suffix + "@example.org");
        String username = Unique.username("third");

        assertThatThrownBy(() -> accountService.createAccount(new NewAccount(username, "Third", AccountRole.COACH,
                PASSWORD, address.toUpperCase())))
                .isInstanceOfSatisfying(AccountException.class,
                        e -> assertThat(e.field()).isEqualTo(AccountException.Field.EMAIL))
                .hasMessageContaining("another account");
        assertThat(accountService.listAccounts()).extracting(Account::username).doesNotContain(username);

        assertThatThrownBy(() -> accountService.changeEmail(second.id(), "DUP." + suffix + "@example.org"))
                .isInstanceOf(AccountException.class).hasMessageContaining("another account");
        assertThat(listed(second.id()).email()).as("unchanged").isEqualTo("other." + suffix + "@example.org");
        assertThat(accountService.changeEmail(first.id(), "Dup." + suffix + "@example.org").email())
                .as("an account may change the case of its own address").isEqualTo("Dup." + suffix + "@example.org");
    }

    @Test
    void the_admin_changes_and_clears_an_address_and_a_bad_one_changes_nothing() {
        Account account = create("change", "before." + suffix + "@example.org");

        accountService.changeEmail(account.id(), "after." + suffix + "@example.org");
        assertThat(listed(account.id()).email()).isEqualTo("after." + suffix + "@example.org");

        assertThatThrownBy(() -> accountService.changeEmail(account.id(), "not an address"))
                .isInstanceOf(AccountException.class);
        assertThat(listed(account.id()).email()).isEqualTo("after." + suffix + "@example.org");

        accountService.changeEmail(account.id(), "");
        assertThat(listed(account.id()).email()).isNull();
    }

    @Test
    void everyone_signed_in_sets_and_clears_their_own_address_but_only_an_admin_sets_others() {
        Account other = create("other", null);
        String me = Unique.username("self");
        accountService.createAccount(new NewAccount(me, "Sam Self", AccountRole.COACH, PASSWORD));
        TestUsers.signIn(me, AppRoles.COACH);

        assertThat(accountService.ownEmail()).isEmpty();
        assertThat(accountService.changeOwnEmail("sam." + suffix + "@example.org")).contains("sam." + suffix
                + "@example.org");
        assertThat(accountService.ownEmail()).contains("sam." + suffix + "@example.org");
        assertThatThrownBy(() -> accountService.changeOwnEmail("sam@@example.org"))
                .isInstanceOf(AccountException.class);
        assertThat(accountService.ownEmail()).contains("sam." + suffix + "@example.org");
        assertThat(accountService.changeOwnEmail(" ")).isEmpty();
        assertThat(accountService.ownEmail()).isEmpty();

        assertThatThrownBy(() -> accountService.changeEmail(other.id(), "x." + suffix + "@example.org"))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        TestUsers.signOut();
        assertThatThrownBy(() -> accountService.changeOwnEmail("y@example.org"))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }
}
