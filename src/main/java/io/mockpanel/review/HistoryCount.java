package io.mockpanel.review;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How many sessions a history filter finds, counted up to a cap (decision 0026): past the cap the
 * figure says "10 000+" rather than count every match of a broad search.
 */
public record HistoryCount(int value, boolean capped) {

    public static final int CAP = 10_000;

    /** "1 session", "1 204 sessions", "10 000+ sessions". */
    public String label() {
        var symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setGroupingSeparator('\u202F');
        String number = new DecimalFormat("#,##0", symbols).format(value) + (capped ? "+" : "");
        return number + (value == 1 && !capped ? " session" : " sessions");
    }
}
