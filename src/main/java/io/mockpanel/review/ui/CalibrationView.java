package io.mockpanel.review.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.mockpanel.base.ui.Badge;
import io.mockpanel.base.ui.Notifications;
import io.mockpanel.review.Calibration;
import io.mockpanel.review.Calibration.Deviation;
import io.mockpanel.review.Calibration.Interviewer;
import io.mockpanel.review.CalibrationService;
import io.mockpanel.review.ReviewException;
import io.mockpanel.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Panel calibration for coaches and admins: per interviewer, how far their scores sit from the
 * panel's consensus and from the other panelists (lenient +, severe −), and how often 2+ points
 * away, over a date range; a chart and a table, each figure with the number of scores behind it.
 */
@Route("calibration")
@PageTitle("Calibration")
@Menu(title = "Calibration", order = 6, icon = "vaadin:scale")
@RolesAllowed({AppRoles.COACH, AppRoles.ADMIN})
class CalibrationView extends VerticalLayout {

    final DatePicker from = new DatePicker("From");
    final DatePicker to = new DatePicker("To");
    final Grid<Interviewer> grid = new Grid<>();
    final Div chart = new Div();
    final Paragraph empty = new Paragraph();
    private final CalibrationService calibration;
    /** What each interviewer is called on this screen: the display name, with the username when two share one. */
    private final Map<String, String> names = new HashMap<>();

    CalibrationView(CalibrationService calibration) {
        this.calibration = calibration;
        addClassName("calibration-view");
        to.setValue(calibration.today());
        from.setValue(calibration.today().minusYears(1));
        from.setId("calibration-from");
        to.setId("calibration-to");
        var range = new FlexLayout(from, to);
        range.addClassName("library-actions");
        var how = new Paragraph("Revealed scores only. + means more lenient than the panel, − more severe; "
                + "\u201c2+ off\u201d is the share of scores 2 or more points from the other panelists' mean. "
                + "Figures resting on fewer than " + Calibration.FEW_DATA + " scores are marked \u201cfew data\u201d.");
        how.addClassName("chart-note");
        chart.setId("calibration-chart");
        chart.addClassName("calibration-chart");
        grid.setId("calibration");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(new ComponentRenderer<>(i -> who(i, names))).setHeader("Interviewer").setFlexGrow(2)
                .setWidth("8em");
        grid.addColumn(i -> signed(i.overall().vsConsensus())).setHeader("vs consensus").setFlexGrow(1).setWidth("5.5em");
        grid.addColumn(i -> signed(i.overall().vsOthers())).setHeader("vs others").setFlexGrow(1).setWidth("5em");
        grid.addColumn(new ComponentRenderer<>(i -> farCell(i.overall()))).setHeader("2+ off").setFlexGrow(1)
                .setWidth("5em");
        grid.setItemDetailsRenderer(new ComponentRenderer<>(CalibrationView::areas));
        grid.setDetailsVisibleOnClick(true);
        empty.setId("calibration-empty");
        empty.addClassName("empty-state");
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        add(range, how, empty, chart, grid);
        refresh();
    }

    private void refresh() {
        if (from.getValue() == null || to.getValue() == null) {
            Notifications.error("Pick both dates: the range needs a start and an end.");
            return;
        }
        Calibration result;
        try {
            result = calibration.calibration(from.getValue(), to.getValue());
        } catch (ReviewException refused) {
            Notifications.error(refused.getMessage());
            return;
        }
        names.clear();
        names.putAll(names(result));
        boolean none = result.interviewers().isEmpty();
        empty.setVisible(none);
        empty.setText("No revealed scores between these dates. Calibration shows here once panels have revealed "
                + "their scores; widen the range to include older sessions.");
        grid.setVisible(!none);
        grid.setItems(result.interviewers());
        chart.removeAll();
        if (!none) {
            var data = data(result, names);
            chart.add(new ChartCard("calibration-chart-card",
                    SvgChart.diverging("deviation-chart", data, 2, "severe", "lenient"), data, null,
                    v -> signed(v)));
        }
    }

