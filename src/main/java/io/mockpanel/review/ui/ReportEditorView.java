package io.mockpanel.review.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.mockpanel.base.PublicUrl;
import io.mockpanel.base.ui.Confirmation;
import io.mockpanel.base.ui.Notifications;
import io.mockpanel.review.ReportConflictException;
import io.mockpanel.review.ReportContent;
import io.mockpanel.review.ReportService;
import io.mockpanel.review.ReviewException;
import io.mockpanel.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * Where a coach writes the development report of one session: the texts on the left, the
 * evidence (the panel's shared notes to quote, the scores) on the right, one column on a phone.
 * Every change saves itself after a short pause; a save that meets a newer version (another tab,
 * another coach) writes nothing, says so, and keeps the coach's text on screen.
 */
@Route("sessions/:sessionId/report")
@RolesAllowed(AppRoles.COACH)
class ReportEditorView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    /** How long typing may pause before the draft saves. */
    static final int AUTOSAVE_MILLIS = 1200;

    private final ReportService reports;
    private final PublicUrl publicUrl;
    private long sessionId = -1;
    private String title = "Development report";
    private ZoneId zone = ZoneId.systemDefault();

    private ReportService.@Nullable Draft draft;
    private long version;
    private boolean conflicted;

    final Span status = new Span();
    final TextArea summary = text("Opening summary", "How the session went, in a few sentences.");
    final TextArea strengths = text("Strengths", "What the candidate did well.");
    final TextArea development = text("Areas to develop", "What to work on next, and how.");
    final Checkbox includeConsensus = new Checkbox("Show the panel's agreed scores");
    final Checkbox includePanelScores = new Checkbox("Show the individual panel scores (without names)");
    final Button release = new Button();
    final Div conflictBox = new Div();
    /** Built with the draft, for the session on screen. */
    private @Nullable ReportLinkBox linkBox;
    private @Nullable ReportAreasEditor areas;

    ReportEditorView(ReportService reports, PublicUrl publicUrl) {
        this.reports = reports;
        this.publicUrl = publicUrl;
        addClassName("report-editor");
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        sessionId = event.getRouteParameters().get("sessionId").flatMap(ReportEditorView::parseId).orElse(-1L);
        try {
            draft = sessionId < 0 ? null : reports.edit(sessionId);
        } catch (AccessDeniedException e) {
            draft = null;
        }
        if (draft == null) {
            title = "Session not found";
            add(new H2("Session not found"), new Paragraph("This session does not exist."));
            return;
        }
        zone = ReportTexts.zoneOf(event.getUI());
        title = "Report · " + draft.session().title();
        build(draft);
    }

    private void build(ReportService.Draft draft) {
        version = draft.version();
        conflicted = false;
        var session = draft.session();

        var heading = new H2("Development report");
        var about = new Span(session.candidateName() + " · " + session.title() + " · "
                + ReportTexts.date(session.heldAt(), zone));
        about.addClassName("report-about");
        status.setId("save-status");
        status.addClassName("report-status");
        status.getElement().setAttribute("role", "status");
        status.setText(draft.savedAt() == null ? "Not saved yet" : "Saved " + ReportTexts.clock(draft.savedAt(), zone));
        var preview = new Button("Preview", VaadinIcon.EYE.create(), e -> preview());
        preview.setId("preview-report");
        preview.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        release.setId("release-report");
        release.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        release.addClickListener(e -> askRelease());
        var back = new com.vaadin.flow.component.html.Anchor("sessions/" + sessionId + "/review", "Back to the review");
        back.addClassName("report-back");
        var actions = new FlexLayout(status, preview, release);
        actions.addClassName("report-actions");
        var header = new Div(new Div(heading, about, back), actions);
        header.addClassName("report-header");

        conflictBox.setId("report-conflict");
        conflictBox.addClassName("report-conflict");
        conflictBox.setVisible(false);

        var left = new Div();
        left.addClassName("report-main");
        summary.setValue(draft.content().summary());
        strengths.setValue(draft.content().strengths());
        development.setValue(draft.content().development());
        summary.setId("report-summary");
        includeConsensus.setValue(draft.content().includeConsensus());
        includePanelScores.setValue(draft.content().includePanelScores());
        includeConsensus.addValueChangeListener(e -> changed(e.isFromClient()));
        includePanelScores.addValueChangeListener(e -> changed(e.isFromClient()));
        includeConsensus.setId("include-consensus");
        includePanelScores.setId("include-panel-scores");
        var include = new Div(new Span("In the released report:"), includeConsensus, includePanelScores);
        include.addClassName("report-include");
        left.add(summary, strengths, development, include);

        var areasEditor = new ReportAreasEditor(draft.content().areas(), draft.scores(), this::text,
                () -> changed(true));
        left.add(areasEditor);
        areas = areasEditor;

        var evidence = new ReportEvidenceColumn(draft.notes(), areasEditor.titles(), areasEditor::quote);
        var link = new ReportLinkBox(reports, publicUrl, sessionId, zone);
        linkBox = link;

        var body = new Div(left, evidence);
        body.addClassName("report-body");
        add(header, conflictBox, link, body);
        showRelease(draft.releasedAt() != null, draft.link(), null);
    }

    private TextArea text(String label, String placeholder) {
        var area = new TextArea(label);
        area.setPlaceholder(placeholder);
        area.setWidthFull();
        area.setMaxLength(ReportContent.MAX_TEXT);
        area.setValueChangeMode(ValueChangeMode.TIMEOUT);
        area.setValueChangeTimeout(AUTOSAVE_MILLIS);
        area.addValueChangeListener(e -> changed(e.isFromClient()));
        return area;
    }

    /** The draft as the fields hold it now. */
    ReportContent content() {
        return new ReportContent(summary.getValue(), strengths.getValue(), development.getValue(),
                areas == null ? List.of() : areas.content(), includeConsensus.getValue(), includePanelScores.getValue());
    }

    private void changed(boolean fromClient) {
        if (!fromClient || draft == null) {
            return;
        }
        if (conflicted) {
            status.setText("Not saved: changed elsewhere");
            return;
        }
        save();
    }

    /** Saves now; true when the draft is stored. */
    boolean save() {
        status.setText("Saving…");
        try {
            ReportService.Saved saved = reports.save(sessionId, content(), version);
            version = saved.version();
            if (areas != null) {
                areas.keepQuotes(saved.content().areas());
            }
            status.setText("Saved " + ReportTexts.clock(saved.savedAt(), zone));
            return true;
        } catch (ReportConflictException e) {
            showConflict(e);
        } catch (ReviewException e) {
            status.setText("Not saved");
            Notifications.error(e.getMessage());
        }
        return false;
    }

    private void showConflict(ReportConflictException e) {
        conflicted = true;
        status.setText("Not saved: changed elsewhere");
        conflictBox.removeAll();
        var text = new Paragraph(e.getMessage() + " The newer version was saved at "
                + ReportTexts.clock(e.savedAt(), zone) + ".");
        var load = new Button("Load the saved version", click -> Confirmation.ask("confirm-load-saved",
                "Load the saved version?", "Your text on this page is replaced by the version saved elsewhere. "
                        + "Copy anything you want to keep first.", "Load it", () -> {
                    removeAll();
                    draft = reports.edit(sessionId);
                    build(draft);
                }));
        load.setId("load-saved");
        var mine = new Button("Save mine over it", click -> Confirmation.ask("confirm-save-mine",
                "Save your text over the other version?", "The version saved elsewhere is replaced by what "
                        + "this page shows.", "Save mine", () -> {
                    version = reports.edit(sessionId).version();
                    conflicted = false;
                    if (save()) {
                        conflictBox.setVisible(false);
                    }
                }));
        mine.setId("save-mine");
        mine.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        conflictBox.add(text, new Div(load, mine));
        conflictBox.setVisible(true);
    }

    private void preview() {
        var dialog = new Dialog();
        dialog.setHeaderTitle("As the candidate will read it");
        dialog.add(new ReportDocument(reports.preview(sessionId, content()), zone));
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.addClassName("report-preview");
        dialog.setWidth("min(52rem, 100vw)");
        dialog.open();
    }

    private void askRelease() {
        if (conflicted) {
            Notifications.error("Resolve the conflict with the other version before releasing.");
            return;
        }
        boolean again = draft != null && draft.releasedAt() != null;
        Confirmation.ask("confirm-release-report", again ? "Release the new version?" : "Release the report?",
                "The candidate will read this version"
                        + (includePanelScores.getValue() ? ", including the individual panel scores" : "")
                        + (includeConsensus.getValue() ? ", with the panel's agreed scores" : "")
                        + ". Later edits stay in your draft until you release again.",
                again ? "Release again" : "Release", this::releaseNow);
    }

    void releaseNow() {
        if (!save()) {
            return;
        }
        try {
            ReportService.Release done = reports.release(sessionId);
            draft = reports.edit(sessionId);
            version = draft.version();
            showRelease(true, done.link(), done.newLink());
            Notifications.success("Report released");
        } catch (ReviewException e) {
            Notifications.error(e.getMessage());
        }
    }

    private void showRelease(boolean released, ReportService.@Nullable LinkState link,
            ReportService.@Nullable IssuedLink issued) {
        release.setText(released ? "Release again" : "Release");
        if (linkBox != null) {
            linkBox.show(released, draft == null ? null : draft.releasedAt(), link, issued);
        }
    }

    private static Optional<Long> parseId(String raw) {
        try {
            return Optional.of(Long.parseLong(raw));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
