package io.mockpanel.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class ScoresCsvTest {

    private final ScoresCsv csv = new ScoresCsv();

    private List<CSVRecord> parse(SessionReview review) throws IOException {
        byte[] bytes = csv.write(review);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    @Test
    void one_row_per_scenario_area_and_scorer_plus_consensus_and_self_rows() throws IOException {
        List<CSVRecord> rows = parse(SessionReviewFixture.review());
        // 2 scenarios × 4 areas × 3 scorers, 8 consensus rows, 6 self rows (areas 1-3 of each scenario)
        assertThat(rows).hasSize(24 + 8 + 6);
        assertThat(rows.stream().filter(r -> r.get("row").equals("panelist"))).hasSize(24);
        assertThat(rows.stream().filter(r -> r.get("row").equals("consensus"))).hasSize(8);
        assertThat(rows.stream().filter(r -> r.get("row").equals("self"))).hasSize(6);
        CSVRecord first = rows.getFirst();
        assertThat(first.get("session")).isEqualTo("42");
        assertThat(first.get("candidate")).isEqualTo("Zoë Ångström");
        assertThat(first.get("scenario")).isEqualTo("1");
        assertThat(first.get("area_title")).isEqualTo("Problem framing");
        assertThat(first.get("scorer")).isEqualTo("lena");
        assertThat(first.get("score")).isEqualTo("1");
        assertThat(first.get("text")).isEqualTo(SessionReviewFixture.JUSTIFICATION);
        assertThat(first.get("cited_notes")).isEqualTo("3:05 " + SessionReviewFixture.CITED_NOTE
                + "\n6:42 Said \"we'd roll back first\", then paused");
    }

    @Test
    void commas_quotes_and_line_breaks_survive_a_round_trip() throws IOException {
        String text = csv.text(SessionReviewFixture.review());
        assertThat(text).contains("\r\n").contains("\"\"we'd roll back first\"\"");
        CSVRecord consensus = parse(SessionReviewFixture.review()).stream()
                .filter(r -> r.get("row").equals("consensus") && r.get("area").equals("2")).findFirst().orElseThrow();
        assertThat(consensus.get("text")).isEqualTo("Agreed after discussion, =SUM(A1) kept as typed, \"quoted\", and a comma");
    }

    @Test
    void a_cell_a_spreadsheet_would_run_as_a_formula_starts_with_an_apostrophe() throws IOException {
        SessionReview evil = SessionReviewFixture.review("=HYPERLINK(\"http://x.example\",\"click\")", 5);
        List<CSVRecord> rows = parse(evil);
        assertThat(rows.getFirst().get("candidate")).isEqualTo("'=HYPERLINK(\"http://x.example\",\"click\")");
        for (String dangerous : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
            assertThat(ScoresCsv.cell(dangerous)).as(dangerous).matches("(?s)\"?'.*");
        }
        assertThat(ScoresCsv.cell("3")).isEqualTo("3");
        assertThat(ScoresCsv.cell("a=b")).isEqualTo("a=b");
    }

    @Test
    void the_file_name_is_ascii_and_safe_in_a_header() {
        assertThat(ScoresCsv.fileName(SessionReviewFixture.review()))
                .isEqualTo("session-42-incident-commander-level-3.csv");
        assertThat(ExportFormat.slug("Zoë's \"x\"\r\nSet-Cookie: a=b; <script>")).isEqualTo("zoes-x-set-cookie-a-b-script");
        assertThat(ExportFormat.slug("🚀🚀")).isEqualTo("session");
        assertThat(ExportFormat.slug("a".repeat(100))).hasSize(60);
    }

    @Test
    void shows_only_what_the_review_holds() throws IOException {
        SessionReview review = SessionReviewFixture.review();
        String text = csv.text(review);
        // the timeline, verdict and feedback are not scores: they stay out of the scores file
        assertThat(text).doesNotContain("Moment 3").doesNotContain("Tough but fair");
        assertThat(bytes(0xEF, 0xBB, 0xBF)).hasSize(3);
    }
}
