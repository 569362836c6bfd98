package io.mockpanel.scenario.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micrometer.core.instrument.MeterRegistry;
import io.mockpanel.base.ui.Notifications;
import io.mockpanel.scenario.ImportChange;
import io.mockpanel.scenario.ImportPreview.ScenarioImport;
import io.mockpanel.scenario.ImportPreview;
import io.mockpanel.scenario.ImportResult;
import io.mockpanel.scenario.ScenarioFormatException;
import io.mockpanel.scenario.ScenarioService;
import io.mockpanel.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Import of a library Markdown file in two steps: the file is read and previewed (what is new,
 * what changes, what is already there, or every line that is wrong), then imported on
 * confirmation. Nothing is saved before the confirmation.
 */
@Route("scenarios/import")
@PageTitle("Import scenarios")
@Menu(title = "Import scenarios", order = 2, icon = "vaadin:upload")
@RolesAllowed({AppRoles.INTERVIEWER, AppRoles.ADMIN})
class ScenarioImportView extends VerticalLayout {

    private final ScenarioService scenarios;

    final Upload upload;
    final TextArea pasted = new TextArea("Or paste Markdown");
    final Button previewPasted = new Button("Preview pasted text");
    final Div result = new Div();
    final Button confirm = new Button("Import");
    final Button cancel = new Button("Cancel");

    private @Nullable Pending pending;

    /** The file waiting for confirmation, exactly as previewed. */
    private record Pending(String sourceName, byte[] bytes) {
    }

    ScenarioImportView(ScenarioService scenarios, MeterRegistry metrics) {
        this.scenarios = scenarios;
        addClassName("import-view");

        var intro = new Paragraph("Upload a scenario library in Markdown, in the format of the exported library: "
                + "## category, ### Scenario N: title, **Level**, **Duration**, **Company** (optional), "
                + "**Situation**, **Key Challenges**, and #### discussion areas with their questions. "
                + "Scenarios whose title is already in the library are updated; nothing is saved until you confirm.");
        intro.addClassName("import-intro");

        // Counted while it streams in: never more than the limit is read, whatever the browser says.
        upload = new Upload(new BoundedUploadHandler(ScenarioService.MAX_FILE_BYTES, "1 MiB", this::preview,
                (fileName, message) -> {
                    reset();
                    showError(message);
                }, metrics));
        upload.setAcceptedFileTypes(".md", ".markdown", ".txt", "text/markdown", "text/plain");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(ScenarioService.MAX_FILE_BYTES);
        upload.setDropLabel(new Span("Drop a .md file here (at most 1 MiB)"));
        upload.addFileRejectedListener(e -> showError(e.getErrorMessage()
                + " Only one Markdown file (.md) of at most 1 MiB is accepted."));
        upload.setId("library-upload");

        pasted.setWidthFull();
        pasted.setMaxLength(ScenarioService.MAX_FILE_BYTES);
        pasted.setPlaceholder("### Scenario 1: …");
        previewPasted.addClickListener(e -> preview("pasted text", pasted.getValue().getBytes(StandardCharsets.UTF_8)));
        var pasteBox = new Details("Paste instead of uploading", new VerticalLayout(pasted, previewPasted));
        pasteBox.setWidthFull();

        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setId("confirm-import");
        confirm.addClickListener(e -> importPending());
        cancel.addClickListener(e -> reset());

        result.addClassName("import-result");
        result.setWidthFull();
        add(intro, upload, pasteBox, result);
    }

    /** Reads the file and shows what importing it would do; saves nothing. */
    void preview(String sourceName, byte[] bytes) {
        result.removeAll();
        pending = null;
        // The result below tells what was read; clearing the list lets the next file replace this one.
        upload.clearFileList();
        try {
            ImportPreview preview = scenarios.preview(bytes);
            pending = new Pending(sourceName, bytes);
            showPreview(sourceName, preview);
        } catch (ScenarioFormatException e) {
            showProblems("Nothing was imported from " + sourceName + ".", e);
        }
    }

    void importPending() {
        if (pending == null) {
            return;
        }
        try {
            ImportResult done = scenarios.importLibrary(pending.bytes(), pending.sourceName());
            Notifications.success("Imported " + pending.sourceName() + ": " + done.describe());
            getUI().ifPresent(ui -> ui.navigate(ScenarioLibraryView.class));
        } catch (ScenarioFormatException e) {
            showProblems("Nothing was imported.", e);
        } finally {
            pending = null;
        }
    }

    private void reset() {
        pending = null;
        result.removeAll();
        upload.clearFileList();
    }

    private void showError(String message) {
        result.removeAll();
        result.add(ImportProblems.of(message));
    }

    private void showProblems(String lead, ScenarioFormatException e) {
        result.removeAll();
        result.add(new ImportProblems(lead, e.problems()));
    }

    private void showPreview(String sourceName, ImportPreview preview) {
        var heading = new H3("Preview of " + sourceName);
        var summary = new Paragraph(preview.scenarios().size() + " scenarios: "
                + preview.count(ImportChange.NEW) + " new, "
                + preview.count(ImportChange.UPDATED) + " updated, "
                + preview.count(ImportChange.UNCHANGED) + " already in the library; "
                + preview.guidance().size() + " guidance lists.");
        summary.setId("import-summary");

        var grid = new Grid<ScenarioImport>();
        grid.addColumn(s -> s.content().title()).setHeader("Title").setFlexGrow(2);
        grid.addColumn(s -> s.content().category()).setHeader("Category").setFlexGrow(1);
        grid.addColumn(s -> s.content().level()).setHeader("Level").setAutoWidth(true);
        grid.addColumn(s -> s.content().durationMinutes() + " min").setHeader("Duration").setAutoWidth(true);
        grid.addColumn(s -> s.content().discussionAreas().size()).setHeader("Areas").setAutoWidth(true);
        grid.addColumn(s -> s.change().label()).setHeader("Import will").setAutoWidth(true);
        grid.setItems(preview.scenarios());
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);

        confirm.setText(preview.changesAnything() ? "Import" : "Nothing to change");
        confirm.setEnabled(preview.changesAnything());
        var buttons = new FlexLayout(confirm, cancel);
        buttons.addClassName("import-buttons");
        result.add(heading, summary, grid, buttons);
    }
}
