package io.mockpanel.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.mockpanel.security.AccountException.Field;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestUsers;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.transaction.annotation.Transactional;

@IntegrationTest
class AccountServiceTest {

    private static final String PASSWORD = "first-password-1";

    @Autowired
    AccountService accountService;

    @Autowired
    UserAccountRepository repository;

    @Autowired
    AuthenticationProvider authenticationProvider;

    private final String admin = Unique.username("boss");

    @BeforeEach
    void signInAsAdmin() {
        TestUsers.signIn(admin, AppRoles.ADMIN);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    // --- creating and listing ---

    @Test
    void created_account_is_listed_with_its_name_role_and_enabled() {
        String username = Unique.username("dana");
        Instant before = Instant.now().minusSeconds(1);

        Account created = accountService.createAccount(
                new NewAccount(username, "Dana Lead", AccountRole.INTERVIEWER, PASSWORD));

        assertThat(created.username()).isEqualTo(username);
        assertThat(accountService.listAccounts()).filteredOn(a -> a.username().equals(username))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.id()).isEqualTo(created.id());
                    assertThat(a.displayName()).isEqualTo("Dana Lead");
                    assertThat(a.role()).isEqualTo(AccountRole.INTERVIEWER);
                    assertThat(a.enabled()).isTrue();
                    assertThat(a.createdAt()).isAfter(before);
                });
    }

    @Test
    void accounts_are_listed_by_username() {
        String suffix = Unique.suffix();
        accountService.createAccount(new NewAccount("zz-" + suffix, "Zed", AccountRole.COACH, PASSWORD));
        accountService.createAccount(new NewAccount("aa-" + suffix, "Ann", AccountRole.COACH, PASSWORD));

        List<String> names = accountService.listAccounts().stream().map(Account::username).toList();

        assertThat(names).isSorted().contains("aa-" + suffix, "zz-" + suffix);
    }

    @Test
    void new_account_stores_a_hash_not_the_password() {
        String username = Unique.username("hash");
        accountService.createAccount(new NewAccount(username, "Hash", AccountRole.COACH, PASSWORD));

        String hash = repository.findByUsername(username).orElseThrow().passwordHash();

        assertThat(hash).doesNotContain(PASSWORD).startsWith("{bcrypt}");
    }

    @Test
    void username_is_trimmed_and_lowercased() {
        String suffix = Unique.suffix();

        Account created = accountService.createAccount(
                new NewAccount("  MiXeD.Case-" + suffix.toUpperCase() + "\t", "Mixed", AccountRole.COACH, PASSWORD));

        assertThat(created.username()).isEqualTo("mixed.case-" + suffix);
        assertThat(repository.existsByUsername("mixed.case-" + suffix)).isTrue();
        // the sign-in name is normalised the same way
        assertThat(signIn(" MIXED.CASE-" + suffix.toUpperCase(), PASSWORD).getName()).isEqualTo("mixed.case-" + suffix);
    }

    @Test
    void shortest_and_longest_usernames_are_accepted() {
        String suffix = Unique.suffix();
        String shortest = ("a" + suffix).substring(0, 3);
        String longest = ("long-" + suffix + "x".repeat(40)).substring(0, 40);

        // the three-character name is random too; skip it in the unlikely case it is already there
        if (!repository.existsByUsername(shortest)) {
            assertThat(accountService.createAccount(new NewAccount(shortest, "S", AccountRole.COACH, PASSWORD))
                    .username()).isEqualTo(shortest);
        }
        assertThat(accountService.createAccount(new NewAccount(longest, "L", AccountRole.COACH, PASSWORD))
                .username()).isEqualTo(longest);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "ab", "has space", "bad/char", "semi;colon", "-leading-dash", ".leading-dot",
            "ümlaut-user", "quote'd", "a123456789a123456789a123456789a123456789x"})
    void invalid_username_is_refused_and_nothing_is_saved(String username) {
        long before = repository.count();

        AccountException e = refusal(() -> accountService.createAccount(
                new NewAccount(username, "Someone", AccountRole.COACH, PASSWORD)));

        assertThat(e.field()).isEqualTo(Field.USERNAME);
        assertThat(e.getMessage()).contains("3 to 40 characters");
        assertThat(repository.count()).isEqualTo(before);
    }

    @Test
    void duplicate_username_is_refused_even_in_other_case_or_with_spaces() {
        String username = Unique.username("twin");
        accountService.createAccount(new NewAccount(username, "First", AccountRole.COACH, PASSWORD));
        long before = repository.count();

        for (String again : List.of(username, username.toUpperCase(), "  " + username + " ")) {
            AccountException e = refusal(() -> accountService.createAccount(
                    new NewAccount(again, "Second", AccountRole.ADMIN, "other-password-2")));
            assertThat(e.field()).isEqualTo(Field.USERNAME);
            assertThat(e.getMessage()).isEqualTo("The username '" + username + "' is already taken.");
        }

        assertThat(repository.count()).isEqualTo(before);
        assertThat(repository.findByUsername(username).orElseThrow().displayName()).isEqualTo("First");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "Tab\tin name", "Line\nbreak"})
    void invalid_display_name_is_refused(String displayName) {
        String username = Unique.username("named");

        AccountException e = refusal(() -> accountService.createAccount(
                new NewAccount(username, displayName, AccountRole.COACH, PASSWORD)));

        assertThat(e.field()).isEqualTo(Field.DISPLAY_NAME);
        assertThat(repository.existsByUsername(username)).isFalse();
    }

    @Test
    void display_name_of_100_characters_is_accepted_and_101_refused() {
        String ok = Unique.username("hundred");
        assertThat(accountService.createAccount(new NewAccount(ok, "n".repeat(100), AccountRole.COACH, PASSWORD))
                .displayName()).hasSize(100);

        String tooLong = Unique.username("hundred");
        assertThat(refusal(() -> accountService.createAccount(
                new NewAccount(tooLong, "n".repeat(101), AccountRole.COACH, PASSWORD))).field())
                .isEqualTo(Field.DISPLAY_NAME);
        assertThat(repository.existsByUsername(tooLong)).isFalse();
    }

    @Test
    void display_name_counts_characters_not_utf16_units_so_sixty_emoji_are_accepted() {
        String username = Unique.username("emoji");
        String sixtyEmoji = "\uD83D\uDE00".repeat(60);

        assertThat(accountService.createAccount(new NewAccount(username, sixtyEmoji, AccountRole.COACH, PASSWORD))
                .displayName()).isEqualTo(sixtyEmoji);
        assertThat(repository.findByUsername(username).orElseThrow().displayName()).isEqualTo(sixtyEmoji);

        String tooMany = Unique.username("emoji");
        AccountException e = refusal(() -> accountService.createAccount(
                new NewAccount(tooMany, "\uD83D\uDE00".repeat(101), AccountRole.COACH, PASSWORD)));
        assertThat(e.getMessage()).contains("101 characters").contains("at most 100");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mallory \u202Egnp.exe", "Left\u200Eright", "Isolate \u2066x\u2069", "Arabic mark \u061C"})
    void display_name_with_a_bidi_control_is_refused_with_a_message_that_says_why(String displayName) {
        String username = Unique.username("bidi");

        AccountException e = refusal(() -> accountService.createAccount(
                new NewAccount(username, displayName, AccountRole.COACH, PASSWORD)));

        assertThat(e.field()).isEqualTo(Field.DISPLAY_NAME);
        assertThat(e.getMessage()).contains("text-direction character");
        assertThat(repository.existsByUsername(username)).isFalse();
    }

    @Test
    void right_to_left_letters_themselves_are_a_fine_name() {
        String username = Unique.username("rtl");
        assertThat(accountService.createAccount(new NewAccount(username, "\u05D3\u05E0\u05D4 \u05DB\u05D4\u05DF",
                AccountRole.COACH, PASSWORD)).displayName()).isEqualTo("\u05D3\u05E0\u05D4 \u05DB\u05D4\u05DF");
    }

    // --- password rules ---

    @Test
    void password_of_11_characters_is_refused_and_nothing_is_saved() {
        assertPasswordRefused("a".repeat(11), "at least 12");
    }

    @Test
    void password_of_65_characters_is_refused_and_nothing_is_saved() {
        assertPasswordRefused("a".repeat(65), "at most 64");
    }

    @Test
    void multi_byte_password_over_72_bytes_is_refused_with_a_message_about_bytes() {
        assertPasswordRefused("é".repeat(40), "80 bytes");
        assertPasswordRefused("€".repeat(30), "90 bytes");
    }

    @Test
    void blank_password_is_refused() {
        assertPasswordRefused(" ".repeat(16), "only spaces");
    }

    @Test
    void password_of_12_characters_is_accepted_and_signs_in() {
        String username = Unique.username("twelve");
        accountService.createAccount(new NewAccount(username, "Twelve", AccountRole.COACH, "b".repeat(12)));

        assertThat(signIn(username, "b".repeat(12)).isAuthenticated()).isTrue();
    }

    @Test
    void password_of_64_characters_is_accepted_and_all_of_it_counts() {
        String username = Unique.username("sixtyfour");
        String password = "c".repeat(63) + "d";
        accountService.createAccount(new NewAccount(username, "Long", AccountRole.COACH, password));

        assertThat(signIn(username, password).isAuthenticated()).isTrue();
        // differs only in the 64th character: must not sign in
        assertThatThrownBy(() -> signIn(username, "c".repeat(64))).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void multi_byte_password_of_72_bytes_is_accepted_and_signs_in() {
        String username = Unique.username("accent");
        String password = "é".repeat(36);
        accountService.createAccount(new NewAccount(username, "Accent", AccountRole.COACH, password));

        assertThat(signIn(username, password).isAuthenticated()).isTrue();
    }

    private void assertPasswordRefused(String password, String messagePart) {
        String username = Unique.username("weak");
        long before = repository.count();

        AccountException e = refusal(() -> accountService.createAccount(
                new NewAccount(username, "Weak", AccountRole.COACH, password)));

        assertThat(e.field()).isEqualTo(Field.PASSWORD);
        assertThat(e.getMessage()).contains(messagePart);
        assertThat(repository.existsByUsername(username)).isFalse();
        assertThat(repository.count()).isEqualTo(before);
    }

    // --- reset password ---

    @Test
    void reset_password_replaces_the_old_one() {
        String username = Unique.username("forgetful");
        Account account = accountService.createAccount(new NewAccount(username, "F", AccountRole.COACH, PASSWORD));
        String oldHash = repository.findByUsername(username).orElseThrow().passwordHash();

        accountService.resetPassword(account.id(), "second-password-2");

        assertThat(repository.findByUsername(username).orElseThrow().passwordHash()).isNotEqualTo(oldHash);
        assertThat(signIn(username, "second-password-2").getName()).isEqualTo(username);
        assertThatThrownBy(() -> signIn(username, PASSWORD)).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void reset_password_with_a_weak_password_is_refused_and_keeps_the_old_one() {
        String username = Unique.username("keeper");
        Account account = accountService.createAccount(new NewAccount(username, "K", AccountRole.COACH, PASSWORD));

        AccountException e = refusal(() -> accountService.resetPassword(account.id(), "short"));

        assertThat(e.field()).isEqualTo(Field.PASSWORD);
        assertThat(e.getMessage()).contains("at least 12");
        assertThat(signIn(username, PASSWORD).getName()).isEqualTo(username);
    }

    @Test
    void changes_to_a_missing_account_are_refused() {
        long missing = Long.MAX_VALUE;

        assertThat(refusal(() -> accountService.resetPassword(missing, "whatever-password")).field())
                .isEqualTo(Field.ACCOUNT);
        assertThat(refusal(() -> accountService.setEnabled(missing, false)).getMessage())
                .isEqualTo("That account no longer exists.");
    }

    // --- enable / disable ---

    @Test
    void disabled_account_cannot_sign_in_and_re_enabled_account_can() {
        String username = Unique.username("sleeper");
        Account account = accountService.createAccount(new NewAccount(username, "S", AccountRole.COACH, PASSWORD));

        assertThat(accountService.setEnabled(account.id(), false).enabled()).isFalse();
        assertThat(accountService.listAccounts()).filteredOn(a -> a.id() == account.id())
                .singleElement().extracting(Account::enabled).isEqualTo(false);
        assertThatThrownBy(() -> signIn(username, PASSWORD))
                .isInstanceOf(AuthenticationException.class)
                .isNotInstanceOf(LoginThrottledException.class);

        assertThat(accountService.setEnabled(account.id(), true).enabled()).isTrue();
        assertThat(signIn(username, PASSWORD).getName()).isEqualTo(username);
    }

    @Test
    void admin_cannot_disable_their_own_account() {
        String me = Unique.username("self");
        Account mine = accountService.createAccount(new NewAccount(me, "Me", AccountRole.ADMIN, PASSWORD));
        TestUsers.signIn(me, AppRoles.ADMIN);

        AccountException e = refusal(() -> accountService.setEnabled(mine.id(), false));

        assertThat(e.field()).isEqualTo(Field.ACCOUNT);
        assertThat(e.getMessage()).isEqualTo("You cannot disable your own account.");
        assertThat(repository.findById(mine.id()).orElseThrow().enabled()).isTrue();
    }

    @Test
    void admin_can_disable_another_admin_while_an_active_admin_remains() {
        // two new admins, so at least one other stays active whatever the database holds
        accountService.createAccount(new NewAccount(Unique.username("stays-admin"), "S", AccountRole.ADMIN, PASSWORD));
        String other = Unique.username("other-admin");
        Account account = accountService.createAccount(new NewAccount(other, "O", AccountRole.ADMIN, PASSWORD));

        assertThat(accountService.setEnabled(account.id(), false).enabled()).isFalse();
        assertThatThrownBy(() -> signIn(other, PASSWORD)).isInstanceOf(AuthenticationException.class);
    }

    /**
     * Other tests leave active admins behind, so this one makes the situation itself: inside a
     * transaction that is rolled back at the end, every other admin is disabled first.
     */
    @Test
    @Transactional
    void last_active_admin_cannot_be_disabled() {
        Account first = accountService.createAccount(
                new NewAccount(Unique.username("first-admin"), "First", AccountRole.ADMIN, PASSWORD));
        Account second = accountService.createAccount(
                new NewAccount(Unique.username("second-admin"), "Second", AccountRole.ADMIN, PASSWORD));
        repository.findAllOrderedByUsername().stream()
                .filter(a -> a.role() == AccountRole.ADMIN && a.enabled())
                .filter(a -> a.id() != first.id() && a.id() != second.id())
                .forEach(a -> {
                    a.setEnabled(false, Instant.now());
                    repository.update(a);
                });
        assertThat(repository.countEnabled(AccountRole.ADMIN)).isEqualTo(2);

        // two active admins: one of them may go
        assertThat(accountService.setEnabled(second.id(), false).enabled()).isFalse();

        AccountException e = refusal(() -> accountService.setEnabled(first.id(), false));
        assertThat(e.field()).isEqualTo(Field.ACCOUNT);
        assertThat(e.getMessage()).contains("last active admin");
        assertThat(repository.findById(first.id()).orElseThrow().enabled()).isTrue();

        // disabled admins do not count, but non-admins are never blocked by the rule
        Account coach = accountService.createAccount(
                new NewAccount(Unique.username("lone-coach"), "C", AccountRole.COACH, PASSWORD));
        assertThat(accountService.setEnabled(coach.id(), false).enabled()).isFalse();
        // and once another admin is active again, the first one may be disabled
        accountService.setEnabled(second.id(), true);
        assertThat(accountService.setEnabled(first.id(), false).enabled()).isFalse();
    }

    // --- people to invite onto a panel ---

    @Test
    void active_people_are_the_enabled_accounts_of_the_role_by_name() {
        String suffix = Unique.suffix();
        String zed = "zed-" + suffix;
        String amy = "amy-" + suffix;
        String gone = "gone-" + suffix;
        String other = "other-" + suffix;
        accountService.createAccount(new NewAccount(zed, "Zed " + suffix, AccountRole.COACH, PASSWORD));
        accountService.createAccount(new NewAccount(amy, "amy " + suffix, AccountRole.COACH, PASSWORD));
        Account disabled = accountService.createAccount(
                new NewAccount(gone, "Gone " + suffix, AccountRole.COACH, PASSWORD));
        accountService.setEnabled(disabled.id(), false);
        accountService.createAccount(new NewAccount(other, "Other " + suffix, AccountRole.INTERVIEWER, PASSWORD));
        TestUsers.signIn(Unique.username("lead"), AppRoles.INTERVIEWER);

        List<Person> coaches = accountService.activePeople(AccountRole.COACH);

        assertThat(coaches).extracting(Person::username).contains(zed, amy).doesNotContain(gone, other);
        assertThat(coaches).extracting(Person::displayName).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        assertThat(coaches).contains(new Person(amy, "amy " + suffix));
    }

    @Test
    void active_people_are_refused_to_coaches_and_without_sign_in() {
        TestUsers.signIn(Unique.username("coach"), AppRoles.COACH);
        assertThatThrownBy(() -> accountService.activePeople(AccountRole.COACH))
                .isInstanceOf(AccessDeniedException.class);

        TestUsers.signOut();
        assertThatThrownBy(() -> accountService.activePeople(AccountRole.COACH))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    // --- only admins ---

    @ParameterizedTest
    @ValueSource(strings = {AppRoles.INTERVIEWER, AppRoles.COACH, AppRoles.CANDIDATE})
    void every_account_operation_is_refused_to_non_admins(String role) {
        String username = Unique.username("target");
        Account target = accountService.createAccount(new NewAccount(username, "T", AccountRole.COACH, PASSWORD));
        String intruder = Unique.username("intruder");
        TestUsers.signIn(Unique.username("not-admin"), role);

        assertThatThrownBy(() -> accountService.listAccounts()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accountService.createAccount(
                new NewAccount(intruder, "I", AccountRole.ADMIN, PASSWORD))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accountService.setEnabled(target.id(), false))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accountService.resetPassword(target.id(), "hijacked-password"))
                .isInstanceOf(AccessDeniedException.class);

        assertNothingChanged(username, intruder);
    }

    @Test
    void every_account_operation_is_refused_without_sign_in() {
        String username = Unique.username("target");
        Account target = accountService.createAccount(new NewAccount(username, "T", AccountRole.COACH, PASSWORD));
        String intruder = Unique.username("intruder");
        TestUsers.signOut();

        assertThatThrownBy(() -> accountService.listAccounts())
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> accountService.createAccount(
                new NewAccount(intruder, "I", AccountRole.ADMIN, PASSWORD)))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> accountService.setEnabled(target.id(), false))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> accountService.resetPassword(target.id(), "hijacked-password"))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);

        assertNothingChanged(username, intruder);
    }

    private void assertNothingChanged(String target, String intruder) {
        assertThat(repository.existsByUsername(intruder)).isFalse();
        assertThat(repository.findByUsername(target).orElseThrow().enabled()).isTrue();
        assertThat(signIn(target, PASSWORD).getName()).isEqualTo(target);
    }

    // --- helpers ---

    private static AccountException refusal(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(AccountException.class);
        return (AccountException) thrown;
    }

    /** Signs in through the application's one AuthenticationProvider, from an address of this test's own. */
    private Authentication signIn(String username, String password) {
        var token = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        token.setDetails(new WebAuthenticationDetails(Unique.address(), null));
        return authenticationProvider.authenticate(token);
    }
}
