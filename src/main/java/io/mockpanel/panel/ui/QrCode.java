package io.mockpanel.panel.ui;

import com.vaadin.flow.component.html.Image;
import io.nayuki.qrcodegen.QrCode.Ecc;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A QR code of a link, drawn as SVG on the server (no script, no external service). */
final class QrCode {

    private QrCode() {
    }

    static Image of(String text, String alt) {
        var qr = io.nayuki.qrcodegen.QrCode.encodeText(text, Ecc.MEDIUM);
        int border = 2;
        int size = qr.size + border * 2;
        var path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + border).append(',').append(y + border).append("h1v1h-1z");
                }
            }
        }
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\""
                + path + "\" fill=\"#000\"/></svg>";
        var image = new Image("data:image/svg+xml;base64,"
                + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8)), alt);
        image.addClassName("qr-code");
        return image;
    }
}
