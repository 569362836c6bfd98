package io.mockpanel.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.RouteNotFoundError;
import io.mockpanel.security.Account;
import io.mockpanel.security.AccountRole;
import io.mockpanel.security.AccountService;
import io.mockpanel.security.AppRoles;
import io.mockpanel.security.NewAccount;
import io.mockpanel.security.PasswordPolicy;
import io.mockpanel.security.Unique;
import io.mockpanel.support.KaribuTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

// Karibu 2.6.2's _setValue calls a method Vaadin 25 removed, so fields are set directly.
class AccountsViewTest extends KaribuTest {

    private static final String PASSWORD = "view-test-password";

    @Autowired
    AccountService accountService;

    @Test
    void admin_sees_the_accounts_in_the_grid() {
        loginAsAdmin();
        String username = Unique.username("listed");
        accountService.createAccount(new NewAccount(username, "Listed Person", AccountRole.COACH, PASSWORD));

        AccountsView view = openAccounts();

        Account row = item(view, username);
        assertThat(row.displayName()).isEqualTo("Listed Person");
        assertThat(row.role()).isEqualTo(AccountRole.COACH);
        assertThat(GridKt._getFormattedRow(view.grid, row)).contains(username, "Listed Person", "Coach");
        assertThat(statusText(view, username)).isEqualTo("Active");
        assertThat(GridKt._size(view.grid)).isEqualTo(accountService.listAccounts().size());
    }

    @Test
    void account_created_through_the_dialog_appears_in_the_grid() {
        loginAsAdmin();
        AccountsView view = openAccounts();
        String username = Unique.username("fresh");

        _click(_get(Button.class, spec -> spec.withId("new-account")));
        CreateAccountDialog dialog = _get(CreateAccountDialog.class);
        dialog.username.setValue("  " + username.toUpperCase());
        dialog.displayName.setValue("Fresh Face");
        dialog.role.setValue(AccountRole.COACH);
        dialog.password.setValue(PASSWORD);
        _click(dialog.create);

        assertThat(dialog.isOpened()).isFalse();
        Account created = item(view, username);
        assertThat(created.role()).isEqualTo(AccountRole.COACH);
        assertThat(created.displayName()).isEqualTo("Fresh Face");
        assertThat(notificationTexts()).contains("Created " + username);
    }

    @Test
    void dialog_proposes_the_interviewer_role() {
        loginAsAdmin();
        openAccounts();

        _click(_get(Button.class, spec -> spec.withId("new-account")));

        assertThat(_get(CreateAccountDialog.class).role.getValue()).isEqualTo(AccountRole.INTERVIEWER);
    }

    @Test
    void invalid_password_in_the_dialog_marks_the_field_and_creates_nothing() {
        loginAsAdmin();
        AccountsView view = openAccounts();
        String username = Unique.username("weak");
        int before = GridKt._size(view.grid);

        _click(_get(Button.class, spec -> spec.withId("new-account")));
        CreateAccountDialog dialog = _get(CreateAccountDialog.class);
        dialog.username.setValue(username);
        dialog.displayName.setValue("Weak Password");
        dialog.password.setValue("too-short");
        _click(dialog.create);

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.password.isInvalid()).isTrue();
        assertThat(dialog.password.getErrorMessage()).isEqualTo(PasswordPolicy.problemWith("too-short").orElseThrow());
        assertThat(dialog.username.isInvalid()).isFalse();
        assertThat(accountService.listAccounts()).extracting(Account::username).doesNotContain(username);
        assertThat(GridKt._size(view.grid)).isEqualTo(before);

