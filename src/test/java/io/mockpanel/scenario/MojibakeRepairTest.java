package io.mockpanel.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MojibakeRepairTest {

    private static final Charset CP1252 = Charset.forName("windows-1252");

    @Test
    void repairs_the_three_emoji_of_the_seed_file() {
        assertThat(MojibakeRepair.repair("ðŸŽ¯")).isEqualTo("🎯");
        assertThat(MojibakeRepair.repair("ðŸš€")).isEqualTo("🚀");
        assertThat(MojibakeRepair.repair("ðŸ’¼")).isEqualTo("💼");
    }

    @Test
    void repairs_emoji_inside_a_heading_and_keeps_the_ascii_around_them() {
        assertThat(MojibakeRepair.repair("## ðŸŽ¯ Executive Leadership Scenarios"))
                .isEqualTo("## 🎯 Executive Leadership Scenarios");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "café", "Zürich", "naïve", "Crème brûlée à la carte", "🎯 🚀 💼", "שלום עולם", "مرحبا بالعالم",
        "plain ASCII, with punctuation: yes!", "", "£5 – “quoted” — ok…", "© 2024 ® ™ °C ±1", "Ä Ö Ü ß ä ö ü"
    })
    void leaves_correct_text_unchanged(String text) {
        assertThat(MojibakeRepair.repair(text)).isEqualTo(text);
    }

    @Test
    void repairs_mojibake_and_keeps_correct_text_in_the_same_string() {
        String mixed = "café ðŸŽ¯ Zürich ðŸš€ שלום 💼 donâ€™t";

        assertThat(MojibakeRepair.repair(mixed)).isEqualTo("café 🎯 Zürich 🚀 שלום 💼 don’t");
    }

    @Test
    void repairs_any_text_that_was_utf8_decoded_as_windows_1252() {
        String original = "Zürich café — “quotes” 🎯 日本語 ✓";
        String mojibake = misread(original);

        assertThat(mojibake).isNotEqualTo(original);
        assertThat(MojibakeRepair.repair(mojibake)).isEqualTo(original);
    }

    @Test
    void repairs_bytes_windows_1252_leaves_undefined_which_decoders_pass_through_as_controls() {
        // U+00C1 is UTF-8 C3 81; 0x81 has no Windows-1252 character and comes out as U+0081.
        assertThat(MojibakeRepair.repair("\u00C3\u0081rbol")).isEqualTo("Árbol");
    }

    @Test
    void repairs_text_that_was_encoded_wrongly_twice() {
        String twice = misread(misread("🎯 café"));

        assertThat(MojibakeRepair.repair(twice)).isEqualTo("🎯 café");
    }

    @Test
    void keeps_a_lead_character_without_its_continuation_characters() {
        assertThat(MojibakeRepair.repair("ð at the end ð")).isEqualTo("ð at the end ð");
        assertThat(MojibakeRepair.repair("Ã")).isEqualTo("Ã");
    }

    /**
     * Encodes as UTF-8 and decodes as Windows-1252 the way browsers do: the 5 undefined bytes become
     * C1 controls (Java's decoder would turn them into U+FFFD and lose them).
     */
    private static String misread(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            String decoded = new String(new byte[] {b}, CP1252);
            out.append(decoded.equals("\uFFFD") ? (char) (b & 0xFF) : decoded);
        }
        return out.toString();
    }
}
