package io.mockpanel.review;

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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The session report as an A4 PDF: summary, scores per scenario and area with justifications and
 * cited notes, coverage, tags, then the timeline. Renders only the {@link SessionReview} it is
 * given (never the database), so the report shows what its reader may see and nothing more.
 * Text is set in DejaVu Sans (embedded, subset); a character the font lacks prints as a plain
 * placeholder instead of vanishing or failing. Decision 0032.
 */
public final class SessionReportPdf {

    public static final String CONTENT_TYPE = "application/pdf";

    /*
     * Parsed once: parsing the two 700 kB fonts was most of a render's time. A BaseFont holds no
     * per-document state (each writer keeps its own record of the glyphs it used for the subset),
     * so one instance serves every report, concurrently too.
     */
    private static final BaseFont REGULAR = font("/fonts/DejaVuSans.ttf");
    private static final BaseFont BOLD = font("/fonts/DejaVuSans-Bold.ttf");
    private static final float LEADING = 1.3f;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private static final Color INK = new Color(0x1f, 0x2a, 0x37);
    private static final Color MUTED = new Color(0x5b, 0x67, 0x75);
    private static final Color ACCENT = new Color(0x1a, 0x5f, 0xb4);
    private static final Color RULE = new Color(0xd5, 0xdb, 0xe3);
    private static final Color HEAD = new Color(0xe9, 0xef, 0xf6);
    private static final Color STRIPE = new Color(0xf6, 0xf8, 0xfa);
    private static final Color SHADE = new Color(0xfb, 0xf6, 0xe6);

    static final float MARGIN = 42;
    static final String FOOTER = "mockpanel · session report · page ";

    /** "session-42-incident-commander.pdf": ASCII only, safe in a header. */
    public static String fileName(SessionReview review) {
        return ExportFormat.fileName(review, "pdf");
    }

    public byte[] render(SessionReview review) {
        return new Report(review).write();
    }

