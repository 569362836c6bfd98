package io.mockpanel.review.ui;

import static io.mockpanel.review.ui.SvgChart.PLOT_HEIGHT;
import static io.mockpanel.review.ui.SvgChart.PLOT_LEFT;
import static io.mockpanel.review.ui.SvgChart.PLOT_RIGHT;
import static io.mockpanel.review.ui.SvgChart.PLOT_TOP;
import static io.mockpanel.review.ui.SvgChart.WIDTH;
import static io.mockpanel.review.ui.SvgChart.categoryLabels;
import static io.mockpanel.review.ui.SvgChart.colour;
import static io.mockpanel.review.ui.SvgChart.dash;
import static io.mockpanel.review.ui.SvgChart.empty;
import static io.mockpanel.review.ui.SvgChart.legend;
import static io.mockpanel.review.ui.SvgChart.legendHeight;
import static io.mockpanel.review.ui.SvgChart.num;
import static io.mockpanel.review.ui.SvgChart.open;
import static io.mockpanel.review.ui.SvgChart.text;
import static io.mockpanel.review.ui.SvgChart.valueGrid;
import static io.mockpanel.review.ui.SvgChart.y;

import java.util.List;

/** A line chart: a line per series across the categories, a point per value, over the value axis. */
final class LineChart {

    private LineChart() {
    }

    /** A line per series across the categories, a point per value; gaps (null) are skipped. */
    static String draw(String id, SvgChart.Data data, SvgChart.Axis axis) {
        if (data.isEmpty()) {
            return empty(id, data);
        }
        var svg = new StringBuilder();
        int plotWidth = WIDTH - PLOT_LEFT - PLOT_RIGHT;
        int xLabelsBottom = PLOT_TOP + PLOT_HEIGHT + 18;
        List<String> legend = data.series().stream().map(SvgChart.Series::name).toList();
        int height = xLabelsBottom + 8 + legendHeight(legend);
        open(svg, id, data, height);
        valueGrid(svg, axis, plotWidth);
        int n = data.categories().size();
        double step = n == 1 ? 0 : (double) plotWidth / (n - 1);
        double firstX = n == 1 ? PLOT_LEFT + plotWidth / 2.0 : PLOT_LEFT;
        categoryLabels(svg, data.categories(), i -> firstX + i * step, xLabelsBottom, plotWidth, n > 1);
        for (int s = 0; s < data.series().size(); s++) {
            SvgChart.Series series = data.series().get(s);
            String colour = colour(s);
            var path = new StringBuilder();
            var points = new StringBuilder();
            for (int i = 0; i < n && i < series.values().size(); i++) {
                Double value = series.values().get(i);
                if (value == null) {
                    continue;
                }
                double x = firstX + i * step;
                double y = y(value, axis);
                path.append(path.isEmpty() ? "M" : " L").append(num(x)).append(' ').append(num(y));
                points.append("<circle cx=\"").append(num(x)).append("\" cy=\"").append(num(y))
                        .append("\" r=\"3.5\" fill=\"").append(colour).append("\" data-value=\"").append(num(value))
                        .append("\"><title>").append(text(series.name())).append(", ")
                        .append(text(data.categories().get(i))).append(": ").append(num(value))
                        .append("</title></circle>");
            }
            svg.append("<g class=\"series\" data-series=\"").append(text(series.name())).append("\">");
            if (!path.isEmpty()) {
                svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(colour)
                        .append("\" stroke-width=\"2\"").append(dash(s)).append("/>");
            }
            svg.append(points).append("</g>");
        }
        legend(svg, legend, xLabelsBottom + 8);
        return svg.append("</svg>").toString();
    }
}
