package io.mockpanel.panel.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.DescriptionList;
import io.mockpanel.base.ui.ShortcutHint;
import io.mockpanel.panel.SessionRole;
import java.util.ArrayList;
import java.util.List;

/** The console's list of keyboard shortcuts, opened with "?" or the keyboard button. */
final class ShortcutHelp {

    private ShortcutHelp() {
    }

    /** The console's shortcuts for a role: observers have nothing to push, time or write. */
    static List<ShortcutHint> forConsole(SessionRole role) {
        List<ShortcutHint> hints = new ArrayList<>();
        if (role != SessionRole.OBSERVER) {
            hints.add(new ShortcutHint("Alt+N", "Push the next item of the agenda"));
            hints.add(new ShortcutHint("Alt+P", "Start or pause the timer of the scenario on screen"));
            hints.addAll(NotesPanel.SHORTCUTS);
        }
        hints.add(new ShortcutHint("?", "Show this list"));
        return hints;
    }

    static Dialog open(List<ShortcutHint> hints) {
        var list = new DescriptionList();
        list.addClassName("shortcut-list");
        for (ShortcutHint hint : hints) {
            list.add(new DescriptionList.Term(hint.keys()), new DescriptionList.Description(hint.action()));
        }
        var dialog = new Dialog(list);
        dialog.setId("shortcut-help");
        dialog.setHeaderTitle("Keyboard shortcuts");
        var close = new Button("Close", e -> dialog.close());
        dialog.getFooter().add(close);
        dialog.open();
        close.focus();
        return dialog;
    }
}
