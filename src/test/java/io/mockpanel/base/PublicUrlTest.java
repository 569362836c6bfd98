package io.mockpanel.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** mockpanel.public-url: checked at start, links built on it whatever the request said. */
class PublicUrlTest {

    @Test
    void links_are_built_on_the_configured_url() {
        var url = new PublicUrl(new PublicUrlProperties("https://panel.example.org"), new MockEnvironment());

        assertThat(url.base()).isEqualTo("https://panel.example.org/");
        assertThat(url.link("join/abc")).isEqualTo("https://panel.example.org/join/abc");
        assertThat(new PublicUrl(new PublicUrlProperties("https://example.org/mockpanel/"), new MockEnvironment())
                .link("/join/abc")).isEqualTo("https://example.org/mockpanel/join/abc");
    }

    @Test
    void unset_it_is_localhost_on_the_port_the_server_actually_listens_on() {
        var environment = new MockEnvironment().withProperty("server.port", "0").withProperty("local.server.port", "41234");

        assertThat(new PublicUrl(new PublicUrlProperties(null), environment).base()).isEqualTo("http://localhost:41234/");
        assertThat(new PublicUrl(new PublicUrlProperties("  "), environment).base()).isEqualTo("http://localhost:41234/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"panel.example.org", "/join", "ftp://panel.example.org/", "https://panel.example.org/?a=b",
            "https://panel.example.org/#top", "https://user:pw@panel.example.org/", "javascript:alert(1)", "http://"})
    void anything_but_an_absolute_http_url_stops_the_start_with_a_sentence_saying_what_to_set(String value) {
        assertThatThrownBy(() -> new PublicUrl(new PublicUrlProperties(value), new MockEnvironment()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MOCKPANEL_PUBLIC_URL")
                .hasMessageContaining("absolute http or https URL");
    }
}
