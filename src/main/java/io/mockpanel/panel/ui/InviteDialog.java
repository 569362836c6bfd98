package io.mockpanel.panel.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import org.jspecify.annotations.Nullable;

/** Shows the invite card in a dialog once it has folded into the console's header. */
final class InviteDialog {

    private InviteDialog() {
    }

    static void open(@Nullable InviteCard card) {
        if (card == null) {
            return;
        }
        var dialog = new Dialog(card);
        dialog.setId("invite-dialog");
        dialog.setHeaderTitle("Candidate invite link");
        dialog.setWidth("min(36rem, 95vw)");
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.open();
    }

    /** Closes the dialog the card is in, if any (the card is about to move back into the page). */
    static void closeAround(InviteCard card) {
        card.getParent().filter(Dialog.class::isInstance).map(Dialog.class::cast).ifPresent(Dialog::close);
    }
}
