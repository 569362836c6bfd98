package io.mockpanel.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayTextTest {

    @Test
    void counts_code_points_so_sixty_emoji_fit_in_a_hundred() {
        String emoji = "\uD83D\uDE00".repeat(60);
        assertThat(emoji.length()).isEqualTo(120);
        assertThat(DisplayText.length(emoji)).isEqualTo(60);
        assertThat(DisplayText.problem(emoji, "name", 100)).isEmpty();
        assertThat(DisplayText.problem("\uD83D\uDE00".repeat(101), "name", 100)).get().asString()
                .contains("101 characters").contains("at most 100");
    }

    @Test
    void refuses_every_bidirectional_control_but_keeps_right_to_left_letters() {
        for (int control : new int[] {0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066,
                0x2067, 0x2068, 0x2069}) {
            String name = "Casey " + Character.toString(control) + "exe.txt";
            assertThat(DisplayText.problem(name, "name", 100)).as("U+%04X", control).get().asString()
                    .contains("text-direction");
        }
        assertThat(DisplayText.problem("\u05D3\u05E0\u05D4 \u05DB\u05D4\u05DF", "name", 100)).isEmpty();
        assertThat(DisplayText.problem("\u0644\u064A\u0644\u0649", "name", 100)).isEmpty();
    }

    @Test
    void refuses_empty_values_and_control_characters() {
        assertThat(DisplayText.problem("", "candidate's name", 100)).get().asString()
                .contains("candidate's name is required");
        assertThat(DisplayText.problem("two\nlines", "name", 100)).get().asString().contains("control character");
        assertThat(DisplayText.problem("nul\0", "name", 100)).get().asString().contains("control character");
        assertThat(DisplayText.strip("  Casey  ")).isEqualTo("Casey");
    }
}
