package io.mockpanel.review;

import static io.mockpanel.review.PdfPalette.ACCENT;
import static io.mockpanel.review.PdfPalette.HEAD;
import static io.mockpanel.review.PdfPalette.RULE;

import java.awt.Color;
import org.jspecify.annotations.Nullable;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;

/** The building blocks of a PDF report: tables, cells, paragraphs and headings in the report's type. */
final class PdfBlocks {

    static final float LEADING = 1.3f;

    private final PdfFonts fonts;

    PdfBlocks(PdfFonts fonts) {
        this.fonts = fonts;
    }

    PdfPTable table(float[] widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        return table;
    }

    /**
     * A table under a title row, with column headers; title and headers repeat on each page the
     * table runs onto, so a continued table still says what it is.
     */
    PdfPTable titled(String title, float[] widths, String... headers) {
        PdfPTable table = table(widths);
        table.setSpacingBefore(6);
        PdfPCell cell = cell(title, fonts.h3, null);
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

    /** A name and its value on one borderless row. */
    void fact(PdfPTable table, String name, String value) {
        PdfPCell key = cell(name, fonts.label, null);
        key.setBorder(Rectangle.NO_BORDER);
        PdfPCell text = cell(value, fonts.body, null);
        text.setBorder(Rectangle.NO_BORDER);
        table.addCell(key);
        table.addCell(text);
    }

    void headerRow(PdfPTable table, String... names) {
        for (String name : names) {
            table.addCell(cell(name, fonts.label, HEAD));
        }
    }

    PdfPCell cell(String text, Font font, @Nullable Color fill) {
        PdfPCell cell = new PdfPCell(new Phrase(PdfFonts.plain(text, font.getBaseFont()), font));
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

    PdfPCell right(String text, Font font, @Nullable Color fill) {
        PdfPCell cell = cell(text, font, fill);
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }

    Paragraph paragraph(String text, Font font, float before, float after) {
        Paragraph paragraph = new Paragraph(PdfFonts.plain(text, font.getBaseFont()), font);
        paragraph.setSpacingBefore(before);
        paragraph.setSpacingAfter(after);
        return paragraph;
    }

    /** A heading kept together, with room above it. */
    Paragraph heading(String text, Font font, float before) {
        Paragraph heading = paragraph(text, font, before + 8, 2);
        heading.setLeading(font.getSize() * 1.25f);
        heading.setKeepTogether(true);
        return heading;
    }
}
