package io.mockpanel.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import io.mockpanel.security.Account;
import io.mockpanel.security.AccountRole;
import io.mockpanel.security.AccountService;
import io.mockpanel.security.AppRoles;
import io.mockpanel.security.NewAccount;
import io.mockpanel.security.Unique;
import io.mockpanel.support.KaribuTest;
import io.mockpanel.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Where accounts' e-mail addresses are set: the admin's Accounts screen and everyone's own account page. */
class AccountEmailViewTest extends KaribuTest {

    private static final String PASSWORD = "view-test-password";

    @Autowired
    AccountService accountService;

    private final String suffix = Unique.suffix();

    @Test
    void the_admin_gives_a_new_account_an_address_and_a_bad_one_marks_the_field_and_creates_nothing() {
        login(Unique.username("boss"), AppRoles.ADMIN);
        AccountsView view = openAccounts();
        String username = Unique.username("mailed");

        _click(_get(Button.class, spec -> spec.withId("new-account")));
        CreateAccountDialog dialog = _get(CreateAccountDialog.class);
        dialog.username.setValue(username);
        dialog.displayName.setValue("Mia Mailed");
        dialog.password.setValue(PASSWORD);
        dialog.email.setValue("mia@nowhere");
        _click(dialog.create);

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.email.isInvalid()).isTrue();
        assertThat(dialog.email.getErrorMessage()).contains("domain name");
        assertThat(accountService.listAccounts()).extracting(Account::username).doesNotContain(username);

        dialog.email.setValue("mia." + suffix + "@example.org");
        _click(dialog.create);
        assertThat(dialog.isOpened()).isFalse();
        assertThat(item(view, username).email()).isEqualTo("mia." + suffix + "@example.org");
        assertThat(GridKt._getFormattedRow(view.grid, item(view, username))).contains("mia." + suffix + "@example.org");
    }

    @Test
    void the_admin_changes_an_address_on_the_accounts_screen_and_a_taken_one_is_refused_on_the_field() {
        login(Unique.username("boss"), AppRoles.ADMIN);
        String taken = "taken." + suffix + "@example.org";
        accountService.createAccount(new NewAccount(Unique.username("holder"), "Holder", AccountRole.COACH, PASSWORD,
                taken));
        String username = Unique.username("change");
        accountService.createAccount(new NewAccount(username, "Chris Change", AccountRole.COACH, PASSWORD));
        AccountsView view = openAccounts();

        _click(actionButton(view, username, "E-mail"));
        EmailDialog dialog = _get(EmailDialog.class);
        assertThat(dialog.email.getValue()).isEmpty();
        dialog.email.setValue(taken.toUpperCase());
        _click(dialog.save);

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.email.isInvalid()).isTrue();
        assertThat(dialog.email.getErrorMessage()).contains("another account");
        assertThat(item(view, username).email()).isNull();

        dialog.email.setValue("chris." + suffix + "@example.org");
        _click(dialog.save);
        assertThat(dialog.isOpened()).isFalse();
        assertThat(item(view, username).email()).isEqualTo("chris." + suffix + "@example.org");

        _click(actionButton(view, username, "E-mail"));
        EmailDialog again = _get(EmailDialog.class);
        assertThat(again.email.getValue()).isEqualTo("chris." + suffix + "@example.org");
        again.email.setValue("");
        _click(again.save);
        assertThat(item(view, username).email()).as("cleared").isNull();
    }

    @Test
    void a_signed_in_person_sets_and_clears_their_own_address_on_their_account_page() {
        String username = Unique.username("own");
        TestUsers.signIn("setup-admin", AppRoles.ADMIN);
        accountService.createAccount(new NewAccount(username, "Olga Own", AccountRole.INTERVIEWER, PASSWORD));
        login(username, AppRoles.INTERVIEWER);

        UI.getCurrent().navigate("account/password");
        OwnEmailForm form = _get(OwnEmailForm.class);
        assertThat(form.email.getValue()).isEmpty();

        form.email.setValue("olga@");
        _click(form.save);
        assertThat(form.email.isInvalid()).isTrue();
        assertThat(form.email.getErrorMessage()).contains("name@example.org");
        assertThat(accountService.ownEmail()).isEmpty();

        form.email.setValue("Olga." + suffix + "@Example.org");
        _click(form.save);
        assertThat(form.email.isInvalid()).isFalse();
        assertThat(form.email.getValue()).as("as stored").isEqualTo("Olga." + suffix + "@example.org");
        assertThat(accountService.ownEmail()).contains("Olga." + suffix + "@example.org");

        UI.getCurrent().navigate("account/password");
        OwnEmailForm reopened = _get(OwnEmailForm.class);
        assertThat(reopened.email.getValue()).isEqualTo("Olga." + suffix + "@example.org");
        reopened.email.setValue("");
        _click(reopened.save);
        assertThat(accountService.ownEmail()).isEmpty();
        assertThat(_get(Button.class, spec -> spec.withText("Change password"))).as("the password form stays")
                .isNotNull();
    }

    private static AccountsView openAccounts() {
        UI.getCurrent().navigate("admin/accounts");
        return (AccountsView) UI.getCurrent().getCurrentView();
    }

    private static Account item(AccountsView view, String username) {
        return GridKt._findAll(view.grid).stream().filter(a -> a.username().equals(username))
                .findFirst().orElseThrow(() -> new AssertionError(username + " is not in the grid"));
    }

    @SuppressWarnings("unchecked")
    private static Button actionButton(AccountsView view, String username, String text) {
        var renderer = (ComponentRenderer<HorizontalLayout, Account>) GridKt._getColumnByHeader(view.grid, "Actions")
                .getRenderer();
        return _get(renderer.createComponent(item(view, username)), Button.class, spec -> spec.withText(text));
    }
}
