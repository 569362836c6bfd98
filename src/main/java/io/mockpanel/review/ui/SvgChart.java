package io.mockpanel.review.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Small server-side charts as SVG text: a line chart with points, grouped bars, and diverging
 * horizontal bars around zero. No JavaScript and no frontend build (decision 0001). Every text that
 * reaches the SVG is escaped (names and tags come from users), the result is well-formed XML, and it
 * is accessible: {@code role="img"}, a {@code <title>} and a {@code <desc>}; the screen offers the
 * same {@link Data} as a table too. The drawing scales with its container (viewBox, width 100%).
 * Each kind is drawn by its own class ({@link LineChart}, {@link BarChart}, {@link DivergingChart})
 * over what this class shares: the frame, the value grid, category labels, legend and escaping.
 */
final class SvgChart {

    /** One line (or set of bars): a name for the legend and one value per category, null for none. */
    record Series(String name, List<@Nullable Double> values) {
        Series {
            values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    /**
     * What a chart shows.
     *
     * @param title       the chart's accessible name (and the table's caption)
     * @param description one sentence for screen readers: what the chart says
     * @param categories  along the x axis (line, bars) or the rows (diverging), in order
     */
    record Data(String title, String description, List<String> categories, List<Series> series) {
        Data {
            categories = List.copyOf(categories);
            series = List.copyOf(series);
        }

        boolean isEmpty() {
            return categories.isEmpty() || series.stream().allMatch(s -> s.values().stream().allMatch(Objects::isNull));
        }
    }

    /** The value axis: from min to max, a labelled tick every step. */
    record Axis(double min, double max, double step) {
        Axis {
            if (!(max > min) || !(step > 0)) {
                throw new IllegalArgumentException("An axis needs min < max and a positive step");
            }
        }
    }

    static final int WIDTH = 400;
    static final int FONT = 13;
    static final String EMPTY_TEXT = "No data yet";
    /** Distinct colours that stay apart for the common colour-vision deficiencies; dashes help too. */
    private static final String[] COLOURS = {"#1f6fd1", "#d9480f", "#2b8a3e", "#7048e8", "#c2255c", "#0b7285",
        "#8f6b00", "#495057"};
    private static final String[] DASHES = {"", "6 3", "2 3", "8 3 2 3"};

    static final int PLOT_LEFT = 40;
    static final int PLOT_TOP = 12;
    static final int PLOT_HEIGHT = 170;
    static final int PLOT_RIGHT = 12;

    private SvgChart() {
    }

    /** A line per series across the categories, a point per value; gaps (null) are skipped. */
    static String line(String id, Data data, Axis axis) {
        return LineChart.draw(id, data, axis);
    }

    /** Grouped vertical bars from zero; the axis runs to a round number above the largest value. */
    static String bars(String id, Data data) {
        return BarChart.draw(id, data);
    }

    /**
     * Horizontal bars around zero, a row per category (e.g. per interviewer) with a bar per series:
     * left of zero is 'negative', right is 'positive' (e.g. "severe" and "lenient").
     */
    static String diverging(String id, Data data, double limit, String negative, String positive) {
        return DivergingChart.draw(id, data, limit, negative, positive);
    }

    /** Opens the group of one series' bars, filled in its colour; the caller closes it. */
    static void openBarSeries(StringBuilder svg, Series series, int index) {
        svg.append("<g class=\"series\" data-series=\"").append(text(series.name())).append("\" fill=\"")
                .append(colour(index)).append("\">");
    }

    /** The y coordinate of a value on the line and bar charts' plot. */
    static double y(double value, Axis axis) {
        double share = (value - axis.min()) / (axis.max() - axis.min());
        return PLOT_TOP + PLOT_HEIGHT - share * PLOT_HEIGHT;
    }

    /** Text content or attribute value, safe in XML: markup escaped, characters XML forbids dropped. */
    static String text(String raw) {
        var out = new StringBuilder(raw.length());
        raw.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    boolean allowed = c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
                            || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF;
                    if (allowed) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }


    static void open(StringBuilder svg, String id, Data data, int height) {
        String safeId = id.replaceAll("[^A-Za-z0-9_-]", "-");
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" width=\"100%\" role=\"img\" aria-labelledby=\"").append(safeId).append("-title ")
                .append(safeId).append("-desc\" class=\"chart\" font-family=\"sans-serif\" font-size=\"")
                .append(FONT).append("\">");
        svg.append("<title id=\"").append(safeId).append("-title\">").append(text(data.title())).append("</title>");
        svg.append("<desc id=\"").append(safeId).append("-desc\">").append(text(data.description())).append("</desc>");
    }

