package io.mockpanel.review.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.mockpanel.base.PublicUrl;
import io.mockpanel.base.ui.Confirmation;
import io.mockpanel.base.ui.Notifications;
import io.mockpanel.review.ReportService;
import io.mockpanel.review.ReviewException;
import java.time.Instant;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * The report editor's box about the candidate's link once the report is released: whether the
 * link works, buttons to replace or revoke it, and a new link's address, shown this once only.
 */
class ReportLinkBox extends Div {

    private final ReportService reports;
    private final PublicUrl publicUrl;
    private final long sessionId;
    private final ZoneId zone;
    private @Nullable Instant releasedAt;

    ReportLinkBox(ReportService reports, PublicUrl publicUrl, long sessionId, ZoneId zone) {
        this.reports = reports;
        this.publicUrl = publicUrl;
        this.sessionId = sessionId;
        this.zone = zone;
        setId("report-link");
        addClassName("report-link");
    }

    /**
     * Shows the link's state, hidden while the report was never released.
     *
     * @param issued a link issued just now, whose address is shown this once
     */
    void show(boolean released, @Nullable Instant releasedAt, ReportService.@Nullable LinkState link,
            ReportService.@Nullable IssuedLink issued) {
        this.releasedAt = releasedAt;
        removeAll();
        setVisible(released);
        if (!released) {
            return;
        }
        var text = new Span(state(link));
        text.setId("report-link-state");
        var reissue = new Button(link != null && link.usable() ? "New link" : "Send a new link", e -> {
            Runnable act = () -> act(() -> {
                ReportService.IssuedLink fresh = reports.reissueLink(sessionId);
                show(true, this.releasedAt, new ReportService.LinkState(fresh.expiresAt(), false, false), fresh);
            });
            if (link != null && link.usable()) {
                Confirmation.ask("confirm-new-link", "Replace the link?", "The link the candidate has stops "
                        + "working at once; send them the new one.", "New link", act);
            } else {
                act.run();
            }
        });
        reissue.setId("reissue-report-link");
        reissue.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var row = new FlexLayout(text, reissue);
        row.addClassName("report-link-row");
        if (link != null && link.usable()) {
            var revoke = new Button("Revoke link", e -> Confirmation.ask("confirm-revoke-report-link",
                    "Revoke the link?", "The candidate can no longer open the report. You can send a new link later.",
                    "Revoke", () -> act(() -> {
                        reports.revokeLink(sessionId);
                        show(true, this.releasedAt, new ReportService.LinkState(link.expiresAt(), true, false), null);
                    })));
            revoke.setId("revoke-report-link");
            revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            row.add(revoke);
        }
        add(row);
        if (issued != null) {
            showAddress(publicUrl.link(issued.path()));
        }
    }

    private String state(ReportService.@Nullable LinkState link) {
        String state = releasedAt != null ? "Released " + ReportTexts.dayAndClock(releasedAt, zone) + ". " : "Released. ";
        if (link == null) {
            return state + "No link was sent yet.";
        } else if (link.revoked()) {
            return state + "The candidate's link was revoked.";
        } else if (link.expired()) {
            return state + "The candidate's link expired on " + ReportTexts.dayAndClock(link.expiresAt(), zone) + ".";
        }
        return state + "The candidate's link works until " + ReportTexts.dayAndClock(link.expiresAt(), zone) + ".";
    }

    /** The new link with a copy button and the warning that it is shown once. */
    private void showAddress(String url) {
        var field = new TextField();
        field.setValue(url);
        field.setReadOnly(true);
        field.setWidthFull();
        field.setId("report-link-url");
        field.setAriaLabel("Report link");
        var copy = new Button("Copy", VaadinIcon.COPY.create());
        copy.setId("copy-report-link");
        copy.addClickListener(e -> {
            copy.getElement().executeJs("return navigator.clipboard ? navigator.clipboard.writeText($0) : null", url);
            Notifications.success("Link copied");
        });
        var urlRow = new FlexLayout(field, copy);
        urlRow.addClassName("invite-row");
        var hint = new Paragraph("Send this link to the candidate now: it is shown only once.");
        hint.addClassName("report-hint");
        add(urlRow, hint);
    }

    private static void act(Runnable action) {
        try {
            action.run();
        } catch (ReviewException e) {
            Notifications.error(e.getMessage());
        }
    }
}
