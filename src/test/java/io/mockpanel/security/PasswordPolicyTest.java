package io.mockpanel.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void eleven_characters_are_too_short() {
        assertThat(PasswordPolicy.problemWith("a".repeat(11)))
                .hasValue("The password has 11 characters; it needs at least 12.");
    }

    @Test
    void twelve_characters_are_enough() {
        assertThat(PasswordPolicy.problemWith("a".repeat(12))).isEmpty();
    }

    @Test
    void sixty_four_characters_are_allowed() {
        assertThat(PasswordPolicy.problemWith("a".repeat(64))).isEmpty();
    }

    @Test
    void sixty_five_characters_are_too_long() {
        assertThat(PasswordPolicy.problemWith("a".repeat(65)))
                .hasValue("The password has 65 characters; at most 64 are allowed.");
    }

    @Test
    void empty_password_is_too_short() {
        assertThat(PasswordPolicy.problemWith("")).get(STRING).contains("has 0 characters");
    }

    @Test
    void accented_password_over_72_bytes_is_refused_with_a_message_about_bytes() {
        // 40 characters, well within the length rule, but 80 bytes in UTF-8: bcrypt would cut it.
        String password = "é".repeat(40);
        assertThat(PasswordPolicy.problemWith(password)).get(STRING)
                .contains("80 bytes").contains("at most 72");
    }

    @Test
    void thirty_characters_of_three_byte_symbols_are_refused() {
        assertThat(PasswordPolicy.problemWith("€".repeat(30))).get(STRING).contains("90 bytes");
    }

    @Test
    void exactly_72_bytes_are_allowed() {
        assertThat(PasswordPolicy.problemWith("é".repeat(36))).isEmpty();
    }

    @Test
    void length_counts_characters_not_utf16_units() {
        // An emoji is one character but two UTF-16 units: 11 of them are 22 units, still too short.
        assertThat(PasswordPolicy.problemWith("😀".repeat(11))).get(STRING).contains("has 11 characters");
        // 12 emoji: 12 characters, 48 bytes.
        assertThat(PasswordPolicy.problemWith("😀".repeat(12))).isEmpty();
        // 40 emoji: 40 characters (80 UTF-16 units would fail the length rule), 160 bytes: refused for bytes.
        assertThat(PasswordPolicy.problemWith("😀".repeat(40))).get(STRING).contains("160 bytes");
    }

    @Test
    void blank_password_is_refused_even_when_long_enough() {
        assertThat(PasswordPolicy.problemWith(" ".repeat(20))).hasValue("The password cannot be only spaces.");
        assertThat(PasswordPolicy.problemWith("\t".repeat(12))).isPresent();
    }

    @Test
    void spaces_inside_a_password_are_fine() {
        assertThat(PasswordPolicy.problemWith("correct horse battery staple")).isEmpty();
    }

    @Test
    void requirements_name_the_limits() {
        assertThat(PasswordPolicy.requirements()).isEqualTo("12 to 64 characters (at most 72 bytes)");
    }
}
