package io.mockpanel.panel.ui;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import io.mockpanel.base.ui.Notifications;
import io.mockpanel.mail.MailKind;
import io.mockpanel.mail.MailStatus;
import io.mockpanel.panel.InviteService;
import java.util.List;

/**
 * The lead's view of the session's mails: to whom, what, and queued / sent / failed with the
 * reason, with Retry for a failed one. Read when shown and on Refresh, never on a live event:
 * sending happens in the background and writes no event, and the console's cost per event stays as it is.
 */
final class InvitationMailList extends Div {

    private final InviteService invites;
    private final long sessionId;
    private final UnorderedList list = new UnorderedList();

    InvitationMailList(InviteService invites, long sessionId) {
        this.invites = invites;
        this.sessionId = sessionId;
        setId("invitation-mails");
        list.addClassName("invitation-mail-list");
        var refresh = new Button("Refresh", e -> refresh());
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        refresh.setId("refresh-mails");
        add(new H4("E-mails"), list, refresh);
        refresh();
    }

    void refresh() {
        List<MailStatus> mails = invites.mails(sessionId);
        list.removeAll();
        setVisible(!mails.isEmpty());
        mails.forEach(mail -> list.add(item(mail)));
    }

    /**
     * "Panel invitation to Pat Panelist <pat@example.org>: sent": what and for whom first, in bold
     * and the name; the address may break anywhere, so a long one never widens a phone's screen.
     */
    private ListItem item(MailStatus mail) {
        var kind = new Span(kind(mail.kind()));
        kind.addClassName("mail-kind");
        var address = new Span(mail.recipientName().isEmpty() ? mail.recipientAddress()
                : " <" + mail.recipientAddress() + ">");
        address.addClassName("mail-address");
        var item = new ListItem(kind, new Text(" to "), new Span(mail.recipientName()), address,
                new Text(": "), new Span(state(mail)));
        item.addClassName("invitation-mail");
        item.getElement().setAttribute("data-kind", mail.kind().name());
        item.getElement().setAttribute("data-state", mail.state().name());
        if (mail.state() == io.mockpanel.mail.MailState.FAILED) {
            var retry = new Button("Retry", e -> {
                if (invites.retryMail(sessionId, mail.id())) {
                    Notifications.success("Queued again");
                }
                refresh();
            });
            retry.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            retry.addClassName("retry-mail");
            item.add(retry);
        }
        return item;
    }

    private static String kind(MailKind kind) {
        return switch (kind) {
            case INVITATION -> "Invitation";
            case PANEL_INVITATION -> "Panel invitation";
            case REMINDER -> "Reminder";
            case CANCELLATION -> "Cancellation";
        };
    }

    private static String state(MailStatus mail) {
        return switch (mail.state()) {
            case QUEUED -> mail.attempts() == 0 ? "queued" : "queued, retrying (" + mail.reason() + ")";
            case SENDING -> "sending";
            case SENT -> "sent";
            case FAILED -> "failed: " + (mail.reason() == null ? "unknown reason" : mail.reason());
        };
    }
}
