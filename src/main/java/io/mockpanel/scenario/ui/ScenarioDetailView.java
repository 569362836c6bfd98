package io.mockpanel.scenario.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.mockpanel.scenario.DiscussionArea;
import io.mockpanel.scenario.ScenarioContent;
import io.mockpanel.scenario.ScenarioDetails;
import io.mockpanel.scenario.ScenarioService;
import io.mockpanel.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;

/** One scenario as a readable card: situation, key challenges, and each area with its questions. */
@Route("scenarios/:scenarioId")
@RolesAllowed({AppRoles.INTERVIEWER, AppRoles.COACH, AppRoles.ADMIN})
class ScenarioDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ID_PARAMETER = "scenarioId";

    private final ScenarioService scenarios;
    private String title = "Scenario";

    ScenarioDetailView(ScenarioService scenarios) {
        this.scenarios = scenarios;
        addClassName("scenario-detail");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Optional<ScenarioDetails> details = event.getRouteParameters().get(ID_PARAMETER)
                .flatMap(ScenarioDetailView::parseId)
                .flatMap(scenarios::find);
        if (details.isEmpty()) {
            title = "Scenario not found";
            var back = new RouterLink("Back to the library", ScenarioLibraryView.class);
            add(new H2("Scenario not found"),
                    new Paragraph("This scenario does not exist, or it was removed from the library."), back);
            return;
        }
        show(details.get());
    }

    private static Optional<Long> parseId(String raw) {
        try {
            return Optional.of(Long.parseLong(raw));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void show(ScenarioDetails details) {
        ScenarioContent content = details.content();
        title = content.title();

        var back = new RouterLink("", ScenarioLibraryView.class);
        back.add(VaadinIcon.ARROW_LEFT.create(), new Span("Library"));
        back.addClassName("back-link");
        var export = new Anchor(MarkdownDownloads.scenario(scenarios, details.id(), content.title()), "");
        export.add(new Button("Export", VaadinIcon.DOWNLOAD.create()));
        export.setDownload(true);
        export.setId("export-scenario");
        var topBar = new FlexLayout(back, export);
        topBar.addClassName("detail-top-bar");

        var category = new Span(content.category());
        category.addClassName("detail-category");
        var heading = new H2(content.title());
        heading.addClassName("detail-title");

        var situation = section("Situation", new Paragraph(content.situation()));
        situation.addClassName("detail-situation");

        add(topBar, category, heading, Badges.meta(content.level(), content.durationMinutes(), content.company()),
                situation);

        if (!content.keyChallenges().isEmpty()) {
            var challenges = new UnorderedList();
            content.keyChallenges().forEach(c -> challenges.add(new ListItem(c)));
            add(section("Key challenges", challenges));
        }

        var areas = new Div();
        areas.addClassName("detail-areas");
        int number = 1;
        for (DiscussionArea area : content.discussionAreas()) {
            areas.add(areaCard(number++, area));
        }
        add(section("Areas of discussion", areas));
    }

    private static Section section(String heading, com.vaadin.flow.component.Component body) {
        var section = new Section(new H3(heading), body);
        section.addClassName("detail-section");
        return section;
    }

    private static Div areaCard(int number, DiscussionArea area) {
        var card = new Div();
        card.addClassName("area-card");
        var heading = new com.vaadin.flow.component.html.H4(number + ". " + area.title());
        var questions = new OrderedList();
        area.questions().forEach(q -> questions.add(new ListItem(q)));
        card.add(heading, questions);
        return card;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
