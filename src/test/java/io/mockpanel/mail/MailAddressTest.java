package io.mockpanel.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MailAddressTest {

    @Test
    void a_plain_address_is_kept_with_its_domain_in_lower_case() {
        MailAddress address = MailAddress.of("  Ada.Lovelace+panel@Example.ORG ", "Ada Lovelace");

        assertThat(address.address()).isEqualTo("Ada.Lovelace+panel@example.org");
        assertThat(address.name()).isEqualTo("Ada Lovelace");
    }

    @Test
    void a_missing_or_malformed_address_is_refused_with_a_clear_message() {
        assertThatThrownBy(() -> MailAddress.of(null, "x")).isInstanceOf(InvalidMailAddressException.class)
                .hasMessage("Enter an e-mail address.");
        assertThatThrownBy(() -> MailAddress.of("ada", "")).hasMessageContaining("name@example.org");
        assertThatThrownBy(() -> MailAddress.of("ada@", "")).hasMessageContaining("name@example.org");
        assertThatThrownBy(() -> MailAddress.of("@example.org", "")).hasMessageContaining("name@example.org");
        assertThatThrownBy(() -> MailAddress.of("ada@localhost", "")).hasMessageContaining("domain name");
        assertThatThrownBy(() -> MailAddress.of("ada@[127.0.0.1]", "")).hasMessageContaining("domain name");
        assertThatThrownBy(() -> MailAddress.of("ada@exa_mple.org", "")).hasMessageContaining("domain name");
        assertThatThrownBy(() -> MailAddress.of("a da@example.org", "")).hasMessageContaining("no spaces");
        assertThatThrownBy(() -> MailAddress.of("ada..x@example.org", ""))
                .isInstanceOf(InvalidMailAddressException.class);
        assertThatThrownBy(() -> MailAddress.of("Ada <ada@example.org>", ""))
                .isInstanceOf(InvalidMailAddressException.class);
        assertThatThrownBy(() -> MailAddress.of("a@b@example.org", "")).isInstanceOf(InvalidMailAddressException.class);
    }

    @Test
    void line_breaks_and_control_characters_never_pass_an_address() {
        assertThatThrownBy(() -> MailAddress.of("ada@example.org\r\nBcc: eve@evil.example", ""))
                .isInstanceOf(InvalidMailAddressException.class);
        assertThatThrownBy(() -> MailAddress.of("ada\u0000@example.org", ""))
                .isInstanceOf(InvalidMailAddressException.class);
        assertThatThrownBy(() -> new MailAddress("ada@example.org\nX: y", "Ada"))
                .isInstanceOf(InvalidMailAddressException.class);
    }

    @Test
    void lengths_are_limited_as_smtp_limits_them() {
        String local = "a".repeat(64);
        assertThat(MailAddress.of(local + "@example.org", "").address()).startsWith(local);
        assertThatThrownBy(() -> MailAddress.of("a" + local + "@example.org", ""))
                .hasMessageContaining("at most 64");
        String longDomain = ("d".repeat(60) + ".").repeat(5) + "org";
        assertThatThrownBy(() -> MailAddress.of("ada@" + longDomain, "")).hasMessageContaining("at most 254");
    }

    @Test
    void a_name_becomes_one_clean_line_so_it_cannot_add_a_header() {
        MailAddress address = MailAddress.of("eve@example.org", "Eve\r\nBcc: x@y.org\u0007\t end");

        assertThat(address.name()).isEqualTo("Eve Bcc: x@y.org end").doesNotContain("\r", "\n");
        assertThat(MailAddress.of("eve@example.org", "x".repeat(500)).name()).hasSize(MailAddress.MAX_NAME);
        assertThat(MailAddress.of("eve@example.org", null).name()).isEmpty();
    }

    @Test
    void a_subject_is_one_clean_line_too() {
        OutgoingMail mail = new OutgoingMail(null, MailKind.REMINDER, MailAddress.of("eve@example.org", ""),
                "Hello\r\nBcc: x@y.org", "t", "h", null, "k", null, null);

        assertThat(mail.subject()).isEqualTo("Hello Bcc: x@y.org");
    }
}
