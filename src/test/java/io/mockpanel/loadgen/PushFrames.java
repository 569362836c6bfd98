package io.mockpanel.loadgen;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the push websocket's text into Vaadin's messages. Atmosphere (with
 * {@code X-Atmosphere-TrackMessageSize=true}, as Vaadin's client asks) sends each message as
 * {@code length|message}, where the length counts UTF-16 characters; one websocket message may
 * carry several, and one may continue in the next. The first message is Atmosphere's handshake
 * ({@code trackingId|heartbeat|X|}), which is not Vaadin JSON and is dropped.
 */
final class PushFrames {

    private final StringBuilder pending = new StringBuilder();

    /** Adds the text of one websocket message; returns the complete Vaadin JSON messages in it. */
    List<String> accept(CharSequence text) {
        pending.append(text);
        List<String> messages = new ArrayList<>();
        while (true) {
            int bar = pending.indexOf("|");
            if (bar <= 0) {
                break;
            }
            int length;
            try {
                length = Integer.parseInt(pending, 0, bar, 10);
            } catch (NumberFormatException e) {
                throw new IllegalStateException("not a length-prefixed push message: "
                        + pending.substring(0, Math.min(80, pending.length())));
            }
            if (pending.length() < bar + 1 + length) {
                break; // the rest comes in the next websocket message
            }
            String message = pending.substring(bar + 1, bar + 1 + length);
            pending.delete(0, bar + 1 + length);
            if (message.startsWith("{")) {
                messages.add(message);
            }
        }
        return messages;
    }
}
