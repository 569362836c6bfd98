package io.mockpanel.panel.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import io.mockpanel.base.ui.Badge;
import io.mockpanel.base.ui.Notifications;
import io.mockpanel.mail.MailKind;
import io.mockpanel.mail.MailStatus;
import io.mockpanel.panel.InviteService;
import io.mockpanel.panel.SessionMails;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The lead's view of the session's mails: what, to whom, and its state as a badge (queued,
 * retrying, sending, sent at, failed) with the reason of a failed attempt and Retry for a failed
 * mail. Read when shown and again whenever the session's log says its mails may have changed (a
 * mail's own event, written by the sender on every outcome, or an issue, reschedule or cancel:
 * decision 0041), so it follows the sender without a click.
 */
final class InvitationMailList extends Div {

    private static final DateTimeFormatter SENT_AT = DateTimeFormatter.ofPattern("d MMM, HH:mm", Locale.ENGLISH);

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
        ZoneId zone = BrowserZone.current(BrowserZone.UTC);
        states.forEach(mail -> list.add(item(mail, zone)));
    }

    private ListItem item(MailStatus mail, ZoneId zone) {
        var what = new Span(kind(mail.kind()));
        what.addClassName("invitation-mail-kind");
        var head = new Div(what, state(mail, zone));
        head.addClassName("invitation-mail-head");
        String to = mail.recipientName().isEmpty() ? mail.recipientAddress()
                : mail.recipientName() + " <" + mail.recipientAddress() + ">";
        var recipient = new Div("to " + to);
        recipient.addClassName("invitation-mail-to");
        var item = new ListItem(head, recipient);
        item.addClassName("invitation-mail");
        item.getElement().setAttribute("data-kind", mail.kind().name());
        item.getElement().setAttribute("data-state", mail.state().name());
        String problem = problem(mail);
        if (problem != null) {
            var reason = new Div(problem);
            reason.addClassName("invitation-mail-reason");
            item.add(reason);
        }
        if (mail.state() == io.mockpanel.mail.MailState.FAILED) {
            var retry = new Button("Retry", e -> {
                if (invites.retryMail(sessionId, mail.id())) {
                    Notifications.success("Queued again");
                }
                refresh();
            });
            retry.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            retry.addClassName("retry-mail");
            head.add(retry);
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

    private static Span state(MailStatus mail, ZoneId zone) {
        Span badge = switch (mail.state()) {
            case QUEUED -> mail.attempts() == 0 ? Badge.of("Queued", "contrast") : Badge.of("Retrying", "contrast");
            case SENDING -> Badge.of("Sending", "contrast");
            case SENT -> Badge.of(mail.sentAt() == null ? "Sent" : "Sent " + SENT_AT.format(mail.sentAt().atZone(zone)),
                    "success");
            case FAILED -> Badge.of("Failed", "error");
        };
        badge.addClassName("invitation-mail-state");
        return badge;
    }

    /** Why the last attempt failed, for a mail waiting for its retry or given up; null otherwise. */
    private static @Nullable String problem(MailStatus mail) {
        String reason = mail.reason() == null ? "unknown reason." : mail.reason();
        String sentence = reason.endsWith(".") ? reason : reason + ".";
        return switch (mail.state()) {
            case QUEUED -> mail.attempts() == 0 ? null
                    : "Attempt " + mail.attempts() + " failed: " + sentence + " It is tried again by itself.";
            case FAILED -> "Not sent: " + sentence;
            default -> null;
        };
    }
}
