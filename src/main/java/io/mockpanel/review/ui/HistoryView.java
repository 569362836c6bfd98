package io.mockpanel.review.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.mockpanel.base.ui.WindowWidth;
import io.mockpanel.base.ui.Badge;
import io.mockpanel.panel.SessionState;
import io.mockpanel.review.HistoryFilter;
import io.mockpanel.review.HistoryRow;
import io.mockpanel.review.HistoryService;
import io.mockpanel.review.ReviewException;
import io.mockpanel.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * Every session the user may see, newest first, narrowed by candidate, scenario, interviewer,
 * dates, state, verdict and words in the notes. Rows load a page at a time as the grid scrolls;
 * the filters live in the address, so a reload or the back button keeps them. A row opens the
 * session's review.
 */
@Route("history")
@PageTitle("History")
@Menu(title = "History", order = 4, icon = "vaadin:archive")
@RolesAllowed({AppRoles.COACH, AppRoles.ADMIN, AppRoles.INTERVIEWER})
class HistoryView extends VerticalLayout implements BeforeEnterObserver {

    static final String ROUTE = "history";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM,
            FormatStyle.SHORT).withZone(ZoneId.systemDefault());
    /** Below this window width the grid shows one summary column instead of seven. */
    private static final int NARROW = 700;

    private final HistoryService history;
    final HistoryFilterBar filters;
    final Grid<HistoryRow> grid = new Grid<>();
    final Span count = new Span();
    final Span message = new Span();
    private final List<Grid.Column<HistoryRow>> wideColumns;
    private final Grid.Column<HistoryRow> summaryColumn;
    private HistoryFilter current = HistoryFilter.NONE;
    /** The address the filters were last written to (what a reload would bring back). */
    Location location = new Location(ROUTE);

    HistoryView(HistoryService history) {
        WindowWidth.follow(this, width -> narrow(width < NARROW));
        this.history = history;
        addClassName("history-view");
        setSizeFull();
        filters = new HistoryFilterBar(history, this::refresh);

        count.addClassName("result-count");
        count.setId("history-count");
        message.addClassName("history-message");
        message.setId("history-message");
        var status = new Div(count, message);
        status.addClassName("history-status");

        grid.addClassName("history-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        var when = grid.addColumn(row -> WHEN.format(row.heldAt())).setHeader("When").setAutoWidth(true)
                .setFlexGrow(0);
        var title = grid.addComponentColumn(HistoryView::titleCell).setHeader("Session").setFlexGrow(3);
        var candidate = grid.addColumn(HistoryRow::candidateName).setHeader("Candidate").setFlexGrow(2);
        var lead = grid.addColumn(HistoryRow::leadName).setHeader("Lead").setFlexGrow(2);
        var panel = grid.addColumn(HistoryRow::panelSize).setHeader("Panel").setAutoWidth(true).setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        var state = grid.addComponentColumn(row -> stateBadge(row.state())).setHeader("State").setAutoWidth(true)
                .setFlexGrow(0);
        var verdict = grid.addColumn(HistoryRow::verdictLabel).setHeader("Verdict").setAutoWidth(true).setFlexGrow(0);
        wideColumns = List.of(when, title, candidate, lead, panel, state, verdict);
        summaryColumn = grid.addComponentColumn(HistoryView::summaryCell).setHeader("Sessions");
        summaryColumn.setVisible(false);
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.setEmptyStateText("No sessions yet.");

        add(filters, status, grid);
        setFlexGrow(1, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        HistoryFilter asked = HistoryFilterBar.fromParameters(event.getLocation().getQueryParameters());
        filters.fill(asked);
        refresh();
    }

    /** Checks the filters, then shows the first page and the count, or says what is wrong. */
    void refresh() {
        HistoryFilter asked = filters.filter();
        filters.valid();
        writeAddress(asked);
        try {
            current = history.check(asked);
        } catch (ReviewException wrong) {
            filters.invalid(asked, wrong.getMessage());
            message.setText(wrong.getMessage());
            count.setText("");
            grid.setItems(List.of());
            grid.setEmptyStateText("Nothing to show until the filters above are fixed.");
            return;
        }
        message.setText("");
        count.setText(history.count(current).label());
        boolean filtered = !current.equals(HistoryFilter.NONE);
        grid.setEmptyStateText(filtered
                ? "No sessions match these filters. Clear a filter or search for other words."
                : "No sessions yet. Sessions appear here once they are created; interviewers see the sessions "
                        + "they sat on, coaches and admins every session.");
        HistoryFilter shown = current;
        grid.setItems(query -> history.page(shown, query.getOffset(), query.getLimit()).stream());
    }

    private void writeAddress(HistoryFilter filter) {
        location = new Location(ROUTE, HistoryFilterBar.toParameters(filter));
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, location));
    }

    private void open(HistoryRow row) {
        getUI().ifPresent(ui -> ui.navigate(reviewRoute(row.id())));
    }

    /** The review page of a session (built by the review view; navigated to by its address). */
    static String reviewRoute(long sessionId) {
        return "sessions/" + sessionId + "/review";
    }

    private void narrow(boolean narrow) {
        wideColumns.forEach(column -> column.setVisible(!narrow));
        summaryColumn.setVisible(narrow);
    }

    private static Component titleCell(HistoryRow row) {
        var cell = new Div();
        cell.addClassName("history-title");
        var title = new Span(row.title());
        title.addClassName("history-title-text");
        cell.add(title);
        if (!row.excerpt().isEmpty()) {
            cell.add(excerpt(row));
        }
        return cell;
    }

    private static Component summaryCell(HistoryRow row) {
        var cell = new Div();
        cell.addClassName("history-summary");
        var title = new Span(row.title());
        title.addClassName("history-title-text");
        var meta = new Span(WHEN.format(row.heldAt()) + " · " + row.candidateName() + " · lead " + row.leadName());
        meta.addClassName("history-meta");
        var badges = new Div(stateBadge(row.state()), Badge.of("Verdict " + row.verdictLabel(), "contrast"));
        badges.addClassName("badges");
        cell.add(title, meta, badges);
        if (!row.excerpt().isEmpty()) {
            cell.add(excerpt(row));
        }
        return cell;
    }

    /** The matching passage; every part is set as text, so note text can never become markup. */
    private static Component excerpt(HistoryRow row) {
        var excerpt = new Div();
        excerpt.addClassName("history-excerpt");
        for (HistoryRow.ExcerptPart part : row.excerpt()) {
            var span = new Span(part.text());
            if (part.match()) {
                span.addClassName("history-match");
            }
            excerpt.add(span);
        }
        return excerpt;
    }

    private static Span stateBadge(SessionState state) {
        return switch (state) {
            case LIVE -> Badge.of(state.label(), "success");
            case SCHEDULED -> Badge.of(state.label());
            case COMPLETED, CANCELLED -> Badge.of(state.label(), "contrast");
        };
    }
}
