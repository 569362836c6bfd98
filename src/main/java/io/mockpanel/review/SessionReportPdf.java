package io.mockpanel.review;

import static io.mockpanel.review.PdfPalette.HEAD;
import static io.mockpanel.review.PdfPalette.SHADE;
import static io.mockpanel.review.PdfPalette.STRIPE;

import io.mockpanel.review.SessionReview.AreaScores;
import io.mockpanel.review.SessionReview.AreaTime;
import io.mockpanel.review.SessionReview.CitedNote;
import io.mockpanel.review.SessionReview.Moment;
import io.mockpanel.review.SessionReview.PanelScore;
import io.mockpanel.review.SessionReview.QuestionCoverage;
import io.mockpanel.review.SessionReview.Recommendation;
import io.mockpanel.review.SessionReview.ScenarioScores;
import io.mockpanel.review.SessionReview.ScenarioTime;
import io.mockpanel.review.SessionReview.Seat;
import io.mockpanel.review.SessionReview.Summary;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The session report as an A4 PDF: summary, scores per scenario and area with justifications and
 * cited notes, coverage, tags, then the timeline. Renders only the {@link SessionReview} it is
 * given (never the database), so the report shows what its reader may see and nothing more.
 * Text is set in DejaVu Sans ({@link PdfFonts}); a character the font lacks prints as a plain
 * placeholder instead of vanishing or failing. Decision 0032.
 */
public final class SessionReportPdf {

    public static final String CONTENT_TYPE = "application/pdf";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    static final float MARGIN = 42;

    /** "session-42-incident-commander.pdf": ASCII only, safe in a header. */
    public static String fileName(SessionReview review) {
        return ExportFormat.fileName(review, "pdf");
    }

    public byte[] render(SessionReview review) {
        return new Report(review).write();
    }

    /** One rendering: the document, its fonts, and the review it shows. */
    private static final class Report {

        private final SessionReview review;
        private final PdfFonts fonts = new PdfFonts();
        private final PdfBlocks blocks = new PdfBlocks(fonts);
        private @Nullable PdfWriter writer;

        Report(SessionReview review) {
            this.review = review;
        }

        byte[] write() {
            var out = new ByteArrayOutputStream(64 * 1024);
            Document document = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, MARGIN + 14);
            PdfWriter writer = PdfWriter.getInstance(document, out);
            this.writer = writer;
            writer.setPageEvent(new PageFooter(review.summary().title() + " · " + review.summary().candidateName(),
                    fonts, MARGIN));
            Summary summary = review.summary();
            document.addTitle(PdfFonts.plain(summary.title() + " — session report", fonts.regular));
            document.addCreator("mockpanel");
            document.open();
            header(document, summary);
            summary(document);
            for (ScenarioScores scenario : review.scenarios()) {
                scenario(document, scenario);
            }
            timeline(document);
            document.close();
            return out.toByteArray();
        }

        // ---- header and summary ----

        private void header(Document document, Summary summary) {
            document.add(blocks.paragraph("Session report", fonts.label, 0, 2));
            Paragraph title = blocks.paragraph(summary.title(), fonts.h1, 0, 8);
            title.setLeading(fonts.h1.getSize() * 1.25f);
            document.add(title);
            PdfPTable facts = blocks.table(new float[] {20, 80});
            blocks.fact(facts, "Candidate", summary.candidateName() + (summary.anonymised() ? " (anonymised)" : ""));
            blocks.fact(facts, "Date", when(summary));
            blocks.fact(facts, "State", summary.state().label());
            blocks.fact(facts, "Panel", summary.panel().stream()
                    .map(seat -> seat.displayName() + " (" + seat.role().label().toLowerCase(Locale.ROOT) + ")")
                    .collect(Collectors.joining(", ")));
            blocks.fact(facts, "Prompts",
                    summary.promptsPushed() + " pushed, " + summary.promptsSkipped() + " skipped");
            var verdict = review.verdict();
            blocks.fact(facts, "Verdict", verdict == null ? "not recorded"
                    : ExportFormat.score(verdict.recommendation()) + (verdict.note().isBlank() ? "" : " — " + verdict.note())
                            + "  (" + seatName(verdict.recordedBy()) + ", " + DAY.format(verdict.recordedAt()) + " UTC)");
            var feedback = review.feedback();
            if (feedback != null) {
                blocks.fact(facts, "Candidate's rating", feedback.rating() + " / 5"
                        + (feedback.comment().isBlank() ? "" : " — " + feedback.comment()));
            }
            facts.setSpacingAfter(2);
            document.add(facts);
        }

