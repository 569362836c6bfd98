package io.mockpanel.scenario.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.mockpanel.scenario.LibraryFiles.oneScenario;
import static io.mockpanel.scenario.LibraryFiles.unique;
import static io.mockpanel.scenario.LibraryFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouteNotFoundError;
import io.mockpanel.scenario.LibraryFiles;
import io.mockpanel.scenario.ScenarioService;
import io.mockpanel.support.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class ScenarioImportViewTest extends KaribuTest {

    @Autowired
    ScenarioService service;

    @Autowired
    JdbcClient jdbc;

    private ScenarioImportView open(String username, String role) {
        login(username, role);
        UI.getCurrent().navigate("scenarios/import");
        MockVaadin.clientRoundtrip(false);
        return _get(ScenarioImportView.class);
    }

    private static String summary() {
        return _get(Paragraph.class, spec -> spec.withId("import-summary")).getText();
    }

    private static String error() {
        return _get(Div.class, spec -> spec.withId("import-error")).getElement().getTextRecursively();
    }

    private static boolean confirmShown() {
        return !_find(Button.class, spec -> spec.withId("confirm-import")).isEmpty();
    }

    /** "Line 7" of a file whose duration is not a number of minutes. */
    private static String badDuration(String title) {
        return """
                # Broken

                ## %s

                ### Scenario 1: %s
                **Level**: Senior Manager
                **Duration**: an hour

                **Situation**: Timing is vague.

                **Expected Discussion Points**:

                #### 1. Area
                - Question?
                """.formatted(LibraryFiles.TEST_CATEGORY, title);
    }

    @Test
    void previewing_a_valid_file_shows_the_summary_and_an_enabled_confirm_button_and_saves_nothing() {
        ScenarioImportView view = open("ivy", "INTERVIEWER");
        String title = unique("View preview");

        view.preview("new.md", utf8(oneScenario(title, "Previewed in the view.")));

        assertThat(summary()).isEqualTo("1 scenarios: 1 new, 0 updated, 0 already in the library; 0 guidance lists.");
        assertThat(confirmShown()).isTrue();
        assertThat(view.confirm.isEnabled()).isTrue();
        assertThat(view.confirm.getText()).isEqualTo("Import");
        assertThat(_find(Div.class, spec -> spec.withId("import-error"))).isEmpty();
        assertThat(LibraryFiles.rowsTitled(jdbc, title)).isZero();
    }

    @Test
    void confirming_imports_the_previewed_file_and_returns_to_the_library() {
        ScenarioImportView view = open("ivy", "INTERVIEWER");
        String title = unique("View import");
        view.preview("confirmed.md", utf8(oneScenario(title, "Confirmed in the view.")));

        _click(view.confirm);
        MockVaadin.clientRoundtrip(false);

        long id = LibraryFiles.idOf(service, title).orElseThrow();
        assertThat(service.find(id).orElseThrow().content().situation()).isEqualTo("Confirmed in the view.");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(ScenarioLibraryView.class);
        var library = (ScenarioLibraryView) UI.getCurrent().getCurrentView();
        assertThat(_find(library.cards, com.vaadin.flow.router.RouterLink.class,
                spec -> spec.withText(title))).hasSize(1);
        assertThat(jdbc.sql("select imported_by from scenario_import where source_name = 'confirmed.md'"
                + " order by id desc limit 1").query(String.class).single()).isEqualTo("ivy");
    }

    @Test
    void an_admin_can_import_too() {
        ScenarioImportView view = open("ada", "ADMIN");
        String title = unique("Admin view import");
        view.preview("admin.md", utf8(oneScenario(title, "By an admin.")));

        _click(view.confirm);

        assertThat(LibraryFiles.rowsTitled(jdbc, title)).isEqualTo(1);
    }

    @Test
    void a_malformed_file_shows_the_line_of_the_error_and_no_confirm_button() {
        ScenarioImportView view = open("ivy", "INTERVIEWER");
        String title = unique("View broken");

        view.preview("bad.md", utf8(badDuration(title)));

        assertThat(error()).startsWith("Nothing was imported from bad.md. Line 7: ").contains("\"an hour\"");
        assertThat(confirmShown()).isFalse();
        assertThat(_find(Paragraph.class, spec -> spec.withId("import-summary"))).isEmpty();
        view.importPending();
        assertThat(LibraryFiles.rowsTitled(jdbc, title)).isZero();
    }

    /** Texts of the listed problems, the "and N more" line included. */
    private static java.util.List<String> listedProblems() {
        return _find(_get(Div.class, spec -> spec.withId("import-error")), ListItem.class).stream()
                .map(item -> item.getElement().getTextRecursively()).toList();
    }

    @Test
    void a_file_with_several_problems_lists_every_one_with_its_line_and_saves_nothing() {
        ScenarioImportView view = open("ivy", "INTERVIEWER");
        String title = unique("Many problems");
        String file = badDuration(title).replace("**Level**: Senior Manager\n", "")
                + "\n### Scenario 2: " + title + "\n**Level**: X\n";

        view.preview("many.md", utf8(file));

        assertThat(error()).startsWith("Nothing was imported from many.md. The file has 6 problems;");
        assertThat(listedProblems()).containsExactly(
                "Line 5: scenario \"" + title + "\" has no **Level**: line; every scenario needs one.",
                "Line 6: the duration \"an hour\" is not a number of minutes; write it like \"45 minutes\""
                        + " (1 to 600).",
                "Line 15: there are two scenarios called \"" + title + "\" (lines 5 and 15); each scenario needs"
                        + " its own title.",
                "Line 15: scenario \"" + title + "\" has no **Duration**: line; every scenario needs one.",
                "Line 15: scenario \"" + title + "\" has no **Situation**: line; every scenario needs one.",
                "Line 15: scenario \"" + title + "\" has no discussion areas; add an **Expected Discussion"
                        + " Points**: line followed by headings like \"#### 1. Area title\", each with its questions.");
        assertThat(confirmShown()).isFalse();
        view.importPending();
        assertThat(LibraryFiles.rowsTitled(jdbc, title)).isZero();
    }

    @Test
    void a_file_with_very_many_problems_lists_the_first_twenty_and_says_how_many_more() {
        ScenarioImportView view = open("ivy", "INTERVIEWER");
        var file = new StringBuilder("# Broken\n\n## " + LibraryFiles.TEST_CATEGORY + "\n");
        for (int i = 1; i <= 25; i++) {
            file.append("\n### Scenario ").append(i).append(": ").append(unique("Empty " + i))
                    .append("\n**Level**: VP\n**Duration**: 30\n**Situation**: S.\n**Expected Discussion Points**:\n");
        }

        view.preview("lots.md", utf8(file.toString()));

        assertThat(error()).contains("The file has 25 problems;");
        assertThat(listedProblems()).hasSize(21).last().isEqualTo("… and 5 more.");
        assertThat(listedProblems().getFirst()).startsWith("Line 5: ").contains("has no discussion areas");
    }

    @Test
    void a_malformed_file_after_a_valid_preview_discards_the_pending_import() {
        ScenarioImportView view = open("ivy", "INTERVIEWER");
        String validTitle = unique("Previewed then replaced");
        view.preview("good.md", utf8(oneScenario(validTitle, "Was previewed first.")));
        assertThat(confirmShown()).isTrue();

        view.preview("bad.md", utf8(badDuration(unique("Second file"))));
        view.importPending();

        assertThat(error()).contains("Line 7: ");
        assertThat(confirmShown()).isFalse();
        assertThat(LibraryFiles.rowsTitled(jdbc, validTitle)).isZero();
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(ScenarioImportView.class);
    }

    @Test
    void a_file_that_is_not_utf8_shows_the_utf8_message() {
        ScenarioImportView view = open("ivy", "INTERVIEWER");
        String title = unique("View latin");

        view.preview("latin.md", oneScenario(title, "Caf\u00e9.").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        assertThat(error()).contains("The file is not UTF-8 text.");
        assertThat(confirmShown()).isFalse();
        assertThat(LibraryFiles.rowsTitled(jdbc, title)).isZero();
    }

    @Test
    void a_file_already_in_the_library_offers_nothing_to_import() throws Exception {
        ScenarioImportView view = open("ivy", "INTERVIEWER");
        String title = unique("Already there");
        byte[] file = utf8(oneScenario(title, "Imported before."));
        service.importLibrary(file, "before.md");

        view.preview("again.md", file);

        assertThat(summary()).isEqualTo("1 scenarios: 0 new, 0 updated, 1 already in the library; 0 guidance lists.");
        assertThat(view.confirm.isEnabled()).isFalse();
        assertThat(view.confirm.getText()).isEqualTo("Nothing to change");
    }

    @Test
    void cancel_discards_the_preview() {
        ScenarioImportView view = open("ivy", "INTERVIEWER");
        String title = unique("Cancelled");
        view.preview("cancel.md", utf8(oneScenario(title, "Cancelled.")));

        _click(view.cancel);
        view.importPending();

        assertThat(confirmShown()).isFalse();
        assertThat(_find(Paragraph.class, spec -> spec.withId("import-summary"))).isEmpty();
        assertThat(LibraryFiles.rowsTitled(jdbc, title)).isZero();
    }

    @Test
    void a_coach_is_denied_the_import_view() {
        login("cole", "COACH");

        UI.getCurrent().navigate("scenarios/import");
        MockVaadin.clientRoundtrip(false);

        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(RouteNotFoundError.class);
        assertThat(_find(ScenarioImportView.class)).isEmpty();
    }
}
