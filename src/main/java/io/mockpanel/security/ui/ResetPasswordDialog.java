package io.mockpanel.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.PasswordField;
import io.mockpanel.base.ui.Notifications;
import io.mockpanel.security.Account;
import io.mockpanel.security.AccountException;
import io.mockpanel.security.AccountService;
import io.mockpanel.security.PasswordPolicy;

/** Sets a new password for an account, for a person who lost theirs. */
class ResetPasswordDialog extends Dialog {

    final PasswordField password = new PasswordField("New password");
    final Button save = new Button("Set password");

    ResetPasswordDialog(AccountService accountService, Account account) {
        setHeaderTitle("Reset password of " + account.username());
        password.setHelperText(PasswordPolicy.requirements());
        password.setWidthFull();
        add(password);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            try {
                accountService.resetPassword(account.id(), password.getValue());
                Notifications.success("New password set for " + account.username());
                close();
            } catch (AccountException ex) {
                password.setErrorMessage(ex.getMessage());
                password.setInvalid(true);
            }
        });
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
