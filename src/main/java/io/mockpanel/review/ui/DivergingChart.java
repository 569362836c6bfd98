package io.mockpanel.review.ui;

import static io.mockpanel.review.ui.SvgChart.FONT;
import static io.mockpanel.review.ui.SvgChart.PLOT_TOP;
import static io.mockpanel.review.ui.SvgChart.WIDTH;
import static io.mockpanel.review.ui.SvgChart.empty;
import static io.mockpanel.review.ui.SvgChart.legend;
import static io.mockpanel.review.ui.SvgChart.legendHeight;
import static io.mockpanel.review.ui.SvgChart.num;
import static io.mockpanel.review.ui.SvgChart.openBarSeries;
import static io.mockpanel.review.ui.SvgChart.open;
import static io.mockpanel.review.ui.SvgChart.shorten;
import static io.mockpanel.review.ui.SvgChart.text;

import java.util.List;

/** A diverging chart: horizontal bars around zero, a row per category, clamped to the limit. */
final class DivergingChart {

    private DivergingChart() {
    }

    /**
     * Horizontal bars around zero, a row per category (e.g. per interviewer) with a bar per series:
     * left of zero is 'negative', right is 'positive' (e.g. "severe" and "lenient").
     */
    static String draw(String id, SvgChart.Data data, double limit, String negative, String positive) {
        if (data.isEmpty()) {
            return empty(id, data);
        }
        var svg = new StringBuilder();
        int labelWidth = 120;
        int left = labelWidth + 8;
        int right = WIDTH - 16;
        double zero = (left + right) / 2.0;
        double half = (right - left) / 2.0;
        int groups = data.series().size();
        int rowHeight = Math.max(22, 10 * groups + 10);
        int top = PLOT_TOP + 16;
        int n = data.categories().size();
        int plotBottom = top + rowHeight * n;
        List<String> legend = data.series().size() > 1 ? data.series().stream().map(SvgChart.Series::name).toList() : List.of();
        int height = plotBottom + 22 + legendHeight(legend);
        open(svg, id, data, height);
        svg.append("<g class=\"axis\" font-size=\"").append(FONT - 1).append("\" fill=\"#555\">");
        svg.append("<text x=\"").append(num(zero - 4)).append("\" y=\"").append(PLOT_TOP + 6)
                .append("\" text-anchor=\"end\">← ").append(text(negative)).append("</text>");
        svg.append("<text x=\"").append(num(zero + 4)).append("\" y=\"").append(PLOT_TOP + 6)
                .append("\">").append(text(positive)).append(" →</text>");
        for (double tick : new double[] {-limit, -limit / 2, 0, limit / 2, limit}) {
            double x = zero + tick / limit * half;
            svg.append("<line x1=\"").append(num(x)).append("\" y1=\"").append(top).append("\" x2=\"").append(num(x))
                    .append("\" y2=\"").append(plotBottom).append("\" stroke=\"")
                    .append(tick == 0 ? "#333" : "#ddd").append("\"/>");
            svg.append("<text x=\"").append(num(x)).append("\" y=\"").append(plotBottom + 14)
                    .append("\" text-anchor=\"middle\">").append(signed(tick)).append("</text>");
        }
        svg.append("</g>");
        for (int i = 0; i < n; i++) {
            int rowTop = top + rowHeight * i;
            svg.append("<text x=\"").append(labelWidth).append("\" y=\"").append(rowTop + rowHeight / 2 + 4)
                    .append("\" text-anchor=\"end\" font-size=\"").append(FONT).append("\">")
                    .append(text(shorten(data.categories().get(i), 18))).append("</text>");
        }
        for (int s = 0; s < groups; s++) {
            SvgChart.Series series = data.series().get(s);
            openBarSeries(svg, series, s);
            for (int i = 0; i < n && i < series.values().size(); i++) {
                Double value = series.values().get(i);
                if (value == null) {
                    continue;
                }
                double clamped = Math.max(-limit, Math.min(limit, value));
                double end = zero + clamped / limit * half;
                double y = top + rowHeight * i + 5 + 10 * s;
                svg.append("<rect x=\"").append(num(Math.min(zero, end))).append("\" y=\"").append(num(y))
                        .append("\" width=\"").append(num(Math.max(1, Math.abs(end - zero))))
                        .append("\" height=\"8\" data-value=\"").append(num(value)).append("\"><title>")
                        .append(text(data.categories().get(i))).append(", ").append(text(series.name()))
                        .append(": ").append(signed(value)).append("</title></rect>");
            }
            svg.append("</g>");
        }
        legend(svg, legend, plotBottom + 22);
        return svg.append("</svg>").toString();
    }

    private static String signed(double value) {
        String n = num(Math.abs(value));
        return value > 0 ? "+" + n : value < 0 ? "−" + n : "0";
    }
}
