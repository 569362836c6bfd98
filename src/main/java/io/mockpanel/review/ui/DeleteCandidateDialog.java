package io.mockpanel.review.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.mockpanel.review.PrivacyService.Footprint;
import java.util.function.Consumer;

/**
 * Asks before deleting a candidate, which cannot be undone: says what goes, and enables "Delete"
 * only once the candidate's name is typed (so a wrong pick in the search cannot be deleted by a click).
 */
class DeleteCandidateDialog extends Dialog {

    final TextField typedName = new TextField("Type the candidate's name to confirm");
    final Button confirm = new Button("Delete");

    DeleteCandidateDialog(Footprint held, Consumer<String> deletion) {
        setId("confirm-delete");
        setHeaderTitle("Delete all data of " + held.name() + "?");
        // A phone is narrower than the dialog would like to be: it takes the screen less a margin.
        setWidth("min(34em, calc(100vw - 2 * var(--lumo-space-m)))");
        var consequence = new Paragraph("This deletes the candidate and their " + PrivacyView.sessions(held.sessions())
                + " with everything in them: scores, " + held.notes() + " notes, " + held.coachingNotes()
                + " coaching notes, " + PrivacyView.count(held.reports(), "development report", "development reports")
                + ", the candidate's own comments and "
                + "their e-mail addresses. This cannot be undone; the audit log keeps only that it happened.");
        consequence.getStyle().set("margin-top", "0");
        typedName.setId("typed-name");
        typedName.setWidthFull();
        typedName.setPlaceholder(held.name());
        typedName.setValueChangeMode(ValueChangeMode.EAGER);
        typedName.setHelperText("Exactly as shown: " + held.name());
        typedName.addValueChangeListener(e -> confirm.setEnabled(matches(e.getValue(), held.name())));
        add(consequence, typedName);

        confirm.setId("confirm-delete-button");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        confirm.setEnabled(false);
        confirm.addClickListener(e -> {
            if (matches(typedName.getValue(), held.name())) {
                close();
                deletion.accept(typedName.getValue());
            }
        });
        var cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, confirm);
    }

    /** As the service checks it: spaces around and letter case do not matter. */
    static boolean matches(String typed, String name) {
        return typed.strip().equalsIgnoreCase(name.strip());
    }
}
