package io.mockpanel.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.mockpanel.base.ui.Notifications;
import io.mockpanel.security.AccountException;
import io.mockpanel.security.AccountRole;
import io.mockpanel.security.AccountService;
import io.mockpanel.security.NewAccount;
import io.mockpanel.security.PasswordPolicy;

/** The form for a new account; the service validates, and its message lands on the field at fault. */
class CreateAccountDialog extends Dialog {

    final TextField username = new TextField("Username");
    final TextField displayName = new TextField("Name");
    final EmailField email = new EmailField("E-mail address (optional)");
    final Select<AccountRole> role = new Select<>();
    final PasswordField password = new PasswordField("Initial password");
    final Button create = new Button("Create account");

    private final AccountService accountService;
    private final Runnable onCreated;

    CreateAccountDialog(AccountService accountService, Runnable onCreated) {
        this.accountService = accountService;
        this.onCreated = onCreated;
        setHeaderTitle("New account");

        username.setRequired(true);
        username.setHelperText("3–40 characters: lowercase letters, digits, . _ -");
        username.setMaxLength(40);
        displayName.setRequired(true);
        // the browser counts UTF-16 units (an emoji is 2): the service checks the real limit of 100 characters
        displayName.setMaxLength(2 * 100);
        email.setMaxLength(254);
        email.setManualValidation(true);
        email.setHelperText(OwnEmailForm.HELP);
        role.setLabel("Role");
        role.setItems(AccountRole.values());
        role.setItemLabelGenerator(r -> r.label() + " — " + r.description());
        role.setValue(AccountRole.INTERVIEWER);
        password.setRequired(true);
        password.setHelperText(PasswordPolicy.requirements() + "; share it with the person, who keeps it private");

        var form = new FormLayout(username, displayName, email, role, password);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);

        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> submit());
        getFooter().add(new Button("Cancel", e -> close()), create);
    }

    void submit() {
        for (var field : new com.vaadin.flow.component.HasValidation[] {username, displayName, email, password}) {
            field.setInvalid(false);
        }
        try {
            var account = accountService.createAccount(new NewAccount(username.getValue(), displayName.getValue(),
                    role.getValue(), password.getValue(), email.getValue()));
            Notifications.success("Created " + account.username());
            onCreated.run();
            close();
        } catch (AccountException e) {
            var field = switch (e.field()) {
                case USERNAME -> username;
                case DISPLAY_NAME -> displayName;
                case EMAIL -> email;
                case PASSWORD -> password;
                case ROLE, CURRENT_PASSWORD, ACCOUNT -> null;
            };
            if (field == null) {
                Notifications.error(e.getMessage());
            } else {
                field.setErrorMessage(e.getMessage());
                field.setInvalid(true);
            }
        }
    }
}
