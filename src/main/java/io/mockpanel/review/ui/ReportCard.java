package io.mockpanel.review.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.AttachEvent;
import io.mockpanel.review.ReleasedReport;
import io.mockpanel.review.ReportService;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The development report's state on the session review page: none, a draft saved at, released at
 * (and until when the candidate's link works), with "Write report" / "Open report" for coaches and
 * a way to read the released report for the others who may (admins, the session's panel).
 */
class ReportCard extends Composite<Div> {

    private final long sessionId;
    private final ReportService reports;
    final Paragraph state = new Paragraph();
    private final Div actions = new Div();

    ReportCard(long sessionId, ReportService reports) {
        this.sessionId = sessionId;
        this.reports = reports;
        Div root = getContent();
        root.addClassName("report-card");
        state.setId("report-card-state");
        actions.addClassName("report-card-actions");
        root.add(new H3("Development report"), state, actions);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        show(ReportTexts.zoneOf(attachEvent.getUI()));
    }

    /** Reads the state again and redraws the card. */
    void show(ZoneId zone) {
        ReportService.ReportState report = reports.state(sessionId);
        actions.removeAll();
        StringBuilder text = new StringBuilder();
        if (report.releasedAt() != null) {
            text.append("Released ").append(ReportTexts.dayAndClock(report.releasedAt(), zone)).append('.');
            var link = report.link();
            if (link != null && link.usable()) {
                text.append(" The candidate's link works until ").append(ReportTexts.dayAndClock(link.expiresAt(), zone))
                        .append('.');
            } else if (link != null) {
                text.append(link.revoked() ? " The candidate's link was revoked." : " The candidate's link has expired.");
            }
            if (report.changedSinceRelease()) {
                text.append(" The draft has changes not yet released.");
            }
        } else if (report.draftSavedAt() != null) {
            text.append("Draft saved ").append(ReportTexts.dayAndClock(report.draftSavedAt(), zone))
                    .append("; not released to the candidate yet.");
        } else {
            text.append(report.mayReadDraft() || report.mayWrite() ? "No report written yet."
                    : "No report released yet.");
        }
        state.setText(text.toString());
        if (report.mayWrite()) {
            boolean exists = report.draftSavedAt() != null;
            var open = new Button(exists ? "Open report" : "Write report",
                    e -> getUI().ifPresent(ui -> ui.navigate("sessions/" + sessionId + "/report")));
            open.setId("open-report");
            open.addThemeVariants(exists ? ButtonVariant.LUMO_TERTIARY : ButtonVariant.LUMO_PRIMARY);
            actions.add(open);
        } else if (report.releasedAt() != null || report.mayReadDraft()) {
            var read = new Button(report.releasedAt() != null ? "Read report" : "Read draft", e -> read(zone));
            read.setId("read-report");
            read.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            actions.add(read);
        }
    }

    private void read(ZoneId zone) {
        Optional<ReleasedReport> report = reports.released(sessionId).or(() -> reports.draftPreview(sessionId));
        if (report.isEmpty()) {
            return;
        }
        var dialog = new Dialog();
        dialog.setId("report-reading");
        dialog.setHeaderTitle("Development report");
        dialog.add(new ReportDocument(report.get(), zone));
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.setWidth("min(52rem, 100vw)");
        dialog.open();
    }
}
