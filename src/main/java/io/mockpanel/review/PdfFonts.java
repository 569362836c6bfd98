package io.mockpanel.review;

import static io.mockpanel.review.PdfPalette.ACCENT;
import static io.mockpanel.review.PdfPalette.INK;
import static io.mockpanel.review.PdfPalette.MUTED;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import org.openpdf.text.Font;
import org.openpdf.text.pdf.BaseFont;

/**
 * The type of one PDF report: DejaVu Sans (embedded, subset) in the sizes and colours the report
 * uses, and {@link #plain} to turn any text into what the font can print. Decision 0032.
 */
final class PdfFonts {

    /*
     * Parsed once: parsing the two 700 kB fonts was most of a render's time. A BaseFont holds no
     * per-document state (each writer keeps its own record of the glyphs it used for the subset),
     * so one instance serves every report, concurrently too.
     */
    private static final BaseFont REGULAR = font("/fonts/DejaVuSans.ttf");
    private static final BaseFont BOLD = font("/fonts/DejaVuSans-Bold.ttf");

    final BaseFont regular = REGULAR;
    final BaseFont bold = BOLD;
    final Font body = new Font(regular, 9.5f, Font.NORMAL, INK);
    final Font small = new Font(regular, 8.5f, Font.NORMAL, INK);
    final Font smallMuted = new Font(regular, 8f, Font.NORMAL, MUTED);
    final Font label = new Font(bold, 8.5f, Font.NORMAL, MUTED);
    final Font strong = new Font(bold, 9.5f, Font.NORMAL, INK);
    final Font h1 = new Font(bold, 18, Font.NORMAL, INK);
    final Font h2 = new Font(bold, 13, Font.NORMAL, ACCENT);
    final Font h3 = new Font(bold, 10.5f, Font.NORMAL, INK);
    final Font footer = new Font(regular, 7.5f, Font.NORMAL, MUTED);

    private static BaseFont font(String resource) {
        try (InputStream in = PdfFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font " + resource + " is missing from the classpath");
            }
            String name = resource.substring(resource.lastIndexOf('/') + 1);
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