    private static BaseFont font(String resource) {
        try (InputStream in = SessionReportPdf.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font " + resource + " is missing from the classpath");
            }
            String name = resource.substring(resource.lastIndexOf('/') + 1);
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One rendering: the document, its fonts, and the review it shows. */
    private static final class Report {

        private final SessionReview review;
        private final BaseFont regular;
        private final BaseFont bold;
        private final Font body;
        private final Font small;
        private final Font smallMuted;
        private final Font label;
        private final Font strong;
        private final Font h1;
        private final Font h2;
        private final Font h3;
        private final Font footer;
        private @Nullable PdfWriter writer;

        Report(SessionReview review) {
            this.review = review;
            this.regular = REGULAR;
            this.bold = BOLD;
            body = new Font(regular, 9.5f, Font.NORMAL, INK);
            small = new Font(regular, 8.5f, Font.NORMAL, INK);
            smallMuted = new Font(regular, 8f, Font.NORMAL, MUTED);
            label = new Font(bold, 8.5f, Font.NORMAL, MUTED);
            strong = new Font(bold, 9.5f, Font.NORMAL, INK);
            h1 = new Font(bold, 18, Font.NORMAL, INK);
            h2 = new Font(bold, 13, Font.NORMAL, ACCENT);
            h3 = new Font(bold, 10.5f, Font.NORMAL, INK);
            footer = new Font(regular, 7.5f, Font.NORMAL, MUTED);
        }

        byte[] write() {
            var out = new ByteArrayOutputStream(64 * 1024);
            Document document = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, MARGIN + 14);
            PdfWriter writer = PdfWriter.getInstance(document, out);
            this.writer = writer;
            writer.setPageEvent(new Footer());
            Summary summary = review.summary();
            document.addTitle(plain(summary.title() + " — session report", regular));
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
            document.add(paragraph("Session report", label, 0, 2));
            Paragraph title = paragraph(summary.title(), h1, 0, 8);
            title.setLeading(h1.getSize() * 1.25f);
            document.add(title);
            PdfPTable facts = table(new float[] {20, 80});
            fact(facts, "Candidate", summary.candidateName() + (summary.anonymised() ? " (anonymised)" : ""));
            fact(facts, "Date", when(summary));
            fact(facts, "State", summary.state().label());
            fact(facts, "Panel", summary.panel().stream()
                    .map(seat -> seat.displayName() + " (" + seat.role().label().toLowerCase(Locale.ROOT) + ")")
                    .collect(Collectors.joining(", ")));
            fact(facts, "Prompts", summary.promptsPushed() + " pushed, " + summary.promptsSkipped() + " skipped");
            var verdict = review.verdict();
            fact(facts, "Verdict", verdict == null ? "not recorded"
                    : ExportFormat.score(verdict.recommendation()) + (verdict.note().isBlank() ? "" : " — " + verdict.note())
                            + "  (" + seatName(verdict.recordedBy()) + ", " + DAY.format(verdict.recordedAt()) + " UTC)");
            var feedback = review.feedback();
            if (feedback != null) {
                fact(facts, "Candidate's rating", feedback.rating() + " / 5"
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
            document.add(heading("Summary", h2, 0));
            if (!review.timeSpent().isEmpty()) {
                PdfPTable time = titled("Time per scenario and discussion area", new float[] {80, 20},
                        "Scenario / area", "Time");
                for (ScenarioTime scenario : review.timeSpent()) {
                    time.addCell(cell((scenario.scenario() + 1) + ". " + scenario.title(), strong, null));
                    time.addCell(right(ExportFormat.duration(scenario.spent()), strong, null));
                    for (AreaTime area : scenario.areas()) {
                        PdfPCell name = cell(area.title(), body, null);
                        name.setPaddingLeft(16);
                        time.addCell(name);
                        time.addCell(right(ExportFormat.duration(area.spent()), body, null));
                    }
                }
                time.setSpacingAfter(8);
                document.add(time);
            }
            if (review.recommendations().isEmpty()) {
                document.add(paragraph("Recommendations", h3, 4, 4));
                document.add(paragraph("No recommendations you may see.", smallMuted, 0, 8));
                return;
            }
            PdfPTable table = titled("Recommendations", new float[] {26, 18, 21, 35},
                    "Scenario", "Panelist", "Recommendation", "Why");
            for (Recommendation r : review.recommendations()) {
                table.addCell(cell(scenarioTitle(r.scenario()), body, null));
                table.addCell(cell(r.displayName(), body, null));
                table.addCell(cell(r.submitted() ? ExportFormat.score(r.recommendation()) : "not submitted", body, null));
                table.addCell(cell(r.text(), small, null));
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
            document.add(heading("Scenario " + (scenario.scenario() + 1) + " · " + scenario.title(), h2, 4));
            if (!scenario.revealed()) {
                document.add(paragraph("Scores are not revealed yet: only what you may see is shown.", smallMuted, 0, 4));
            }
            for (AreaScores area : scenario.areas()) {
                document.add(areaTable(area));
            }
            if (!scenario.coverage().isEmpty()) {
                PdfPTable coverage = titled("Coverage of the discussion questions", new float[] {10, 72, 18},
                        "Question", "Text", "Covered");
                coverage.setSpacingBefore(8);
                for (QuestionCoverage question : scenario.coverage()) {
                    coverage.addCell(cell((question.area() + 1) + "." + (question.question() + 1), body, null));
                    coverage.addCell(cell(question.text(), body, null));
                    coverage.addCell(cell(question.covered() ? "✓ covered" : "✗ not covered",
                            question.covered() ? body : strong, question.covered() ? null : SHADE));
                }
                coverage.setSpacingAfter(6);
                document.add(coverage);
            }
            if (!scenario.tags().isEmpty()) {
                Paragraph tags = new Paragraph("", body);
                tags.add(new Chunk(plain("Quick tags: ", bold), strong));
                tags.add(new Chunk(plain(scenario.tags().stream().map(t -> t.label() + " × " + t.count())
                        .collect(Collectors.joining("   ·   ")), regular), body));
                tags.setSpacingAfter(6);
                document.add(tags);
            }
        }

        /** One area: a title row and column headers that repeat when the table runs onto a new page. */
        private PdfPTable areaTable(AreaScores area) {
            String consensus = area.consensus() == null ? "" : "   ·   consensus " + ExportFormat.score(area.consensus());
            PdfPTable table = titled("Area " + (area.area() + 1) + " · " + area.title() + "   ·   spread "
                    + area.spread() + consensus, new float[] {19, 19, 62}, "Scorer", "Score",
                    "Justification and cited notes");
            int row = 0;
            for (PanelScore score : area.scores()) {
                Color fill = row++ % 2 == 1 ? STRIPE : null;
                table.addCell(cell(score.displayName(), body, fill));
                table.addCell(cell(ExportFormat.score(score.score()), strong, fill));
                PdfPCell text = cell(score.justification().isBlank() ? "—" : score.justification(), body, fill);
                if (!score.cited().isEmpty()) {
                    // a cell with elements drops the phrase it was made with: add the text as the first element
                    Paragraph justification = new Paragraph(plain(score.justification().isBlank() ? "—"
                            : score.justification(), regular), body);
                    justification.setLeading(0, LEADING);
                    text.addElement(justification);
                }
                for (CitedNote note : score.cited()) {
                    Paragraph cited = new Paragraph("", small);
                    cited.add(new Chunk(plain("Note at " + ExportFormat.duration(note.offset()) + ": ", bold), label));
                    cited.add(new Chunk(plain("“" + note.text() + "”", regular), smallMuted));
                    cited.setLeading(0, LEADING);
                    cited.setIndentationLeft(8);
                    cited.setSpacingBefore(2);
                    text.addElement(cited);
                }
                table.addCell(text);
            }
            if (area.consensus() != null || !area.consensusNote().isBlank()) {
                table.addCell(cell("Panel consensus", strong, HEAD));
                table.addCell(cell(ExportFormat.score(area.consensus()), strong, HEAD));
                table.addCell(cell(area.consensusNote().isBlank() ? "—" : area.consensusNote(), body, HEAD));
            }
            if (area.selfScore() != null || !area.selfComment().isBlank()) {
                table.addCell(cell("Self-assessment", body, SHADE));
                table.addCell(cell(ExportFormat.score(area.selfScore()), strong, SHADE));
                table.addCell(cell(area.selfComment().isBlank() ? "—" : area.selfComment(), body, SHADE));
            }
            return table;
        }

        // ---- timeline ----

        private void timeline(Document document) {
            document.newPage();
            document.add(heading("Timeline", h2, 0));
            if (review.timeline().isEmpty()) {
                document.add(paragraph("Nothing was recorded.", smallMuted, 0, 0));
                return;
            }
            PdfPTable table = table(new float[] {9, 18, 17, 56});
            headerRow(table, "Offset", "Who", "Kind", "What");
            table.setHeaderRows(1);
            table.setSpacingBefore(4);
            int row = 0;
            for (Moment moment : review.timeline()) {
                Color fill = row++ % 2 == 1 ? STRIPE : null;
                table.addCell(right(ExportFormat.duration(moment.offset()), small, fill));
                table.addCell(cell(moment.who(), small, fill));
                table.addCell(cell(ExportFormat.kind(moment.kind()), small, fill));
                table.addCell(cell(moment.text(), small, fill));
            }
            document.add(table);
        }

        // ---- building blocks ----

        private PdfPTable table(float[] widths) {
            PdfPTable table = new PdfPTable(widths);
            table.setWidthPercentage(100);
            return table;
        }

        /**
         * A table under a title row, with column headers; title and headers repeat on each page the
         * table runs onto, so a continued table still says what it is.
         */
        private PdfPTable titled(String title, float[] widths, String... headers) {
            PdfPTable table = table(widths);
            table.setSpacingBefore(6);
            PdfPCell cell = cell(title, h3, null);
            cell.setColspan(widths.length);
            cell.setBorder(Rectangle.BOTTOM);
            cell.setBorderColor(ACCENT);
            cell.setBorderWidth(0.8f);
            cell.setPaddingLeft(0);
            cell.setPaddingBottom(5);
            table.addCell(cell);
            headerRow(table, headers);
            table.setHeaderRows(2);
            return table;
        }

        private void fact(PdfPTable table, String name, String value) {
            PdfPCell key = cell(name, label, null);
            key.setBorder(Rectangle.NO_BORDER);
            PdfPCell text = cell(value, body, null);
            text.setBorder(Rectangle.NO_BORDER);
            table.addCell(key);
            table.addCell(text);
        }

        private void headerRow(PdfPTable table, String... names) {
            for (String name : names) {
                table.addCell(cell(name, label, HEAD));
            }
        }

        private PdfPCell cell(String text, Font font, @Nullable Color fill) {
            PdfPCell cell = new PdfPCell(new Phrase(plain(text, font.getBaseFont()), font));
            cell.setPadding(4);
            cell.setPaddingBottom(5);
            cell.setBorderColor(RULE);
            cell.setBorderWidth(0.5f);
            cell.setUseAscender(true);
            cell.setLeading(0, LEADING);
            if (fill != null) {
                cell.setBackgroundColor(fill);
            }
            return cell;
        }

        private PdfPCell right(String text, Font font, @Nullable Color fill) {
            PdfPCell cell = cell(text, font, fill);
            cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
            return cell;
        }

        private Paragraph paragraph(String text, Font font, float before, float after) {
            Paragraph paragraph = new Paragraph(plain(text, font.getBaseFont()), font);
            paragraph.setSpacingBefore(before);
            paragraph.setSpacingAfter(after);
            return paragraph;
        }

        private Paragraph heading(String text, Font font, float before) {
            Paragraph heading = paragraph(text, font, before + 8, 2);
            heading.setLeading(font.getSize() * 1.25f);
            heading.setKeepTogether(true);
            return heading;
        }

        /** Writes "mockpanel · session report · page n of N" at the foot of every page. */
        private final class Footer extends PdfPageEventHelper {

            private @Nullable PdfTemplate total;

            @Override
            public void onOpenDocument(PdfWriter writer, Document document) {
                total = writer.getDirectContent().createTemplate(30, 12);
            }

            @Override
            public void onEndPage(PdfWriter writer, Document document) {
                PdfContentByte canvas = writer.getDirectContent();
                float y = MARGIN - 6;
                float right = document.getPageSize().getWidth() - MARGIN;
                canvas.setColorStroke(RULE);
                canvas.setLineWidth(0.5f);
                canvas.moveTo(MARGIN, y + 11);
                canvas.lineTo(right, y + 11);
                canvas.stroke();
                String left = review.summary().title() + " · " + review.summary().candidateName();
                ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT,
                        new Phrase(plain(shorten(left, 70), regular), footer), MARGIN, y, 0);
                // the total is not known yet: a placeholder box after "of ", filled in when the document closes
                String text = FOOTER + writer.getPageNumber() + " of";
                float box = right - regular.getWidthPoint("00", footer.getSize());
                ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT, new Phrase(text, footer),
                        box - regular.getWidthPoint(" ", footer.getSize()), y, 0);
                canvas.addTemplate(total, box, y);
            }

            @Override
            public void onCloseDocument(PdfWriter writer, Document document) {
                PdfTemplate template = total;
                if (template == null) {
                    return;
                }
                String pages = String.valueOf(writer.getPageNumber() - 1);
                template.beginText();
                template.setFontAndSize(regular, footer.getSize());
                template.setColorFill(MUTED);
                template.setTextMatrix(0, 0);
                template.showText(pages);
                template.endText();
            }
        }
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /**
     * The text as the font can print it: composed (NFC), control characters as spaces, joiners
     * and emoji modifiers dropped, and any other character the font lacks as a plain placeholder
     * (□), so an emoji or a rare script degrades visibly instead of vanishing or failing.
     */
    static String plain(String text, BaseFont font) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(composed.length());
        composed.codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
            } else if (Character.isISOControl(cp)) {
                out.append(' ');
            } else if (cp == 0x200D || cp >= 0xFE00 && cp <= 0xFE0F || cp >= 0x1F3FB && cp <= 0x1F3FF
                    || cp >= 0xE0020 && cp <= 0xE007F || cp == 0x20E3) {
                // zero-width joiner, variation selectors, skin tones, tag characters, keycap: no glyph of their own
            } else if (font.charExists(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append(font.charExists('□') ? '□' : '?');
            }
        });
        return out.toString();
    }
}
