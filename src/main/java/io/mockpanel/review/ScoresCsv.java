package io.mockpanel.review;

import io.mockpanel.review.SessionReview.AreaScores;
import io.mockpanel.review.SessionReview.CitedNote;
import io.mockpanel.review.SessionReview.PanelScore;
import io.mockpanel.review.SessionReview.ScenarioScores;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The scores of a session as CSV for spreadsheets: one row per scenario × area × scorer, then the
 * area's consensus and the candidate's self-assessment. Renders only what the {@link SessionReview}
 * holds, so it shows what its reader may see and nothing more.
 * <p>
 * RFC 4180 (comma, CRLF, double quotes), UTF-8 with a byte order mark so that Excel reads
 * "Zoë" as written; a cell that a spreadsheet would run as a formula (starting with = + - @, tab
 * or CR) gets a leading apostrophe (OWASP's CSV injection rule). Decision 0032.
 */
public final class ScoresCsv {

    public static final String CONTENT_TYPE = "text/csv;charset=UTF-8";

    static final List<String> HEADER = List.of("session", "session_title", "candidate", "scenario",
            "scenario_title", "area", "area_title", "row", "scorer", "scorer_name", "score", "spread",
            "text", "cited_notes");

    private static final String BOM = "\uFEFF";

    /** "session-42-incident-commander.csv": ASCII only, safe in a header. */
    public static String fileName(SessionReview review) {
        return ExportFormat.fileName(review, "csv");
    }

    public byte[] write(SessionReview review) {
        return text(review).getBytes(StandardCharsets.UTF_8);
    }

    /** The CSV text, starting with the byte order mark. */
    public String text(SessionReview review) {
        StringBuilder out = new StringBuilder(BOM);
        row(out, HEADER);
        var summary = review.summary();
        for (ScenarioScores scenario : review.scenarios()) {
            for (AreaScores area : scenario.areas()) {
                String spread = String.valueOf(area.spread());
                for (PanelScore score : area.scores()) {
                    row(out, List.of(String.valueOf(summary.sessionId()), summary.title(), summary.candidateName(),
                            String.valueOf(scenario.scenario() + 1), scenario.title(), String.valueOf(area.area() + 1),
                            area.title(), "panelist", score.username(), score.displayName(), number(score.score()),
                            spread, score.justification(), cited(score.cited())));
                }
                if (area.consensus() != null || !area.consensusNote().isBlank()) {
                    row(out, List.of(String.valueOf(summary.sessionId()), summary.title(), summary.candidateName(),
                            String.valueOf(scenario.scenario() + 1), scenario.title(), String.valueOf(area.area() + 1),
                            area.title(), "consensus", "", "Panel consensus", number(area.consensus()), spread,
                            area.consensusNote(), ""));
                }
                if (area.selfScore() != null || !area.selfComment().isBlank()) {
                    row(out, List.of(String.valueOf(summary.sessionId()), summary.title(), summary.candidateName(),
                            String.valueOf(scenario.scenario() + 1), scenario.title(), String.valueOf(area.area() + 1),
                            area.title(), "self", "", summary.candidateName(), number(area.selfScore()), "",
                            area.selfComment(), ""));
                }
            }
        }
        return out.toString();
    }

    private static String number(@Nullable Integer value) {
        return value == null ? "" : value.toString();
    }

    /** "3:05 Asked who owns…" per cited note, one per line within the cell. */
    private static String cited(List<CitedNote> notes) {
        return notes.stream().map(n -> ExportFormat.duration(n.offset()) + " " + n.text())
                .collect(Collectors.joining("\n"));
    }

    private static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** Defused against formulas, then quoted when it holds a comma, quote or line break (RFC 4180). */
    static String cell(String value) {
        String safe = value;
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}
