package io.mockpanel.benchmark;

import java.util.List;
import java.util.Locale;

/**
 * A small SVG line chart for benchmark documents: one x axis (e.g. live panels), several series
 * of y values with a legend; no script, no external font, readable on GitHub.
 */
final class BenchmarkChart {

    record Series(String name, String colour, List<Double> values) {
    }

    private static final int WIDTH = 640;
    private static final int HEIGHT = 320;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;

    private BenchmarkChart() {
    }

    /** One chart: {@code title}, x values with their label, y label, and the series (NaN = no point). */
    static String svg(String title, String xLabel, List<Integer> xs, String yLabel, List<Series> series) {
        double maxX = xs.stream().mapToInt(Integer::intValue).max().orElse(1);
        double maxY = series.stream().flatMap(s -> s.values().stream()).filter(v -> !v.isNaN())
                .mapToDouble(Double::doubleValue).max().orElse(1);
        maxY = niceCeiling(maxY);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">\n"
                .formatted(WIDTH, HEIGHT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append("<text x=\"%d\" y=\"22\" font-size=\"15\" font-weight=\"bold\">%s</text>\n".formatted(LEFT, escape(title)));
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        for (int tick = 0; tick <= 4; tick++) {
            double value = maxY * tick / 4;
            double y = TOP + plotH - plotH * tick / 4.0;
            svg.append("<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>\n".formatted(LEFT, LEFT + plotW, y, y));
            svg.append("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n".formatted(LEFT - 6, y + 4, format(value)));
        }
        for (int x : xs) {
            double px = LEFT + plotW * x / maxX;
            svg.append("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>\n".formatted(px, TOP + plotH + 18, x));
        }
        svg.append("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n".formatted(LEFT + plotW / 2, HEIGHT - 8, escape(xLabel)));
        svg.append("<text transform=\"translate(16 %d) rotate(-90)\" text-anchor=\"middle\">%s</text>\n"
                .formatted(TOP + plotH / 2, escape(yLabel)));
        int legendX = LEFT + 10;
        for (Series s : series) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < xs.size() && i < s.values().size(); i++) {
                double v = s.values().get(i);
                if (Double.isNaN(v)) {
                    continue;
                }
                double px = LEFT + plotW * xs.get(i) / maxX;
                double py = TOP + plotH - plotH * v / maxY;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
                svg.append("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>\n".formatted(px, py, s.colour()));
            }
            svg.append("<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>\n".formatted(s.colour(),
                    points.toString().trim()));
            svg.append("<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"3\" fill=\"%s\"/>\n".formatted(legendX, TOP + 4, s.colour()));
            svg.append("<text x=\"%d\" y=\"%d\">%s</text>\n".formatted(legendX + 16, TOP + 9, escape(s.name())));
            legendX += 28 + s.name().length() * 7;
        }
        return svg.append("</svg>\n").toString();
    }

    private static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String format(double value) {
        return value >= 10 || value == 0 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
