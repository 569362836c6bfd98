package io.mockpanel.panel.ui;

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
import io.mockpanel.panel.SessionMails;
import java.util.List;

/**
 * The lead's view of the session's mails: to whom, what, and queued / sent / failed with the
 * reason, with Retry for a failed one. Read when shown and again whenever the session's log says
 * its mails may have changed (a mail's own event, written by the sender on every outcome, or an
 * issue, reschedule or cancel: decision 0041), so it follows the sender without a click.
 */
final class InvitationMailList extends Div {

    private final InviteService invites;
    private final SessionMails.Followed mails;
    private final long sessionId;
    private final UnorderedList list = new UnorderedList();

    InvitationMailList(InviteService invites, SessionMails.Followed mails) {
        this.invites = invites;
        this.mails = mails;
        this.sessionId = mails.sessionId();
        setId("invitation-mails");
        list.addClassName("invitation-mail-list");
        add(new H4("E-mails"), list);
        refresh();
    }

    void refresh() {
        List<MailStatus> states = mails.read();
        list.removeAll();
        setVisible(!states.isEmpty());
        states.forEach(mail -> list.add(item(mail)));
    }

    private ListItem item(MailStatus mail) {
        String to = mail.recipientName().isEmpty() ? mail.recipientAddress()
                : mail.recipientName() + " <" + mail.recipientAddress() + ">";
        var item = new ListItem(new Span(kind(mail.kind()) + " to " + to + ": " + state(mail)));
        item.addClassName("invitation-mail");
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
