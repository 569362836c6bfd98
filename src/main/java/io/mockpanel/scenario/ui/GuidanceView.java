package io.mockpanel.scenario.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.mockpanel.scenario.GuidanceItem;
import io.mockpanel.scenario.GuidanceList;
import io.mockpanel.scenario.ScenarioService;
import io.mockpanel.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;

/** The library's guidance: preparation strategies, the STAR framework, common mistakes, tips. */
@Route("guidance")
@PageTitle("Interview guidance")
@Menu(title = "Interview guidance", order = 3, icon = "vaadin:lightbulb")
@RolesAllowed({AppRoles.INTERVIEWER, AppRoles.COACH, AppRoles.ADMIN})
class GuidanceView extends VerticalLayout {

    GuidanceView(ScenarioService scenarios) {
        addClassName("guidance-view");
        var lists = new Div();
        lists.addClassName("guidance-lists");
        for (GuidanceList list : scenarios.guidance()) {
            var card = new Div();
            card.addClassName("area-card");
            var items = new OrderedList();
            for (GuidanceItem item : list.items()) {
                var entry = new ListItem();
                if (!item.label().isEmpty()) {
                    var label = new Span(item.label());
                    label.addClassName("guidance-label");
                    entry.add(label, new Span(": "));
                }
                entry.add(new Span(item.text()));
                items.add(entry);
            }
            card.add(new H3(list.title()), items);
            lists.add(card);
        }
        add(lists);
    }
}
