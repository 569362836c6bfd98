package io.mockpanel.review.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCaption;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import java.util.function.DoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * A chart with its data as a table behind a "Show as table" toggle: the table is the chart's
 * fallback for screen readers and for reading exact figures (every category, also those whose
 * label the chart leaves out for room).
 */
class ChartCard extends Composite<Div> {

    final Svg chart;
    final Button toggle;
    final NativeTable table;

    /** rowLabels name the table's rows (the chart's categories, said in full); null to use the categories. */
    ChartCard(String id, String svg, SvgChart.Data data, @Nullable List<String> rowLabels,
            DoubleFunction<String> format) {
        getContent().addClassName("chart-card");
        getContent().setId(id);
        chart = new Svg(svg);
        chart.addClassName("chart-svg");
        table = table(data, rowLabels == null ? data.categories() : rowLabels, format);
        table.setVisible(false);
        toggle = new Button("Show as table", VaadinIcon.TABLE.create());
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        toggle.addClassName("chart-toggle");
        toggle.getElement().setAttribute("aria-expanded", "false");
        toggle.addClickListener(e -> showTable(!table.isVisible()));
        getContent().add(chart, toggle, table);
    }

    void showTable(boolean show) {
        table.setVisible(show);
        chart.setVisible(!show);
        toggle.setText(show ? "Show as chart" : "Show as table");
        toggle.setIcon(show ? VaadinIcon.CHART_LINE.create() : VaadinIcon.TABLE.create());
        toggle.getElement().setAttribute("aria-expanded", String.valueOf(show));
    }

    /** Categories as rows, series as columns: at phone width a long list reads better than a wide one. */
    private static NativeTable table(SvgChart.Data data, List<String> rowLabels, DoubleFunction<String> format) {
        var table = new NativeTable();
        table.addClassName("chart-table");
        var caption = new NativeTableCaption();
        caption.setText(data.title());
        table.add(caption);
        var head = new NativeTableRow(new NativeTableHeaderCell(""));
        data.series().forEach(series -> head.add(new NativeTableHeaderCell(series.name())));
        table.add(new NativeTableHeader(head));
        var body = new NativeTableBody();
        for (int i = 0; i < data.categories().size(); i++) {
            var row = new NativeTableRow(new NativeTableHeaderCell(rowLabels.get(i)));
            for (SvgChart.Series series : data.series()) {
                Double value = i < series.values().size() ? series.values().get(i) : null;
                row.add(new NativeTableCell(value == null ? "–" : format.apply(value)));
            }
            body.add(row);
        }
        table.add(body);
        return table;
    }
}
