package io.mockpanel.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockpanel.support.IntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The app's own browser scripts (META-INF/resources/js, loaded with context://) are served as they are. */
@IntegrationTest
class StaticScriptsTest {

    @LocalServerPort
    int port;

    @Test
    void the_note_autosave_script_is_served_as_javascript_not_redirected_to_the_sign_in() {
        HttpResponse<String> script = new Browserless(port).get("/js/note-autosave.js");

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).contains("javascript"));
        assertThat(script.body()).contains("window.mockpanelNotes");
        assertThat(script.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
}
