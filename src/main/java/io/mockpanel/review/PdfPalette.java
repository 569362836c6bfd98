package io.mockpanel.review;

import java.awt.Color;

/** The colours of the PDF reports: ink for text, an accent for headings, quiet fills for rows. */
final class PdfPalette {

    static final Color INK = new Color(0x1f, 0x2a, 0x37);
    static final Color MUTED = new Color(0x5b, 0x67, 0x75);
    static final Color ACCENT = new Color(0x1a, 0x5f, 0xb4);
    static final Color RULE = new Color(0xd5, 0xdb, 0xe3);
    static final Color HEAD = new Color(0xe9, 0xef, 0xf6);
    static final Color STRIPE = new Color(0xf6, 0xf8, 0xfa);
    static final Color SHADE = new Color(0xfb, 0xf6, 0xe6);

    private PdfPalette() {
    }
}
