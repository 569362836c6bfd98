package io.mockpanel.review;

import static io.mockpanel.review.PdfPalette.MUTED;
import static io.mockpanel.review.PdfPalette.RULE;

import org.jspecify.annotations.Nullable;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Writes a rule, what the document is about, and "mockpanel · session report · page n of N" at
 * the foot of every page of a PDF report.
 */
final class PageFooter extends PdfPageEventHelper {

    static final String TEXT = "mockpanel · session report · page ";

    private final String about;
    private final PdfFonts fonts;
    private final float margin;
    private @Nullable PdfTemplate total;

    /** @param about the left-hand text (shortened to 70 characters) */
    PageFooter(String about, PdfFonts fonts, float margin) {
        this.about = about;
        this.fonts = fonts;
        this.margin = margin;
    }

    @Override
    public void onOpenDocument(PdfWriter writer, Document document) {
        total = writer.getDirectContent().createTemplate(30, 12);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        PdfContentByte canvas = writer.getDirectContent();
        float y = margin - 6;
        float right = document.getPageSize().getWidth() - margin;
        canvas.setColorStroke(RULE);
        canvas.setLineWidth(0.5f);
        canvas.moveTo(margin, y + 11);
        canvas.lineTo(right, y + 11);
        canvas.stroke();
        ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT,
                new Phrase(PdfFonts.plain(shorten(about, 70), fonts.regular), fonts.footer), margin, y, 0);
        // the total is not known yet: a placeholder box after "of ", filled in when the document closes
        String text = TEXT + writer.getPageNumber() + " of";
        float size = fonts.footer.getSize();
        float box = right - fonts.regular.getWidthPoint("00", size);
        ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT, new Phrase(text, fonts.footer),
                box - fonts.regular.getWidthPoint(" ", size), y, 0);
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
        template.setFontAndSize(fonts.regular, fonts.footer.getSize());
        template.setColorFill(MUTED);
        template.setTextMatrix(0, 0);
        template.showText(pages);
        template.endText();
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