    static String empty(String id, Data data) {
        var svg = new StringBuilder();
        open(svg, id, data, 80);
        svg.append("<text x=\"").append(WIDTH / 2).append("\" y=\"44\" text-anchor=\"middle\" fill=\"#666\">")
                .append(EMPTY_TEXT).append("</text>");
        return svg.append("</svg>").toString();
    }

    static void valueGrid(StringBuilder svg, Axis axis, int plotWidth) {
        svg.append("<g class=\"axis\" font-size=\"").append(FONT - 1).append("\" fill=\"#555\">");
        for (double tick = axis.min(); tick <= axis.max() + 1e-9; tick += axis.step()) {
            double y = y(tick, axis);
            svg.append("<line x1=\"").append(PLOT_LEFT).append("\" y1=\"").append(num(y)).append("\" x2=\"")
                    .append(PLOT_LEFT + plotWidth).append("\" y2=\"").append(num(y))
                    .append("\" stroke=\"").append(tick == axis.min() ? "#888" : "#e2e2e2").append("\"/>");
            svg.append("<text x=\"").append(PLOT_LEFT - 6).append("\" y=\"").append(num(y + 4))
                    .append("\" text-anchor=\"end\">").append(num(tick)).append("</text>");
        }
        svg.append("</g>");
    }

    static void categoryLabels(StringBuilder svg, List<String> categories,
            java.util.function.IntToDoubleFunction x, int baseline, int plotWidth, boolean atEdges) {
        int n = categories.size();
        // Labels never overlap: with many categories only every k-th one is written (all are in the table).
        int fits = Math.max(1, plotWidth / 56);
        int every = (int) Math.ceil((double) n / fits);
        svg.append("<g class=\"categories\" font-size=\"").append(FONT - 1).append("\" fill=\"#555\">");
        for (int i = 0; i < n; i++) {
            // counted from the newest, so the latest category always has its label
            if ((n - 1 - i) % every != 0) {
                continue;
            }
            // points at the plot's edges: their labels grow inwards, so none is cut off
            String anchor = atEdges && i == 0 ? "start" : atEdges && i == n - 1 ? "end" : "middle";
            svg.append("<text x=\"").append(num(x.applyAsDouble(i))).append("\" y=\"").append(baseline)
                    .append("\" text-anchor=\"").append(anchor).append("\">").append(text(shorten(categories.get(i), 9))).append("</text>");
        }
        svg.append("</g>");
    }

    static int legendHeight(List<String> names) {
        return names.isEmpty() ? 0 : legendRows(names) * 18 + 4;
    }

    static int legendRows(List<String> names) {
        int rows = 1;
        double x = PLOT_LEFT;
        for (String name : names) {
            double w = legendItemWidth(name);
            if (x + w > WIDTH - 4 && x > PLOT_LEFT) {
                rows++;
                x = PLOT_LEFT;
            }
            x += w;
        }
        return rows;
    }

    static double legendItemWidth(String name) {
        return 22 + shorten(name, 34).length() * FONT * 0.58 + 12;
    }

    static void legend(StringBuilder svg, List<String> names, int top) {
        if (names.isEmpty()) {
            return;
        }
        svg.append("<g class=\"legend\">");
        double x = PLOT_LEFT;
        int y = top;
        for (int s = 0; s < names.size(); s++) {
            String name = names.get(s);
            double w = legendItemWidth(name);
            if (x + w > WIDTH - 4 && x > PLOT_LEFT) {
                x = PLOT_LEFT;
                y += 18;
            }
            svg.append("<line x1=\"").append(num(x)).append("\" y1=\"").append(y + 6).append("\" x2=\"")
                    .append(num(x + 16)).append("\" y2=\"").append(y + 6).append("\" stroke=\"").append(colour(s))
                    .append("\" stroke-width=\"3\"").append(dash(s)).append("/>");
            svg.append("<text x=\"").append(num(x + 20)).append("\" y=\"").append(y + 10).append("\">")
                    .append(text(shorten(name, 34))).append("</text>");
            x += w;
        }
        svg.append("</g>");
    }

    static String colour(int series) {
        return COLOURS[series % COLOURS.length];
    }

    static String dash(int series) {
        String dash = DASHES[series % DASHES.length];
        return dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"";
    }

    static String shorten(String label, int max) {
        int[] points = label.strip().codePoints().toArray();
        return points.length <= max ? label.strip() : new String(points, 0, max - 1) + "…";
    }

    static String num(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e9) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.2f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

}
