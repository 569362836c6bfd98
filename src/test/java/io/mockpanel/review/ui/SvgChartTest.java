package io.mockpanel.review.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgChartTest {

    private static final String NASTY = "<script>alert('x')</script> & \"Bob\" \u0001";

    @Test
    void a_line_chart_is_well_formed_xml_with_an_accessible_name_and_description() throws Exception {
        var data = new SvgChart.Data("Scores: Ann", "Per session.", List.of("1 Nov", "8 Nov", "15 Nov"),
                List.of(series("Overall", 2.0, 2.5, 3.0), series("People", 1.0, null, 4.0)));
        Document svg = parse(SvgChart.line("c1", data, new SvgChart.Axis(1, 4, 1)));
        Element root = svg.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("svg");
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("width")).isEqualTo("100%");
        assertThat(root.getAttribute("viewBox")).startsWith("0 0 " + SvgChart.WIDTH + " ");
        assertThat(root.getAttribute("aria-labelledby")).isEqualTo("c1-title c1-desc");
        assertThat(text(svg, "title", 0)).isEqualTo("Scores: Ann");
        assertThat(svg.getElementsByTagName("desc").item(0).getTextContent()).isEqualTo("Per session.");
        // one point per value, the gap left out; one line per series
        assertThat(svg.getElementsByTagName("circle").getLength()).isEqualTo(5);
        assertThat(svg.getElementsByTagName("path").getLength()).isEqualTo(2);
        assertThat(allText(svg)).contains("Overall", "People", "1 Nov", "15 Nov");
    }

    @Test
    void labels_from_users_are_escaped_and_characters_xml_forbids_are_dropped() throws Exception {
        var data = new SvgChart.Data(NASTY, NASTY, List.of(NASTY, "b"), List.of(series(NASTY, 1.0, 2.0)));
        for (String raw : List.of(SvgChart.line("x", data, new SvgChart.Axis(0, 4, 1)), SvgChart.bars("x", data),
                SvgChart.diverging("x", data, 2, NASTY, NASTY))) {
            assertThat(raw).doesNotContain("<script").contains("&lt;script&gt;");
            Document svg = parse(raw);
            assertThat(svg.getElementsByTagName("script").getLength()).isZero();
            assertThat(text(svg, "title", 0)).isEqualTo("<script>alert('x')</script> & \"Bob\" ");
        }
    }

    @Test
    void values_sit_on_the_scale_the_top_at_the_maximum_and_the_bottom_at_the_minimum() throws Exception {
        var data = new SvgChart.Data("t", "d", List.of("a", "b", "c"), List.of(series("s", 1.0, 2.5, 4.0)));
        Document svg = parse(SvgChart.line("s", data, new SvgChart.Axis(1, 4, 1)));
        NodeList points = svg.getElementsByTagName("circle");
        double bottom = SvgChart.PLOT_TOP + SvgChart.PLOT_HEIGHT;
        assertThat(cy(points, 0)).isCloseTo(bottom, within(0.01));
        assertThat(cy(points, 1)).isCloseTo((bottom + SvgChart.PLOT_TOP) / 2, within(0.01));
        assertThat(cy(points, 2)).isCloseTo(SvgChart.PLOT_TOP, within(0.01));
        // x grows with time, left to right
        assertThat(cx(points, 0)).isLessThan(cx(points, 1));
        assertThat(cx(points, 1)).isLessThan(cx(points, 2));
    }

    @Test
    void bars_start_at_zero_and_the_axis_reaches_above_the_largest_count() throws Exception {
        var data = new SvgChart.Data("t", "d", List.of("a", "b"), List.of(series("Too vague", 7.0, 0.0)));
        Document svg = parse(SvgChart.bars("b", data));
        NodeList bars = svg.getElementsByTagName("rect");
        assertThat(bars.getLength()).isEqualTo(2);
        Element tall = (Element) bars.item(0);
        double top = Double.parseDouble(tall.getAttribute("y"));
        double height = Double.parseDouble(tall.getAttribute("height"));
        assertThat(top + height).isCloseTo(SvgChart.PLOT_TOP + SvgChart.PLOT_HEIGHT, within(0.01));
        assertThat(top).isGreaterThanOrEqualTo(SvgChart.PLOT_TOP);
        assertThat(Double.parseDouble(((Element) bars.item(1)).getAttribute("height"))).isZero();
    }

    @Test
    void diverging_bars_go_left_for_negative_and_right_for_positive_values() throws Exception {
        var data = new SvgChart.Data("t", "d", List.of("Lenient Lee", "Severe Sam"), List.of(series("vs others", 1.0, -1.0)));
        Document svg = parse(SvgChart.diverging("d", data, 2, "severe", "lenient"));
        NodeList bars = svg.getElementsByTagName("rect");
        Element lenient = (Element) bars.item(0);
        Element severe = (Element) bars.item(1);
        double lenientX = Double.parseDouble(lenient.getAttribute("x"));
        double severeEnd = Double.parseDouble(severe.getAttribute("x")) + Double.parseDouble(severe.getAttribute("width"));
        assertThat(severeEnd).isCloseTo(lenientX, within(0.01)); // both meet at zero
        assertThat(Double.parseDouble(lenient.getAttribute("width")))
                .isCloseTo(Double.parseDouble(severe.getAttribute("width")), within(0.01));
        assertThat(allText(svg)).contains("severe", "lenient", "+1", "−1");
    }

    @Test
    void empty_series_give_a_chart_that_says_there_is_no_data() throws Exception {
        var none = new SvgChart.Data("t", "d", List.of(), List.of());
        var gaps = new SvgChart.Data("t", "d", List.of("a"), List.of(series("s", (Double) null)));
        for (String raw : List.of(SvgChart.line("e", none, new SvgChart.Axis(1, 4, 1)), SvgChart.bars("e", gaps),
                SvgChart.diverging("e", none, 2, "-", "+"))) {
            Document svg = parse(raw);
            assertThat(svg.getDocumentElement().getAttribute("role")).isEqualTo("img");
            assertThat(allText(svg)).contains(SvgChart.EMPTY_TEXT);
        }
    }

    @Test
    void many_categories_do_not_write_overlapping_labels_but_keep_the_newest() throws Exception {
        List<String> days = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            days.add("d" + i);
            values.add(2.0);
        }
        var data = new SvgChart.Data("t", "d", days, List.of(new SvgChart.Series("s", new ArrayList<>(values))));
        Document svg = parse(SvgChart.line("m", data, new SvgChart.Axis(1, 4, 1)));
        Element labels = (Element) svg.getElementsByTagName("g").item(1);
        assertThat(labels.getAttribute("class")).isEqualTo("categories");
        int written = labels.getElementsByTagName("text").getLength();
        assertThat(written).isLessThan(30).isGreaterThan(2);
        assertThat(labels.getTextContent()).endsWith("d30");
        assertThat(svg.getElementsByTagName("circle").getLength()).isEqualTo(30);
    }

    @Test
    void numbers_are_written_short() {
        assertThat(SvgChart.num(3)).isEqualTo("3");
        assertThat(SvgChart.num(2.5)).isEqualTo("2.5");
        assertThat(SvgChart.num(2.999)).isEqualTo("3");
        assertThat(SvgChart.num(-0.25)).isEqualTo("-0.25");
    }

    private static SvgChart.Series series(String name, Double... values) {
        return new SvgChart.Series(name, Arrays.asList(values));
    }

    private static Document parse(String svg) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Document svg, String tag, int index) {
        return svg.getElementsByTagName(tag).item(index).getTextContent();
    }

    private static String allText(Document svg) {
        return svg.getDocumentElement().getTextContent();
    }

    private static double cy(NodeList points, int i) {
        return Double.parseDouble(((Element) points.item(i)).getAttribute("cy"));
    }

    private static double cx(NodeList points, int i) {
        return Double.parseDouble(((Element) points.item(i)).getAttribute("cx"));
    }
}
