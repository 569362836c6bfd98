package io.mockpanel.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.mockpanel.base.ui.Notifications;
import io.mockpanel.security.AccountException;
import io.mockpanel.security.AccountService;
import io.mockpanel.security.AppRoles;
import io.mockpanel.security.PasswordPolicy;
import jakarta.annotation.security.RolesAllowed;

/** The signed-in person's own account: their e-mail address for invitations, and their password. */
@Route("account/password")
@PageTitle("My account")
@Menu(title = "My account", order = 99, icon = "vaadin:key")
@RolesAllowed({AppRoles.ADMIN, AppRoles.INTERVIEWER, AppRoles.COACH})
class ChangePasswordView extends VerticalLayout {

    final PasswordField current = new PasswordField("Current password");
    final PasswordField replacement = new PasswordField("New password");
    final PasswordField repeat = new PasswordField("New password again");
    final Button save = new Button("Change password");
    final OwnEmailForm ownEmail;

    private final AccountService accountService;

    ChangePasswordView(AccountService accountService) {
        this.accountService = accountService;
        this.ownEmail = new OwnEmailForm(accountService);
        addClassName("password-view");
        replacement.setHelperText(PasswordPolicy.requirements());
        var form = new FormLayout(current, replacement, repeat);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.setMaxWidth("24rem");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> submit());
        add(ownEmail, new H3("Password"), form, save);
    }

    void submit() {
        current.setInvalid(false);
        replacement.setInvalid(false);
        repeat.setInvalid(false);
        if (!replacement.getValue().equals(repeat.getValue())) {
            repeat.setErrorMessage("The two new passwords differ; type the same password twice.");
            repeat.setInvalid(true);
            return;
        }
        try {
            accountService.changeOwnPassword(current.getValue(), replacement.getValue());
            current.clear();
            replacement.clear();
            repeat.clear();
            Notifications.success("Your password was changed.");
        } catch (AccountException e) {
            var field = e.field() == AccountException.Field.CURRENT_PASSWORD ? current : replacement;
            field.setErrorMessage(e.getMessage());
            field.setInvalid(true);
        }
    }
}
