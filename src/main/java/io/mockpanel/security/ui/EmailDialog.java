package io.mockpanel.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.EmailField;
import io.mockpanel.base.ui.Notifications;
import io.mockpanel.security.Account;
import io.mockpanel.security.AccountException;
import io.mockpanel.security.AccountService;

/** The admin sets, changes or removes an account's e-mail address; a refusal stays on the field. */
class EmailDialog extends Dialog {

    final EmailField email = new EmailField("E-mail address");
    final Button save = new Button("Save address");

    EmailDialog(AccountService accountService, Account account, Runnable onSaved) {
        setHeaderTitle("E-mail address of " + account.username());
        email.setValue(account.email() == null ? "" : account.email());
        email.setHelperText(OwnEmailForm.HELP);
        email.setMaxLength(254);
        email.setManualValidation(true);
        email.setWidthFull();
        email.setMinWidth("min(20rem, 80vw)");
        add(email);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            try {
                Account saved = accountService.changeEmail(account.id(), email.getValue());
                Notifications.success(saved.email() == null ? "Removed the address of " + account.username()
                        : "Saved the address of " + account.username());
                onSaved.run();
                close();
            } catch (AccountException ex) {
                email.setErrorMessage(ex.getMessage());
                email.setInvalid(true);
            }
        });
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
