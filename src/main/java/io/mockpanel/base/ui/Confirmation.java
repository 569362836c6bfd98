package io.mockpanel.base.ui;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/**
 * Asks before an action that cannot be taken back, saying what will happen, with "Cancel" as the
 * safe default. The action runs only on the explicit confirmation.
 */
public final class Confirmation {

    private Confirmation() {
    }

    /** Opens the dialog; returns it so callers (and tests) can find its id. */
    public static ConfirmDialog ask(String id, String header, String consequence, String confirmLabel,
            Runnable action) {
        var dialog = new ConfirmDialog();
        dialog.setId(id);
        dialog.setHeader(header);
        dialog.setText(consequence);
        dialog.setCancelable(true);
        dialog.setCancelText("Cancel");
        dialog.setConfirmText(confirmLabel);
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> action.run());
        dialog.open();
        return dialog;
    }
}
