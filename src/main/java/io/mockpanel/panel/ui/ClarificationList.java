package io.mockpanel.panel.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import io.mockpanel.panel.SessionEvent;
import java.util.List;

/** The candidate's clarification requests, newest first; redrawn only when one arrives. */
final class ClarificationList extends Div {

    private int shown = -1;

    ClarificationList() {
        addClassName("area-card");
        setId("clarifications");
    }

    void show(List<SessionEvent> requests) {
        if (requests.size() == shown) {
            return;
        }
        shown = requests.size();
        removeAll();
        add(new H3("Clarification requests"));
        if (requests.isEmpty()) {
            add(new Paragraph("None."));
            return;
        }
        var list = new UnorderedList();
        for (SessionEvent request : requests.reversed()) {
            list.add(new ListItem(AgendaTree.clock(request.at()) + " — the candidate asked for a clarification"));
        }
        add(list);
    }
}
