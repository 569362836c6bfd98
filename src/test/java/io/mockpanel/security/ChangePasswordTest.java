package io.mockpanel.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.PasswordField;
import io.mockpanel.support.KaribuTest;
import io.mockpanel.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

class ChangePasswordTest extends KaribuTest {

    private static final String OLD = "original-password-1";
    private static final String NEW = "replacement-password-2";

    @Autowired
    AccountService accountService;

    @Autowired
    AuthenticationProvider authenticationProvider;

    private String username;
    private final String address = Unique.address();

    /** Sign-in attempts from an address of this test's own, so no other test's throttling counts. */
    private UsernamePasswordAuthenticationToken attempt(String password) {
        var token = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        token.setDetails(new org.springframework.security.web.authentication.WebAuthenticationDetails(address, null));
        return token;
    }

    @BeforeEach
    void createAccount() {
        username = Unique.username("pw");
        TestUsers.signIn("setup-admin", AppRoles.ADMIN);
        accountService.createAccount(new NewAccount(username, "Pat Password", AccountRole.COACH, OLD));
        TestUsers.signOut();
    }

    @Test
    void owner_changes_password_and_only_the_new_one_signs_in() {
        TestUsers.signIn(username, AppRoles.COACH);
        accountService.changeOwnPassword(OLD, NEW);

        assertThat(authenticationProvider.authenticate(attempt(NEW)).isAuthenticated()).isTrue();
        assertThatThrownBy(() -> authenticationProvider.authenticate(
                attempt(OLD)))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void wrong_current_password_changes_nothing() {
        TestUsers.signIn(username, AppRoles.COACH);
        assertThatThrownBy(() -> accountService.changeOwnPassword("not-the-password", NEW))
                .isInstanceOfSatisfying(AccountException.class,
                        e -> assertThat(e.field()).isEqualTo(AccountException.Field.CURRENT_PASSWORD));
        assertThat(authenticationProvider.authenticate(attempt(OLD)).isAuthenticated()).isTrue();
    }

    @Test
    void new_password_must_meet_the_policy() {
        TestUsers.signIn(username, AppRoles.COACH);
        assertThatThrownBy(() -> accountService.changeOwnPassword(OLD, "short"))
                .isInstanceOfSatisfying(AccountException.class,
                        e -> assertThat(e.field()).isEqualTo(AccountException.Field.PASSWORD));
    }

    @Test
    void anonymous_cannot_change_a_password() {
        TestUsers.signOut();
        assertThatThrownBy(() -> accountService.changeOwnPassword(OLD, NEW))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    // Karibu 2.6.2's _setValue calls a method Vaadin 25 removed, so fields are set directly.
    @Test
    void view_reports_mismatched_repetition_and_changes_nothing() {
        login(username, AppRoles.COACH);
        UI.getCurrent().navigate("account/password");
        _get(PasswordField.class, spec -> spec.withLabel("Current password")).setValue(OLD);
        _get(PasswordField.class, spec -> spec.withLabel("New password")).setValue(NEW);
        _get(PasswordField.class, spec -> spec.withLabel("New password again")).setValue(NEW + "x");
        _click(_get(Button.class, spec -> spec.withText("Change password")));

        var repeat = _get(PasswordField.class, spec -> spec.withLabel("New password again"));
        assertThat(repeat.isInvalid()).isTrue();
        assertThat(repeat.getErrorMessage()).contains("differ");
        assertThat(authenticationProvider.authenticate(attempt(OLD)).isAuthenticated()).isTrue();
    }

    @Test
    void view_changes_the_password() {
        login(username, AppRoles.COACH);
        UI.getCurrent().navigate("account/password");
        _get(PasswordField.class, spec -> spec.withLabel("Current password")).setValue(OLD);
        _get(PasswordField.class, spec -> spec.withLabel("New password")).setValue(NEW);
        _get(PasswordField.class, spec -> spec.withLabel("New password again")).setValue(NEW);
        _click(_get(Button.class, spec -> spec.withText("Change password")));

        assertThat(authenticationProvider.authenticate(attempt(NEW)).isAuthenticated()).isTrue();
        assertThat(_get(PasswordField.class, spec -> spec.withLabel("New password")).getValue()).isEmpty();
    }
}
