package io.mockpanel.review.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
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
    private final List<ReportContent.AreaFeedback> areas = new ArrayList<>();

    final Span status = new Span();
    final TextArea summary = text("Opening summary", "How the session went, in a few sentences.");
    final TextArea strengths = text("Strengths", "What the candidate did well.");
    final TextArea development = text("Areas to develop", "What to work on next, and how.");
    final Checkbox includeConsensus = new Checkbox("Show the panel's agreed scores");
    final Checkbox includePanelScores = new Checkbox("Show the individual panel scores (without names)");
    final List<TextArea> feedback = new ArrayList<>();
    final Select<Integer> quoteTarget = new Select<>();
    final Button release = new Button();
    final Div linkBox = new Div();
    final Div conflictBox = new Div();
    private final Div quotesColumn = new Div();
    private final List<Div> quoteLists = new ArrayList<>();

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
        areas.clear();
        areas.addAll(draft.content().areas());
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
        linkBox.setId("report-link");
        linkBox.addClassName("report-link");

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

        Map<String, ReportService.AreaEvidence> evidence = draft.scores().stream()
                .collect(Collectors.toMap(e -> e.scenario() + "/" + e.area(), Function.identity()));
        feedback.clear();
        quoteLists.clear();
        String scenario = null;
        for (int i = 0; i < areas.size(); i++) {
            ReportContent.AreaFeedback area = areas.get(i);
            if (!area.scenarioTitle().equals(scenario)) {
                scenario = area.scenarioTitle();
                left.add(new H3(scenario));
            }
            var field = text(area.areaTitle(), "Feedback on this area, drawing on the scores and notes.");
            field.setValue(area.feedback());
            field.addClassName("report-area-feedback");
            feedback.add(field);
            var scores = new Paragraph(scoreLine(evidence.get(area.scenario() + "/" + area.area())));
            scores.addClassName("report-area-scores");
            var quotes = new Div();
            quotes.addClassName("report-area-quotes");
            quoteLists.add(quotes);
            var box = new Div(field, scores, quotes);
            box.addClassName("report-area-edit");
            left.add(box);
            showQuotes(i);
        }

        var right = new Div();
        right.addClassName("report-evidence");
        right.add(new H3("Evidence to quote"));
        quoteTarget.setLabel("Quote into");
        quoteTarget.setItems(java.util.stream.IntStream.range(0, areas.size()).boxed().toList());
        quoteTarget.setItemLabelGenerator(i -> areas.get(i).areaTitle());
        quoteTarget.setWidthFull();
        quoteTarget.setId("quote-target");
        if (!areas.isEmpty()) {
            quoteTarget.setValue(0);
        }
        var filter = new TextField();
        filter.setPlaceholder("Filter notes");
        filter.setClearButtonVisible(true);
        filter.setWidthFull();
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setAriaLabel("Filter notes");
        quotesColumn.addClassName("report-notes");
        filter.addValueChangeListener(e -> showNotes(e.getValue()));
        var hint = new Paragraph("Only the panel's shared notes are listed; private notes are never quoted. "
                + "A quote keeps the note's text as it is when you pick it.");
        hint.addClassName("report-hint");
        right.add(quoteTarget, filter, hint, quotesColumn);
        showNotes("");

        var body = new Div(left, right);
        body.addClassName("report-body");
        add(header, conflictBox, linkBox, body);
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

    private String scoreLine(ReportService.@Nullable AreaEvidence evidence) {
        if (evidence == null || evidence.consensus() == null && evidence.scores().isEmpty()) {
            return "No revealed scores for this area.";
        }
        String consensus = evidence.consensus() == null ? "no agreed score"
                : "agreed " + ReportTexts.score(evidence.consensus());
        String panel = evidence.scores().stream().map(s -> s.name() + " " + s.score())
                .collect(Collectors.joining(", "));
        return "Panel: " + consensus + (panel.isEmpty() ? "" : " · " + panel);
    }

    private void showNotes(String filter) {
        quotesColumn.removeAll();
        String needle = filter.strip().toLowerCase(Locale.ROOT);
        var notes = draft == null ? List.<ReportService.QuotableNote>of() : draft.notes().stream()
                .filter(n -> needle.isEmpty() || n.text().toLowerCase(Locale.ROOT).contains(needle)
                        || n.author().toLowerCase(Locale.ROOT).contains(needle))
                .toList();
        if (notes.isEmpty()) {
            quotesColumn.add(new Paragraph(needle.isEmpty() ? "The panel wrote no shared notes." : "No note matches."));
        }
        for (ReportService.QuotableNote note : notes) {
            var when = new Span(ReportTexts.offset(note.offsetMs()) + " · " + note.author());
            when.addClassName("report-note-when");
            var text = new Paragraph(note.text());
            text.addClassName("report-note-text");
            var quote = new Button("Quote", VaadinIcon.QUOTE_LEFT.create(), e -> quote(note));
            quote.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            quote.getElement().setAttribute("data-note", Long.toString(note.id()));
            quote.addClassName("quote-note");
            var card = new Div(when, text, quote);
            card.addClassName("report-note");
            quotesColumn.add(card);
        }
    }

    void quote(ReportService.QuotableNote note) {
        Integer target = quoteTarget.getValue();
        if (target == null) {
            Notifications.warning("Choose the discussion area to quote the note into.");
            return;
        }
        ReportContent.AreaFeedback area = areas.get(target);
        if (area.quotes().stream().anyMatch(q -> q.noteId() == note.id())) {
            Notifications.info("This note is already quoted in “" + area.areaTitle() + "”.");
            return;
        }
        List<ReportContent.Quote> quotes = new ArrayList<>(area.quotes());
        quotes.add(new ReportContent.Quote(note.id(), note.offsetMs(), note.text()));
        areas.set(target, area.withQuotes(quotes));
        showQuotes(target);
        changed(true);
    }

    private void showQuotes(int index) {
        Div list = quoteLists.get(index);
        list.removeAll();
        for (ReportContent.Quote quote : areas.get(index).quotes()) {
            var text = new Span("“" + quote.text() + "” (" + ReportTexts.offset(quote.offsetMs()) + ")");
            var remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                var area = areas.get(index);
                areas.set(index, area.withQuotes(area.quotes().stream().filter(q -> q != quote).toList()));
                showQuotes(index);
                changed(true);
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            remove.setAriaLabel("Remove this quote");
            var row = new Div(text, remove);
            row.addClassName("report-quote-row");
            list.add(row);
        }
    }

    /** The draft as the fields hold it now. */
    ReportContent content() {
        List<ReportContent.AreaFeedback> list = new ArrayList<>();
        for (int i = 0; i < areas.size(); i++) {
            list.add(areas.get(i).withFeedback(feedback.get(i).getValue()));
        }
        return new ReportContent(summary.getValue(), strengths.getValue(), development.getValue(), list,
                includeConsensus.getValue(), includePanelScores.getValue());
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
            for (int i = 0; i < areas.size() && i < saved.content().areas().size(); i++) {
                areas.set(i, areas.get(i).withQuotes(saved.content().areas().get(i).quotes()));
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
        linkBox.removeAll();
        if (!released) {
            linkBox.setVisible(false);
            return;
        }
        linkBox.setVisible(true);
        String state = draft != null && draft.releasedAt() != null
                ? "Released " + ReportTexts.dayAndClock(draft.releasedAt(), zone) + ". " : "Released. ";
        if (link == null) {
            state += "No link was sent yet.";
        } else if (link.revoked()) {
            state += "The candidate's link was revoked.";
        } else if (link.expired()) {
            state += "The candidate's link expired on " + ReportTexts.dayAndClock(link.expiresAt(), zone) + ".";
        } else {
            state += "The candidate's link works until " + ReportTexts.dayAndClock(link.expiresAt(), zone) + ".";
        }
        var text = new Span(state);
        text.setId("report-link-state");
        var reissue = new Button(link != null && link.usable() ? "New link" : "Send a new link", e -> {
            Runnable act = () -> act(() -> {
                ReportService.IssuedLink fresh = reports.reissueLink(sessionId);
                showRelease(true, new ReportService.LinkState(fresh.expiresAt(), false, false), fresh);
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
                        showRelease(true, new ReportService.LinkState(link.expiresAt(), true, false), null);
                    })));
            revoke.setId("revoke-report-link");
            revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            row.add(revoke);
        }
        linkBox.add(row);
        if (issued != null) {
            String url = publicUrl.link(issued.path());
            var field = new TextField();
            field.setValue(url);
            field.setReadOnly(true);
            field.setWidthFull();
            field.setId("report-link-url");
            field.setAriaLabel("Report link");
            var copy = new Button("Copy", VaadinIcon.COPY.create());
            copy.setId("copy-report-link");
            copy.addClickListener(e -> {
                copy.getElement().executeJs("return navigator.clipboard ? navigator.clipboard.writeText($0) : null",
                        url);
                Notifications.success("Link copied");
            });
            var urlRow = new FlexLayout(field, copy);
            urlRow.addClassName("invite-row");
            var hint = new Paragraph("Send this link to the candidate now: it is shown only once.");
            hint.addClassName("report-hint");
            linkBox.add(urlRow, hint);
        }
    }

    private void act(Runnable action) {
        try {
            action.run();
        } catch (ReviewException e) {
            Notifications.error(e.getMessage());
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