        // fixing the password and submitting again clears the mark and creates the account
        dialog.password.setValue(PASSWORD);
        _click(dialog.create);
        assertThat(dialog.password.isInvalid()).isFalse();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(item(view, username).displayName()).isEqualTo("Weak Password");
    }

    @Test
    void taken_username_in_the_dialog_marks_the_username_field() {
        loginAsAdmin();
        String username = Unique.username("taken");
        accountService.createAccount(new NewAccount(username, "First", AccountRole.COACH, PASSWORD));
        openAccounts();

        _click(_get(Button.class, spec -> spec.withId("new-account")));
        CreateAccountDialog dialog = _get(CreateAccountDialog.class);
        dialog.username.setValue(username);
        dialog.displayName.setValue("Second");
        dialog.password.setValue(PASSWORD);
        _click(dialog.create);

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.username.isInvalid()).isTrue();
        assertThat(dialog.username.getErrorMessage()).contains("already taken");
        assertThat(dialog.password.isInvalid()).isFalse();
    }

    @Test
    void disable_button_toggles_the_status() {
        loginAsAdmin();
        String username = Unique.username("toggle");
        accountService.createAccount(new NewAccount(username, "Toggle", AccountRole.INTERVIEWER, PASSWORD));
        AccountsView view = openAccounts();

        _click(actionButton(view, username, "Disable"));

        assertThat(item(view, username).enabled()).isFalse();
        assertThat(statusText(view, username)).isEqualTo("Disabled");
        assertThat(enabledInService(username)).isFalse();
        assertThat(notificationTexts()).contains("Disabled " + username);

        _click(actionButton(view, username, "Enable"));

        assertThat(item(view, username).enabled()).isTrue();
        assertThat(statusText(view, username)).isEqualTo("Active");
        assertThat(enabledInService(username)).isTrue();
    }

    @Test
    void on_a_phone_a_rows_three_actions_are_one_menu_button() {
        loginAsAdmin();
        String username = Unique.username("phone");
        accountService.createAccount(new NewAccount(username, "Phone", AccountRole.COACH, PASSWORD));
        AccountsView view = openAccounts();
        MockVaadin.clientRoundtrip(false); // the browser's own width first (Karibu's: wide), then a phone's
        view.fitWidth(390);
        HorizontalLayout actions = cell(view, username, "Actions");
        _assertNone(actions, Button.class);
        MenuBar menu = _get(actions, MenuBar.class);
        MenuItem open = menu.getItems().getFirst();
        assertThat(open.getAriaLabel()).contains("Actions for " + username);
        assertThat(open.getSubMenu().getItems()).extracting(MenuItem::getText)
                .containsExactly("Disable", "Reset password", "E-mail");
        ContextMenuKt._clickItemWithCaption(menu, "Disable"); // also a round trip: the view must stay narrow
        assertThat(enabledInService(username)).isFalse();
        ContextMenuKt._clickItemWithCaption(_get(cell(view, username, "Actions"), MenuBar.class), "Reset password");
        assertThat(_get(ResetPasswordDialog.class).isOpened()).isTrue();
        view.fitWidth(1440);
        assertThat(actionButton(view, username, "Enable").isVisible()).as("the desktop keeps its buttons").isTrue();
    }

    @Test
    void admin_disabling_their_own_account_gets_an_error_and_stays_active() {
        String me = Unique.username("me");
        loginAsAdmin();
        accountService.createAccount(new NewAccount(me, "Me Myself", AccountRole.ADMIN, PASSWORD));
        login(me, AppRoles.ADMIN);
        AccountsView view = openAccounts();

        _click(actionButton(view, me, "Disable"));

        assertThat(notificationTexts()).contains("You cannot disable your own account.");
        assertThat(item(view, me).enabled()).isTrue();
        assertThat(enabledInService(me)).isTrue();
    }

    @Test
    void reset_password_dialog_refuses_a_weak_password() {
        loginAsAdmin();
        String username = Unique.username("reset");
        accountService.createAccount(new NewAccount(username, "Reset", AccountRole.COACH, PASSWORD));
        AccountsView view = openAccounts();

        _click(actionButton(view, username, "Reset password"));
        ResetPasswordDialog dialog = _get(ResetPasswordDialog.class);
        dialog.password.setValue("short");
        _click(dialog.save);

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.password.isInvalid()).isTrue();
        assertThat(dialog.password.getErrorMessage()).contains("at least 12");

        dialog.password.setValue("a-good-new-password");
        _click(dialog.save);
        assertThat(dialog.isOpened()).isFalse();
        assertThat(notificationTexts()).contains("New password set for " + username);
    }

    @Test
    void coach_cannot_open_the_accounts_view() {
        login(Unique.username("coach"), AppRoles.COACH);

        UI.getCurrent().navigate("admin/accounts");

        assertAccessDenied();
    }

    @Test
    void interviewer_cannot_open_the_accounts_view() {
        login(Unique.username("interviewer"), AppRoles.INTERVIEWER);

        UI.getCurrent().navigate("admin/accounts");

        assertAccessDenied();
    }

    @Test
    void anonymous_visitor_is_sent_to_login_instead_of_the_accounts_view() {
        UI.getCurrent().navigate("admin/accounts");

        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(LoginView.class);
    }

    // --- helpers ---

    /**
     * Vaadin answers a signed-in user without the role with its "not found" error view (so the
     * route's existence is not confirmed), naming the denial as the reason in development mode.
     */
    private static void assertAccessDenied() {
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(RouteNotFoundError.class);
        _assertNone(AccountsView.class);
        assertThat(_get(Html.class).getInnerHtml()).contains("Access is denied");
    }

    private void loginAsAdmin() {
        login(Unique.username("boss"), AppRoles.ADMIN);
    }

    private static AccountsView openAccounts() {
        UI.getCurrent().navigate("admin/accounts");
        return (AccountsView) UI.getCurrent().getCurrentView();
    }

    private static Account item(AccountsView view, String username) {
        return GridKt._findAll(view.grid).stream().filter(a -> a.username().equals(username))
                .findFirst().orElseThrow(() -> new AssertionError(username + " is not in the grid"));
    }

    /** Renders a component cell of the account's row as the grid would, so its buttons can be clicked. */
    @SuppressWarnings("unchecked")
    private static <C extends com.vaadin.flow.component.Component> C cell(AccountsView view, String username,
            String header) {
        var renderer = (ComponentRenderer<C, Account>) GridKt._getColumnByHeader(view.grid, header).getRenderer();
        return renderer.createComponent(item(view, username));
    }

    private static Button actionButton(AccountsView view, String username, String text) {
        HorizontalLayout actions = cell(view, username, "Actions");
        return _get(actions, Button.class, spec -> spec.withText(text));
    }

    private static String statusText(AccountsView view, String username) {
        return AccountsViewTest.<Span>cell(view, username, "Status").getText();
    }

    private boolean enabledInService(String username) {
        return accountService.listAccounts().stream().filter(a -> a.username().equals(username))
                .findFirst().orElseThrow().enabled();
    }

    private static List<String> notificationTexts() {
        return NotificationsKt.getNotifications().stream().map(AccountsViewTest::text).toList();
    }

    private static String text(Notification notification) {
        return notification.getElement().getProperty("text", "");
    }
}