        private String when(Summary summary) {
            Instant start = summary.startedAt();
            Instant end = summary.endedAt();
            if (start == null) {
                return "not started (created " + DAY.format(summary.createdAt()) + " UTC)";
            }
            return DAY.format(start) + (end == null ? "" : "–" + TIME.format(end)) + " UTC";
        }

        private String seatName(String username) {
            return review.summary().panel().stream().filter(seat -> seat.username().equals(username))
                    .map(Seat::displayName).findFirst().orElse(username);
        }

        private void summary(Document document) {
            document.add(blocks.heading("Summary", fonts.h2, 0));
            if (!review.timeSpent().isEmpty()) {
                PdfPTable time = blocks.titled("Time per scenario and discussion area", new float[] {80, 20},
                        "Scenario / area", "Time");
                for (ScenarioTime scenario : review.timeSpent()) {
                    time.addCell(blocks.cell((scenario.scenario() + 1) + ". " + scenario.title(), fonts.strong, null));
                    time.addCell(blocks.right(ExportFormat.duration(scenario.spent()), fonts.strong, null));
                    for (AreaTime area : scenario.areas()) {
                        PdfPCell name = blocks.cell(area.title(), fonts.body, null);
                        name.setPaddingLeft(16);
                        time.addCell(name);
                        time.addCell(blocks.right(ExportFormat.duration(area.spent()), fonts.body, null));
                    }
                }
                time.setSpacingAfter(8);
                document.add(time);
            }
            if (review.recommendations().isEmpty()) {
                document.add(blocks.paragraph("Recommendations", fonts.h3, 4, 4));
                document.add(blocks.paragraph("No recommendations you may see.", fonts.smallMuted, 0, 8));
                return;
            }
            PdfPTable table = blocks.titled("Recommendations", new float[] {26, 18, 21, 35},
                    "Scenario", "Panelist", "Recommendation", "Why");
            for (Recommendation r : review.recommendations()) {
                table.addCell(blocks.cell(scenarioTitle(r.scenario()), fonts.body, null));
                table.addCell(blocks.cell(r.displayName(), fonts.body, null));
                table.addCell(blocks.cell(r.submitted() ? ExportFormat.score(r.recommendation()) : "not submitted",
                        fonts.body, null));
                table.addCell(blocks.cell(r.text(), fonts.small, null));
            }
            table.setSpacingAfter(8);
            document.add(table);
        }

        private String scenarioTitle(int scenario) {
            return (scenario + 1) + ". " + review.scenarios().stream().filter(s -> s.scenario() == scenario)
                    .map(ScenarioScores::title).findFirst()
                    .orElseGet(() -> review.timeSpent().stream().filter(t -> t.scenario() == scenario)
                            .map(ScenarioTime::title).findFirst().orElse("Scenario"));
        }

        // ---- per scenario ----

        private void scenario(Document document, ScenarioScores scenario) {
            // keep the scenario's heading with its first table rather than alone at the foot of a page
            if (writer != null && writer.getVerticalPosition(true) < MARGIN + 200) {
                document.newPage();
            }
            document.add(blocks.heading("Scenario " + (scenario.scenario() + 1) + " · " + scenario.title(),
                    fonts.h2, 4));
            if (!scenario.revealed()) {
                document.add(blocks.paragraph("Scores are not revealed yet: only what you may see is shown.",
                        fonts.smallMuted, 0, 4));
            }
            for (AreaScores area : scenario.areas()) {
                document.add(areaTable(area));
            }
            if (!scenario.coverage().isEmpty()) {
                PdfPTable coverage = blocks.titled("Coverage of the discussion questions", new float[] {10, 72, 18},
                        "Question", "Text", "Covered");
                coverage.setSpacingBefore(8);
                for (QuestionCoverage question : scenario.coverage()) {
                    coverage.addCell(blocks.cell((question.area() + 1) + "." + (question.question() + 1),
                            fonts.body, null));
                    coverage.addCell(blocks.cell(question.text(), fonts.body, null));
                    coverage.addCell(blocks.cell(question.covered() ? "✓ covered" : "✗ not covered",
                            question.covered() ? fonts.body : fonts.strong, question.covered() ? null : SHADE));
                }
                coverage.setSpacingAfter(6);
                document.add(coverage);
            }
            if (!scenario.tags().isEmpty()) {
                Paragraph tags = new Paragraph("", fonts.body);
                tags.add(new Chunk(PdfFonts.plain("Quick tags: ", fonts.bold), fonts.strong));
                tags.add(new Chunk(PdfFonts.plain(scenario.tags().stream().map(t -> t.label() + " × " + t.count())
                        .collect(Collectors.joining("   ·   ")), fonts.regular), fonts.body));
                tags.setSpacingAfter(6);
                document.add(tags);
            }
        }