    /** Two bars per interviewer: against the consensus and against the other panelists. */
    static SvgChart.Data data(Calibration result, Map<String, String> names) {
        List<String> labels = new ArrayList<>();
        List<@Nullable Double> consensus = new ArrayList<>();
        List<@Nullable Double> others = new ArrayList<>();
        for (Interviewer i : result.interviewers()) {
            labels.add(names.get(i.username()) + (i.overall().fewData() ? " (few data)" : ""));
            consensus.add(i.overall().vsConsensus());
            others.add(i.overall().vsOthers());
        }
        return new SvgChart.Data("Mean deviation per interviewer",
                "Mean score deviation per interviewer from the panel's consensus and from the other panelists; "
                        + "positive is lenient, negative severe.",
                labels, List.of(new SvgChart.Series("vs consensus", consensus), new SvgChart.Series("vs others", others)));
    }

    static Map<String, String> names(Calibration result) {
        var shared = result.interviewers().stream().collect(Collectors.groupingBy(
                Interviewer::displayName, Collectors.counting()));
        var names = new HashMap<String, String>();
        result.interviewers().forEach(i -> names.put(i.username(), shared.get(i.displayName()) > 1
                ? i.displayName() + " (" + i.username() + ")" : i.displayName()));
        return names;
    }

    private static Div who(Interviewer interviewer, Map<String, String> names) {
        var cell = new Div(new Span(names.getOrDefault(interviewer.username(), interviewer.displayName())));
        cell.addClassName("candidate-cell");
        var scores = new Span(interviewer.overall().scores() + " scores");
        scores.addClassName("candidate-addresses");
        cell.add(scores);
        if (interviewer.overall().fewData()) {
            cell.add(Badge.of("few data", "contrast"));
        }
        return cell;
    }

    /** Per competency, shown when a row is clicked. */
    private static NativeTable areas(Interviewer interviewer) {
        var table = new NativeTable();
        table.addClassName("chart-table");
        table.add(new NativeTableHeader(new NativeTableRow(new NativeTableHeaderCell("Area"),
                new NativeTableHeaderCell("Scores"), new NativeTableHeaderCell("vs consensus"),
                new NativeTableHeaderCell("vs others"), new NativeTableHeaderCell("2+ off"))));
        var body = new NativeTableBody();
        interviewer.areas().forEach(a -> body.add(new NativeTableRow(new NativeTableHeaderCell(a.group()),
                new NativeTableCell(a.deviation().scores() + (a.deviation().fewData() ? " (few data)" : "")),
                new NativeTableCell(signed(a.deviation().vsConsensus())),
                new NativeTableCell(signed(a.deviation().vsOthers())), new NativeTableCell(far(a.deviation())))));
        table.add(body);
        return table;
    }

    static String signed(@Nullable Double value) {
        if (value == null) {
            return "–";
        }
        String n = String.format(Locale.ROOT, "%.2f", Math.abs(value));
        return Math.abs(value) < 0.005 ? "0.00" : (value > 0 ? "+" : "−") + n;
    }

    /** The share, and under it what it rests on, so the column stays narrow on a phone. */
    private static Div farCell(Deviation deviation) {
        Double share = deviation.farShare();
        var cell = new Div(new Span(share == null ? "–" : Math.round(share * 100) + "%"));
        cell.addClassName("candidate-cell");
        if (share != null) {
            var of = new Span(deviation.farFromPanel() + " of " + deviation.withOthers());
            of.addClassName("candidate-addresses");
            cell.add(of);
        }
        return cell;
    }

    static String far(Deviation deviation) {
        Double share = deviation.farShare();
        return share == null ? "–" : Math.round(share * 100) + "% (" + deviation.farFromPanel() + " of "
                + deviation.withOthers() + ")";
    }
}
