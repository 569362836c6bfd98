package io.mockpanel.review.ui;

import static io.mockpanel.review.ui.SvgChart.PLOT_HEIGHT;
import static io.mockpanel.review.ui.SvgChart.PLOT_LEFT;
import static io.mockpanel.review.ui.SvgChart.PLOT_RIGHT;
import static io.mockpanel.review.ui.SvgChart.PLOT_TOP;
import static io.mockpanel.review.ui.SvgChart.WIDTH;
import static io.mockpanel.review.ui.SvgChart.categoryLabels;
import static io.mockpanel.review.ui.SvgChart.empty;
import static io.mockpanel.review.ui.SvgChart.legend;
import static io.mockpanel.review.ui.SvgChart.legendHeight;
import static io.mockpanel.review.ui.SvgChart.num;
import static io.mockpanel.review.ui.SvgChart.openBarSeries;
import static io.mockpanel.review.ui.SvgChart.open;
import static io.mockpanel.review.ui.SvgChart.text;
import static io.mockpanel.review.ui.SvgChart.valueGrid;
import static io.mockpanel.review.ui.SvgChart.y;

import java.util.List;
import java.util.Objects;

/** A bar chart: grouped vertical bars from zero over a count axis that ends on a round number. */
final class BarChart {

    private BarChart() {
    }

    /** Grouped vertical bars from zero; the axis runs to a round number above the largest value. */
    static String draw(String id, SvgChart.Data data) {
        if (data.isEmpty()) {
            return empty(id, data);
        }
        double largest = data.series().stream().flatMap(s -> s.values().stream()).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).max().orElse(1);
        SvgChart.Axis axis = countAxis(largest);
        var svg = new StringBuilder();
        int plotWidth = WIDTH - PLOT_LEFT - PLOT_RIGHT;
        int xLabelsBottom = PLOT_TOP + PLOT_HEIGHT + 18;
        List<String> legend = data.series().size() > 1 ? data.series().stream().map(SvgChart.Series::name).toList() : List.of();
        int height = xLabelsBottom + 8 + legendHeight(legend);
        open(svg, id, data, height);
        valueGrid(svg, axis, plotWidth);
        int n = data.categories().size();
        double slot = (double) plotWidth / n;
        int groups = data.series().size();
        double barWidth = Math.max(2, slot * 0.8 / groups);
        categoryLabels(svg, data.categories(), i -> PLOT_LEFT + slot * i + slot / 2, xLabelsBottom, plotWidth, false);
        for (int s = 0; s < groups; s++) {
            SvgChart.Series series = data.series().get(s);
            openBarSeries(svg, series, s);
            for (int i = 0; i < n && i < series.values().size(); i++) {
                Double value = series.values().get(i);
                if (value == null) {
                    continue;
                }
                double x = PLOT_LEFT + slot * i + slot * 0.1 + barWidth * s;
                double top = y(value, axis);
                svg.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(top)).append("\" width=\"")
                        .append(num(barWidth)).append("\" height=\"").append(num(y(0, axis) - top))
                        .append("\" data-value=\"").append(num(value)).append("\"><title>")
                        .append(text(series.name())).append(", ").append(text(data.categories().get(i)))
                        .append(": ").append(num(value)).append("</title></rect>");
            }
            svg.append("</g>");
        }
        legend(svg, legend, xLabelsBottom + 8);
        return svg.append("</svg>").toString();
    }

    private static SvgChart.Axis countAxis(double largest) {
        double max = Math.max(1, Math.ceil(largest));
        double step = max <= 5 ? 1 : Math.ceil(max / 5);
        return new SvgChart.Axis(0, Math.ceil(max / step) * step, step);
    }
}
