package io.mockpanel.review.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.mockpanel.base.LogRedaction;
import io.mockpanel.base.UserFacingException;
import io.mockpanel.base.ui.Notifications;
import io.mockpanel.base.ui.UiLogContext;
import io.mockpanel.review.ScoresCsv;
import io.mockpanel.review.SessionReportPdf;
import io.mockpanel.review.SessionReview;
import java.io.ByteArrayInputStream;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

/**
 * Download links for one past session: the PDF report and the scores as CSV. Each click asks
 * {@code reviews} for the session again, as the signed-in user, so exporting follows exactly the
 * rules (and the audit) of viewing; the caller passes the review service's read, e.g.
 * {@code id -> reviewService.review(id)} behind {@code ReviewAccess.open(id, EXPORTED_SESSION)}.
 * <p>
 * Vaadin runs a download handler on the servlet request thread of the download itself, after
 * Spring Security's filters (so the security context is the signed-in user's) and without the
 * session lock (so it may take its time; the UI is told through {@link UI#access}).
 */
public class ExportMenu extends Composite<HorizontalLayout> {

    private static final Logger LOG = LoggerFactory.getLogger(ExportMenu.class);

    private final long sessionId;
    private final LongFunction<SessionReview> reviews;

    public ExportMenu(long sessionId, LongFunction<SessionReview> reviews) {
        this.sessionId = sessionId;
        this.reviews = reviews;
        Anchor pdf = link("PDF report", VaadinIcon.FILE_TEXT_O, review -> new Export(
                new SessionReportPdf().render(review), SessionReportPdf.fileName(review), SessionReportPdf.CONTENT_TYPE));
        pdf.setId("export-pdf");
        Anchor csv = link("Scores (CSV)", VaadinIcon.TABLE, review -> new Export(
                new ScoresCsv().write(review), ScoresCsv.fileName(review), ScoresCsv.CONTENT_TYPE));
        csv.setId("export-csv");
        HorizontalLayout layout = getContent();
        layout.addClassName("export-menu");
        layout.setPadding(false);
        layout.setSpacing(true);
        layout.setAlignItems(FlexComponent.Alignment.CENTER);
        layout.getStyle().set("flex-wrap", "wrap");
        layout.add(pdf, csv);
    }

    private record Export(byte[] bytes, String fileName, String contentType) {
    }

    private Anchor link(String text, VaadinIcon icon, Function<SessionReview, Export> format) {
        DownloadHandler handler = DownloadHandler.fromInputStream(event -> download(event, format));
        Anchor anchor = new Anchor(handler, AttachmentType.DOWNLOAD, "");
        anchor.add(icon.create(), new Span(text));
        anchor.getElement().setAttribute("title", "Download the " + text.toLowerCase() + " of this session");
        anchor.getStyle().set("display", "inline-flex").set("gap", "var(--lumo-space-xs)")
                .set("align-items", "center");
        return anchor;
    }

    private DownloadResponse download(DownloadEvent event, Function<SessionReview, Export> format) {
        try {
            SessionReview review = reviews.apply(sessionId);
            Export export = format.apply(review);
            return new DownloadResponse(new ByteArrayInputStream(export.bytes()), export.fileName(),
                    export.contentType(), export.bytes().length);
        } catch (AccessDeniedException e) {
            tell(event, "You may not export this session: only its panel, coaches and admins may.");
            return DownloadResponse.error(403);
        } catch (RuntimeException e) {
            if (e instanceof UserFacingException userFacing) {
                tell(event, userFacing.getMessage());
                return DownloadResponse.error(400);
            }
            LOG.warn("Export of session {} failed", sessionId, LogRedaction.redact(e));
            tell(event, "The export failed. Try again; if it keeps failing, tell an admin.");
            return DownloadResponse.error(500);
        }
    }

    /** A download is its own request: the page hears of a refusal through a push. */
    private static void tell(DownloadEvent event, String message) {
        UI ui = event.getUI();
        if (ui != null) {
            UiLogContext.access(ui, () -> Notifications.error(message));
        }
    }
}
