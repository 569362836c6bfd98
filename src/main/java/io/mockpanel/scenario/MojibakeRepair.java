package io.mockpanel.scenario;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** Turns UTF-8 text that was once misread as Windows-1252 ("ðŸŽ¯") back into what was meant (🎯). */
public final class MojibakeRepair {

    /**
     * Two passes repair text that went through the wrong decoding twice (triple encoding). The
     * bound exists because every pass can only alter text that looks like mojibake; stopping early
     * keeps correct text that happens to resemble it after a repair from being rewritten again.
     */
    private static final int MAX_PASSES = 2;

    /** The 32 characters Windows-1252 puts at bytes 0x80–0x9F; its 5 holes decode as C1 controls. */
    private static final String CP1252_HIGH =
            "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

    private MojibakeRepair() {}

    public static String repair(String text) {
        String current = text;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            String repaired = repairOnce(current);
            if (repaired.equals(current)) {
                break;
            }
            current = repaired;
        }
        return current;
    }

    private static String repairOnce(String text) {
        StringBuilder out = null;
        int copiedUpTo = 0;
        int i = 0;
        while (i < text.length()) {
            int lead = byteOf(text.charAt(i));
            int length = sequenceLength(lead);
            String decoded = length > 0 && i + length <= text.length() ? decode(text, i, length) : null;
            if (decoded == null) {
                i++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copiedUpTo, i).append(decoded);
            i += length;
            copiedUpTo = i;
        }
        return out == null ? text : out.append(text, copiedUpTo, text.length()).toString();
    }

    /** Decodes the characters as strict UTF-8, or returns null if they are not one valid code point. */
    private static @Nullable String decode(String text, int start, int length) {
        byte[] bytes = new byte[length];
        for (int k = 0; k < length; k++) {
            int b = byteOf(text.charAt(start + k));
            if (b < 0 || (k > 0 && (b < 0x80 || b > 0xBF))) {
                return null;
            }
            bytes[k] = (byte) b;
        }
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return strict.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return null;
        }
    }

    private static int sequenceLength(int lead) {
        if (lead >= 0xC2 && lead <= 0xDF) {
            return 2;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            return 3;
        }
        if (lead >= 0xF0 && lead <= 0xF4) {
            return 4;
        }
        return 0;
    }

    /**
     * The byte 0x80–0xFF a Windows-1252 (or Latin-1) decoder would have turned into this character,
     * or -1. C1 controls are accepted too because Latin-1 decoders produce them for 0x80–0x9F.
     */
    private static int byteOf(char c) {
        if (c >= 0x80 && c <= 0xFF) {
            return c;
        }
        int index = CP1252_HIGH.indexOf(c);
        return index < 0 ? -1 : 0x80 + index;
    }
}
