package io.mockpanel.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.mockpanel.base.ui.WindowWidth;
import io.mockpanel.base.ui.Badge;
import io.mockpanel.base.ui.Notifications;
import io.mockpanel.security.Account;
import io.mockpanel.security.AccountException;
import io.mockpanel.security.AccountService;
import io.mockpanel.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;

/** Admins create accounts, disable and re-enable them, reset passwords and set e-mail addresses. */
@Route("admin/accounts")
@PageTitle("Accounts")
@Menu(title = "Accounts", order = 90, icon = "vaadin:users")
@RolesAllowed(AppRoles.ADMIN)
class AccountsView extends VerticalLayout {

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());

    private static final int NARROW = 700;

    private final AccountService accountService;
    final Grid<Account> grid = new Grid<>(Account.class, false);
    private final List<Grid.Column<Account>> wideOnly = new ArrayList<>();
    /** On a phone a row's actions are one menu button: three buttons side by side run off the screen. */
    private boolean narrow;

    AccountsView(AccountService accountService) {
        WindowWidth.follow(this, this::fitWidth);
        this.accountService = accountService;
        addClassName("accounts-view");
        setSizeFull();

        var create = new Button("New account", VaadinIcon.PLUS.create(), e -> openCreateDialog());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("new-account");
        var toolbar = new HorizontalLayout(create);
        toolbar.setWidthFull();
        toolbar.setJustifyContentMode(FlexComponent.JustifyContentMode.END);

        grid.addColumn(Account::username).setHeader("Username").setAutoWidth(true).setFlexGrow(0);
        wideOnly.add(grid.addColumn(Account::displayName).setHeader("Name").setFlexGrow(1));
        wideOnly.add(grid.addColumn(a -> a.email() == null ? "—" : a.email()).setHeader("E-mail").setFlexGrow(1));
        wideOnly.add(grid.addColumn(a -> a.role().label()).setHeader("Role").setAutoWidth(true).setFlexGrow(0));
        grid.addComponentColumn(AccountsView::statusBadge).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        wideOnly.add(grid.addColumn(a -> CREATED.format(a.createdAt())).setHeader("Created").setAutoWidth(true)
                .setFlexGrow(0));
        grid.addComponentColumn(this::actions).setHeader("Actions").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();

        add(toolbar, grid);
        refresh();
    }

    /**
     * On a phone the grid keeps username, status and actions, the actions folded into one menu
     * button; the rest would push them off screen.
     */
    void fitWidth(int windowWidth) {
        boolean wide = windowWidth >= NARROW;
        wideOnly.forEach(column -> column.setVisible(wide));
        if (narrow == wide) {
            narrow = !wide;
            // The rows' action cells are built again in the new shape, and the column fits them.
            grid.getDataProvider().refreshAll();
            grid.recalculateColumnWidths();
        }
    }

    void refresh() {
        grid.setItems(accountService.listAccounts());
    }

    private static Span statusBadge(Account account) {
        return account.enabled() ? Badge.of("Active", "success") : Badge.of("Disabled", "contrast");
    }

    private HorizontalLayout actions(Account account) {
        return narrow ? actionMenu(account) : actionButtons(account);
    }

    private HorizontalLayout actionButtons(Account account) {
        var toggle = new Button(account.enabled() ? "Disable" : "Enable", e -> setEnabled(account, !account.enabled()));
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        toggle.setAriaLabel((account.enabled() ? "Disable " : "Enable ") + account.username());
        var reset = new Button("Reset password", e -> new ResetPasswordDialog(accountService, account).open());
        reset.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        reset.setAriaLabel("Reset password of " + account.username());
        var email = new Button("E-mail", e -> new EmailDialog(accountService, account, this::refresh).open());
        email.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        email.setAriaLabel("E-mail address of " + account.username());
        var actions = new HorizontalLayout(toggle, reset, email);
        actions.setSpacing(false);
        return actions;
    }

    /** The same three actions behind one button, named for screen readers by the account it acts on. */
    private HorizontalLayout actionMenu(Account account) {
        var menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE, MenuBarVariant.LUMO_ICON);
        var open = menu.addItem(VaadinIcon.ELLIPSIS_DOTS_V.create());
        open.setAriaLabel("Actions for " + account.username());
        var items = open.getSubMenu();
        items.addItem(account.enabled() ? "Disable" : "Enable", e -> setEnabled(account, !account.enabled()));
        items.addItem("Reset password", e -> new ResetPasswordDialog(accountService, account).open());
        items.addItem("E-mail", e -> new EmailDialog(accountService, account, this::refresh).open());
        var actions = new HorizontalLayout(menu);
        actions.addClassName("account-action-menu");
        return actions;
    }

    void setEnabled(Account account, boolean enabled) {
        try {
            accountService.setEnabled(account.id(), enabled);
            Notifications.success((enabled ? "Enabled " : "Disabled ") + account.username());
        } catch (AccountException e) {
            Notifications.error(e.getMessage());
        }
        refresh();
    }

    private void openCreateDialog() {
        new CreateAccountDialog(accountService, this::refresh).open();
    }
}
