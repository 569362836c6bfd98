package io.mockpanel.panel.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.mockpanel.base.ui.Confirmation;
import io.mockpanel.base.ui.Notifications;
import io.mockpanel.mail.InvalidMailAddressException;
import io.mockpanel.mail.MailRateLimitedException;
import io.mockpanel.panel.InviteService;
import io.mockpanel.panel.InviteStatus;
import io.mockpanel.panel.IssuedInvite;
import io.mockpanel.panel.SessionException;
import io.mockpanel.panel.SessionMails;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * The lead's control of the candidate's invite link. The link is shown only right after it is
 * issued (the server keeps only its hash); later the lead re-issues to get a new one.
 */
class InviteCard extends Div {


    private final InviteService invites;
    private final long sessionId;
    private final String baseUrl;
    final Div body = new Div();
    /** The link just issued; kept on screen (it cannot be fetched again) until the next issue. */
    private final Div issued = new Div();
    private boolean candidateIn;
    /** Send the next issued link by e-mail; only there when the candidate has an address. */
    final @Nullable Checkbox byMail;
    final InvitationMailList mails;

    InviteCard(InviteService invites, SessionMails.Followed followedMails, String baseUrl,
            @Nullable String candidateEmail) {
        this.invites = invites;
        this.sessionId = followedMails.sessionId();
        this.baseUrl = baseUrl;
        addClassName("area-card");
        addClassName("invite-card");
        mails = new InvitationMailList(invites, followedMails);
        if (candidateEmail != null && !candidateEmail.isBlank()) {
            byMail = new Checkbox("Send the new link by e-mail to " + candidateEmail);
            byMail.setId("invite-by-mail");
            byMail.setValue(false);
        } else {
            byMail = null;
        }
        add(new H3("Candidate invite link"), issued, body);
        if (byMail != null) {
            add(byMail);
        }
        add(mails);
        showStatus();
    }

    void showStatus() {
        body.removeAll();
        InviteStatus status = invites.status(sessionId);
        candidateIn = status.usable() && status.bound();
        String text;
        if (!status.issued()) {
            text = "No link yet. Issue one and send it to the candidate.";
        } else if (status.revoked()) {
            text = "The link was revoked. Issue a new one to invite the candidate again.";
        } else if (status.expired()) {
            text = "The link expired. Issue a new one.";
        } else if (status.bound()) {
            // The candidate is in: the link and QR code have done their job.
            issued.removeAll();
            text = "In use by " + status.candidateName() + " in one browser (link valid until "
                    + when(status.expiresAt()) + ").";
        } else {
            text = "Issued, not opened yet; valid until " + when(status.expiresAt())
                    + ". Only a new link can be shown again.";
        }
        var state = new Paragraph(text);
        state.setId("invite-status");
        body.add(state, actions(status));
    }

    /** In the lead's browser zone, like every other time on the console (the server's zone is nobody's). */
    private static String when(java.time.Instant at) {
        return WhenText.absolute(at, BrowserZone.current(ZoneId.systemDefault()));
    }

    /** Whether the candidate is in: the link is bound to their browser and still usable (as last read). */
    boolean candidateIn() {
        return candidateIn;
    }

    private FlexLayout actions(InviteStatus status) {
        var actions = new FlexLayout();
        actions.addClassName("import-buttons");
        String who = status.bound() && status.candidateName() != null ? status.candidateName() : "the candidate";
        var issue = new Button(status.issued() ? "Issue a new link" : "Issue link", VaadinIcon.LINK.create(), e -> {
            if (status.usable()) {
                Confirmation.ask("confirm-reissue", "Issue a new link?", "The current link stops working at once"
                        + (status.bound() ? "; " + who + " leaves the room until they open the new link." : "."),
                        "Issue a new link", this::issue);
            } else {
                issue();
            }
        });
        issue.addThemeVariants(status.usable() ? ButtonVariant.LUMO_TERTIARY : ButtonVariant.LUMO_PRIMARY);
        issue.setId("issue-invite");
        actions.add(issue);
        if (status.usable()) {
            var revoke = new Button("Revoke", e -> Confirmation.ask("confirm-revoke", "Revoke the link?",
                    "The link stops working at once" + (status.bound() ? "; " + who
                            + " sees that it can no longer be used and leaves the room." : ".")
                            + " Issue a new link to invite the candidate again.",
                    "Revoke", () -> act(() -> {
                        invites.revoke(sessionId);
                        issued.removeAll();
                        showStatus();
                    })));
            revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            revoke.setId("revoke-invite");
            actions.add(revoke);
        }
        if (status.usable() && status.bound()) {
            var release = new Button("Release from browser", e -> Confirmation.ask("confirm-release",
                    "Release the link from this browser?", who + "'s current browser leaves the room at once. "
                            + "The same link then works once more, in the next browser that opens it.",
                    "Release", () -> act(() -> {
                        invites.release(sessionId);
                        showStatus();
                    })));
            release.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            release.setId("release-invite");
            actions.add(release);
        }
        return actions;
    }

    private void issue() {
        boolean send = byMail != null && byMail.getValue();
        act(() -> {
            showIssued(invites.issue(sessionId, send));
            if (send) {
                Notifications.success("Link issued; the e-mail to the candidate is on its way");
                mails.refresh();
            }
        });
    }

    private void showIssued(IssuedInvite invite) {
        showStatus();
        issued.removeAll();
        String link = baseUrl + invite.path();
        var field = new TextField();
        field.setValue(link);
        field.setReadOnly(true);
        field.setWidthFull();
        field.setId("invite-link");
        field.setAriaLabel("Invite link");
        var copy = new Button("Copy", VaadinIcon.COPY.create());
        copy.setId("copy-invite");
        copy.addClickListener(e -> {
            copy.getElement().executeJs("return navigator.clipboard ? navigator.clipboard.writeText($0) : null", link);
            Notifications.success("Link copied");
        });
        var row = new FlexLayout(field, copy);
        row.addClassName("invite-row");
        var hint = new Paragraph("Send this link to the candidate now: it is shown only once. On a phone, scan:");
        hint.addClassName("scenario-card-counts");
        issued.add(row, hint, QrCode.of(link, "QR code of the invite link"));
    }

    private void act(Runnable action) {
        try {
            action.run();
        } catch (SessionException | InvalidMailAddressException | MailRateLimitedException e) {
            Notifications.error(e.getMessage());
            showStatus();
        }
    }
}
