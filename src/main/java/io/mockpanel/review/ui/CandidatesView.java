package io.mockpanel.review.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.mockpanel.base.ui.Badge;
import io.mockpanel.review.Candidate;
import io.mockpanel.review.CandidateService;
import io.mockpanel.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * Every candidate as a person across sessions, found by name or address, for coaches and admins to
 * open a candidate's progress. The grid pages through the database as it scrolls.
 */
@Route("candidates")
@PageTitle("Candidates")
@Menu(title = "Candidates", order = 5, icon = "vaadin:user-card")
@RolesAllowed({AppRoles.COACH, AppRoles.ADMIN})
class CandidatesView extends VerticalLayout {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());

    final TextField search = new TextField();
    final Grid<Candidate> grid = new Grid<>();
    final Span count = new Span();
    final Paragraph empty = new Paragraph();

    CandidatesView(CandidateService candidates) {
        addClassName("candidates-view");
        search.setPlaceholder("Search by name or e-mail");
        search.setAriaLabel("Search candidates");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setMaxLength(200);
        search.setId("candidate-search");
        count.addClassName("result-count");
        var toolbar = new FlexLayout(search, count);
        toolbar.addClassName("library-actions");

        grid.setId("candidates");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(new ComponentRenderer<>(CandidatesView::who)).setHeader("Candidate").setFlexGrow(3)
                .setAutoWidth(false);
        grid.addColumn(Candidate::sessions).setHeader("Sessions").setFlexGrow(0).setWidth("6.5em");
        grid.addColumn(c -> c.lastSessionAt() == null ? "" : DAY.format(c.lastSessionAt())).setHeader("Latest")
                .setFlexGrow(0).setWidth("8.5em");
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.setItems(query -> candidates.candidates(search.getValue(), query.getOffset(), query.getLimit()).stream(),
                query -> candidates.count(search.getValue()));

        empty.addClassName("empty-state");
        empty.setId("candidates-empty");
        search.addValueChangeListener(e -> refresh(candidates));
        refresh(candidates);
        add(toolbar, empty, grid);
        setSizeFull();
        grid.setSizeFull();
    }

    private void refresh(CandidateService candidates) {
        int found = candidates.count(search.getValue());
        count.setText(found == 1 ? "1 candidate" : found + " candidates");
        grid.getDataProvider().refreshAll();
        boolean none = found == 0;
        grid.setVisible(!none);
        empty.setVisible(none);
        empty.setText(search.getValue().isBlank()
                ? "No candidates yet. A candidate appears here when an interviewer creates a session for them; "
                        + "sessions with the same e-mail address are grouped under one candidate."
                : "No candidate's name or e-mail contains \u201c" + search.getValue().strip() + "\u201d.");
    }

    private void open(Candidate candidate) {
        getUI().ifPresent(ui -> ui.navigate(CandidateProgressView.class,
                new RouteParameters(CandidateProgressView.ID_PARAMETER, String.valueOf(candidate.id()))));
    }

    private static Div who(Candidate candidate) {
        var name = new Span(candidate.displayName());
        name.addClassName("candidate-name");
        var cell = new Div(name);
        cell.addClassName("candidate-cell");
        if (candidate.anonymised()) {
            cell.add(Badge.of("Anonymised", "contrast"));
        } else if (!candidate.addresses().isEmpty()) {
            var addresses = new Span(String.join(", ", candidate.addresses()));
            addresses.addClassName("candidate-addresses");
            cell.add(addresses);
        }
        return cell;
    }
}
