package io.mockpanel.review.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.mockpanel.review.ReleasedReport;
import io.mockpanel.review.ReportService;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Where the candidate's report link lands: the released report and nothing else of the session.
 * No account is needed (the token is the credential); every unusable link — unknown, expired,
 * revoked, replaced — gets the same calm page, which says nothing about any report.
 */
@Route(value = "report/:token", autoLayout = false)
@PageTitle("Your development report")
@AnonymousAllowed
class CandidateReportView extends Main implements BeforeEnterObserver {

    static final String REFUSED_TEXT = "This report link cannot be used. It may have expired or been replaced. "
            + "Ask your coach for a new link.";

    private final ReportService reports;

    CandidateReportView(ReportService reports) {
        this.reports = reports;
        addClassName("candidate-report");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String token = event.getRouteParameters().get("token").orElse("");
        Optional<ReleasedReport> report = reports.byLink(token);
        if (report.isEmpty()) {
            var message = new Paragraph(REFUSED_TEXT);
            message.setId("report-refused");
            message.addClassName("invite-message");
            var page = new Div(new H1("mockpanel"), message);
            page.addClassName("room-closed");
            add(page);
            return;
        }
        // The candidate has no account and so no time zone on record: dates are days, in UTC.
        var brand = new Paragraph("mockpanel");
        brand.addClassName("room-brand");
        add(brand, new ReportDocument(report.get(), ZoneOffset.UTC));
    }
}