        /** One area: a title row and column headers that repeat when the table runs onto a new page. */
        private PdfPTable areaTable(AreaScores area) {
            String consensus = area.consensus() == null ? "" : "   ·   consensus " + ExportFormat.score(area.consensus());
            PdfPTable table = blocks.titled("Area " + (area.area() + 1) + " · " + area.title() + "   ·   spread "
                    + area.spread() + consensus, new float[] {19, 19, 62}, "Scorer", "Score",
                    "Justification and cited notes");
            int row = 0;
            for (PanelScore score : area.scores()) {
                Color fill = row++ % 2 == 1 ? STRIPE : null;
                table.addCell(blocks.cell(score.displayName(), fonts.body, fill));
                table.addCell(blocks.cell(ExportFormat.score(score.score()), fonts.strong, fill));
                PdfPCell text = blocks.cell(score.justification().isBlank() ? "—" : score.justification(),
                        fonts.body, fill);
                if (!score.cited().isEmpty()) {
                    // a cell with elements drops the phrase it was made with: add the text as the first element
                    Paragraph justification = new Paragraph(PdfFonts.plain(score.justification().isBlank() ? "—"
                            : score.justification(), fonts.regular), fonts.body);
                    justification.setLeading(0, PdfBlocks.LEADING);
                    text.addElement(justification);
                }
                for (CitedNote note : score.cited()) {
                    Paragraph cited = new Paragraph("", fonts.small);
                    cited.add(new Chunk(PdfFonts.plain("Note at " + ExportFormat.duration(note.offset()) + ": ",
                            fonts.bold), fonts.label));
                    cited.add(new Chunk(PdfFonts.plain("“" + note.text() + "”", fonts.regular), fonts.smallMuted));
                    cited.setLeading(0, PdfBlocks.LEADING);
                    cited.setIndentationLeft(8);
                    cited.setSpacingBefore(2);
                    text.addElement(cited);
                }
                table.addCell(text);
            }
            if (area.consensus() != null || !area.consensusNote().isBlank()) {
                table.addCell(blocks.cell("Panel consensus", fonts.strong, HEAD));
                table.addCell(blocks.cell(ExportFormat.score(area.consensus()), fonts.strong, HEAD));
                table.addCell(blocks.cell(area.consensusNote().isBlank() ? "—" : area.consensusNote(),
                        fonts.body, HEAD));
            }
            if (area.selfScore() != null || !area.selfComment().isBlank()) {
                table.addCell(blocks.cell("Self-assessment", fonts.body, SHADE));
                table.addCell(blocks.cell(ExportFormat.score(area.selfScore()), fonts.strong, SHADE));
                table.addCell(blocks.cell(area.selfComment().isBlank() ? "—" : area.selfComment(), fonts.body, SHADE));
            }
            return table;
        }

        // ---- timeline ----

        private void timeline(Document document) {
            document.newPage();
            document.add(blocks.heading("Timeline", fonts.h2, 0));
            if (review.timeline().isEmpty()) {
                document.add(blocks.paragraph("Nothing was recorded.", fonts.smallMuted, 0, 0));
                return;
            }
            PdfPTable table = blocks.table(new float[] {9, 18, 17, 56});
            blocks.headerRow(table, "Offset", "Who", "Kind", "What");
            table.setHeaderRows(1);
            table.setSpacingBefore(4);
            int row = 0;
            for (Moment moment : review.timeline()) {
                Color fill = row++ % 2 == 1 ? STRIPE : null;
                table.addCell(blocks.right(ExportFormat.duration(moment.offset()), fonts.small, fill));
                table.addCell(blocks.cell(moment.who(), fonts.small, fill));
                table.addCell(blocks.cell(ExportFormat.kind(moment.kind()), fonts.small, fill));
                table.addCell(blocks.cell(moment.text(), fonts.small, fill));
            }
            document.add(table);
        }
    }
}
