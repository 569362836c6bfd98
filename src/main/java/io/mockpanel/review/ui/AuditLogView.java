package io.mockpanel.review.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.mockpanel.base.ui.WindowWidth;
import io.mockpanel.review.AuditLog;
import io.mockpanel.review.AuditTrail;
import io.mockpanel.review.AuditTrail.Entry;
import io.mockpanel.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The audit log for admins: who did what to whose data (privacy actions, merges, and every look by
 * a coach or admin at a session they did not sit on), newest first, a page at a time, filtered.
 */
@Route("audit")
@PageTitle("Audit log")
@Menu(title = "Audit log", order = 92, icon = "vaadin:list-select")
@RolesAllowed(AppRoles.ADMIN)
class AuditLogView extends VerticalLayout {

    private static final int NARROW = 700;

    private final AuditTrail trail;
    final Select<AuditLog.@Nullable Action> action = new Select<>();
    final TextField actor = new TextField("Who");
    final TextField subject = new TextField("Subject");
    final DatePicker from = new DatePicker("From");
    final DatePicker to = new DatePicker("To");
    final Grid<Entry> grid = new Grid<>();
    private final Details filtersBox = new Details();
    private final List<Grid.Column<Entry>> wideOnly = new ArrayList<>();
    private final Grid.Column<Entry> narrowOnly;

    AuditLogView(AuditTrail trail) {
        WindowWidth.follow(this, this::fitWidth);
        this.trail = trail;
        addClassName("audit-view");
        setSizeFull();
        setMaxWidth("var(--mp-max-width)");
        getStyle().set("margin", "0 auto");

        action.setLabel("Action");
        action.setId("action");
        action.setItems(AuditLog.Action.values());
        action.setEmptySelectionAllowed(true);
        action.setEmptySelectionCaption("All actions");
        action.setItemLabelGenerator(a -> a == null ? "All actions" : label(a.name()));
        actor.setId("actor");
        actor.setPlaceholder("username or retention");
        subject.setId("subject");
        subject.setPlaceholder("session 42, candidate 7, or 42");
        for (TextField field : List.of(actor, subject)) {
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.setClearButtonVisible(true);
        }
        from.setId("from");
        to.setId("to");
        // A range that ends before it starts cannot be picked.
        from.addValueChangeListener(e -> to.setMin(e.getValue()));
        to.addValueChangeListener(e -> from.setMax(e.getValue()));
        for (DatePicker day : List.of(from, to)) {
            day.setClearButtonVisible(true);
            day.setWidth("10em");
        }
        var filters = new FlexLayout(action, actor, subject, from, to);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setWidthFull();
        filters.getStyle().set("column-gap", "var(--lumo-space-m)");
        action.getStyle().set("flex", "1 1 12em");
        actor.getStyle().set("flex", "1 1 10em");
        subject.getStyle().set("flex", "1 1 12em");
        action.addValueChangeListener(e -> refresh());
        actor.addValueChangeListener(e -> refresh());
        subject.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());

        grid.setId("audit-grid");
        wideOnly.add(grid.addColumn(e -> Formats.when(e.at())).setHeader("When").setAutoWidth(true).setFlexGrow(0));
        wideOnly.add(grid.addColumn(Entry::actor).setHeader("Who").setAutoWidth(true).setFlexGrow(0));
        wideOnly.add(grid.addColumn(e -> label(e.action())).setHeader("Action").setAutoWidth(true).setFlexGrow(0));
        wideOnly.add(grid.addColumn(Entry::subject).setHeader("Subject").setAutoWidth(true).setFlexGrow(0));
        wideOnly.add(grid.addColumn(Entry::detail).setHeader("Detail").setFlexGrow(1));
        narrowOnly = grid.addComponentColumn(AuditLogView::compact).setHeader("Entry").setFlexGrow(1)
                .setTextAlign(ColumnTextAlign.START);
        narrowOnly.setVisible(false);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText("Nothing recorded that matches these filters.");
        grid.setSizeFull();
        grid.setItems(query -> trail.page(filter(), query.getOffset(), query.getLimit()).stream());

        filtersBox.setSummaryText("Filters");
        filtersBox.add(filters);
        filtersBox.setOpened(true);
        filtersBox.setWidthFull();
        filtersBox.getStyle().set("margin", "0");
        add(filtersBox, grid);
    }

    AuditTrail.Filter filter() {
        return new AuditTrail.Filter(action.getValue(), actor.getValue(), subject.getValue(), from.getValue(),
                to.getValue(), ZoneId.systemDefault());
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
    }

    /** "ANONYMISED_SESSION" reads "Anonymised session". */
    static String label(String action) {
        String words = action.replace('_', ' ').toLowerCase(Locale.ROOT);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** One cell for a phone: when, who did what to what, the detail below. */
    private static Div compact(Entry entry) {
        var when = new Div(Formats.when(entry.at()));
        when.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        var head = new Span(entry.actor() + " · " + label(entry.action()) + " · " + entry.subject());
        head.getStyle().set("font-weight", "500");
        var detail = new Div(entry.detail());
        detail.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        return new Div(when, head, detail);
    }

    /**
     * On a phone the grid shows one combined cell (five columns would not fit) and the filters fold
     * away, so that the first records are on screen.
     */
    private void fitWidth(int windowWidth) {
        boolean wide = windowWidth >= NARROW;
        wideOnly.forEach(column -> column.setVisible(wide));
        narrowOnly.setVisible(!wide);
        filtersBox.setOpened(wide);
    }
}
