package io.mockpanel.scenario.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.mockpanel.scenario.ScenarioFilter;
import io.mockpanel.scenario.ScenarioService;
import io.mockpanel.scenario.ScenarioSummary;
import io.mockpanel.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/** The library: every scenario as a card, narrowed by free text, category and level. */
@Route("")
@PageTitle("Scenario library")
@Menu(title = "Scenario library", order = 1, icon = "vaadin:book")
@RolesAllowed({AppRoles.INTERVIEWER, AppRoles.COACH, AppRoles.ADMIN})
class ScenarioLibraryView extends VerticalLayout {

    private final ScenarioService scenarios;

    final TextField search = new TextField();
    final ComboBox<String> category = new ComboBox<>("Category");
    final ComboBox<String> level = new ComboBox<>("Level");
    final Div cards = new Div();
    final Span resultCount = new Span();

    ScenarioLibraryView(ScenarioService scenarios, AuthenticationContext authentication) {
        this.scenarios = scenarios;
        addClassName("library-view");

        search.setLabel("Search");
        search.setPlaceholder("Title, situation, question…");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        search.setMaxLength(ScenarioFilter.MAX_TEXT);

        category.setItems(scenarios.categories());
        category.setPlaceholder("All categories");
        category.setClearButtonVisible(true);
        category.addValueChangeListener(e -> refresh());

        level.setItems(scenarios.levels());
        level.setPlaceholder("All levels");
        level.setClearButtonVisible(true);
        level.addValueChangeListener(e -> refresh());

        var filters = new FlexLayout(search, category, level);
        filters.addClassName("library-filters");
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        var actions = new FlexLayout();
        actions.addClassName("library-actions");
        resultCount.addClassName("result-count");
        resultCount.setId("result-count");
        actions.add(resultCount);
        if (authentication.hasAnyRole(AppRoles.INTERVIEWER, AppRoles.ADMIN)) {
            var importLink = new RouterLink(ScenarioImportView.class);
            var importButton = new Button("Import", VaadinIcon.UPLOAD.create());
            importButton.setTabIndex(-1);
            importLink.add(importButton);
            importLink.setId("import-link");
            actions.add(importLink);
        }
        var export = new Anchor(MarkdownDownloads.library(scenarios), "");
        export.add(new Button("Export library", VaadinIcon.DOWNLOAD.create()));
        export.setId("export-library");
        export.setDownload(true);
        actions.add(export);

        cards.addClassName("scenario-cards");
        cards.setId("scenario-cards");
        add(filters, actions, cards);
        refresh();
    }

    void refresh() {
        var filter = new ScenarioFilter(search.getValue(), category.getValue(), level.getValue());
        search.setHelperText(filter.leavesOutCharacters()
                ? "Control characters (such as NUL) cannot be searched for and were left out." : null);
        List<ScenarioSummary> found = scenarios.search(filter);
        cards.removeAll();
        found.forEach(summary -> cards.add(card(summary)));
        resultCount.setText(found.size() == 1 ? "1 scenario" : found.size() + " scenarios");
        if (found.isEmpty()) {
            var empty = new Paragraph("No scenario matches. Clear the search or the filters to see the whole library.");
            empty.addClassName("empty-state");
            cards.add(empty);
        }
    }

    private static Card card(ScenarioSummary summary) {
        var card = new Card();
        card.addClassName("scenario-card");
        var title = new RouterLink(summary.title(), ScenarioDetailView.class,
                new RouteParameters(ScenarioDetailView.ID_PARAMETER, String.valueOf(summary.id())));
        title.addClassName("scenario-card-title");
        card.setTitle(title);
        card.setSubtitle(new Span(summary.category()));
        card.add(Badges.meta(summary.level(), summary.durationMinutes(), summary.company()));
        var situation = new Paragraph(summary.situation());
        situation.addClassName("scenario-card-situation");
        card.add(situation);
        var counts = new Span(summary.areaCount() + " discussion areas · " + summary.questionCount() + " questions");
        counts.addClassName("scenario-card-counts");
        card.add(counts);
        return card;
    }
}
