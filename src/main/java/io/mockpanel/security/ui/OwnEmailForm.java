package io.mockpanel.security.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import io.mockpanel.base.ui.Notifications;
import io.mockpanel.security.AccountException;
import io.mockpanel.security.AccountService;

/** The signed-in person's own e-mail address, where their panel invitations go; blank removes it. */
class OwnEmailForm extends Composite<VerticalLayout> {

    static final String HELP = "Panel invitations with a calendar entry go here. Leave it empty for none.";

    final EmailField email = new EmailField("E-mail address");
    final Button save = new Button("Save address");

    private final AccountService accountService;

    OwnEmailForm(AccountService accountService) {
        this.accountService = accountService;
        email.setValue(accountService.ownEmail().orElse(""));
        email.setHelperText(HELP);
        email.setMaxLength(254);
        email.setManualValidation(true);
        email.setWidthFull();
        email.setId("own-email");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> submit());
        save.setId("save-own-email");
        var layout = getContent();
        layout.setPadding(false);
        layout.setMaxWidth("24rem");
        layout.setWidthFull();
        layout.add(new H3("E-mail address"),
                new Paragraph("Co-panelists and observing coaches get the session's console link by e-mail "
                        + "when a panel they are on is scheduled."),
                email, save);
    }

    void submit() {
        email.setInvalid(false);
        try {
            var saved = accountService.changeOwnEmail(email.getValue());
            email.setValue(saved.orElse(""));
            Notifications.success(saved.isPresent() ? "Your e-mail address was saved." : "Your e-mail address was removed.");
        } catch (AccountException e) {
            email.setErrorMessage(e.getMessage());
            email.setInvalid(true);
        }
    }
}
