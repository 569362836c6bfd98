package io.mockpanel.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogRedactionTest {

    private static final String TOKEN = "Ab3_-x9ZqLmN0pQrStUvWxYz0123456789abcdefGHI";

    @Test
    void addresses_and_link_tokens_are_taken_out_and_the_rest_is_kept() {
        assertThat(TOKEN).hasSize(43);
        assertThat(LogRedaction.redact("550 5.1.1 <casey.q@example.org>: Recipient address rejected"))
                .isEqualTo("550 5.1.1 <" + LogRedaction.ADDRESS + ">: Recipient address rejected");
        assertThat(LogRedaction.redact("Couldn't find route for 'join/" + TOKEN + "/x'"))
                .isEqualTo("Couldn't find route for 'join/" + LogRedaction.TOKEN + "/x'");
        assertThat(LogRedaction.redact("Session 42: event 7 INVITE_ISSUED")).isEqualTo("Session 42: event 7 INVITE_ISSUED");
    }

    @Test
    void a_clean_failure_is_logged_as_it_is_and_a_dirty_one_as_a_redacted_copy() {
        IllegalStateException clean = new IllegalStateException("no session 42", new RuntimeException("timeout"));
        assertThat(LogRedaction.redact(clean)).isSameAs(clean);

        RuntimeException cause = new RuntimeException("refused casey@example.org");
        IllegalStateException dirty = new IllegalStateException("mail failed", cause);
        Throwable logged = LogRedaction.redact(dirty);
        assertThat(logged).hasMessage("java.lang.IllegalStateException: mail failed");
        assertThat(logged.getCause()).hasMessage("java.lang.RuntimeException: refused " + LogRedaction.ADDRESS);
        assertThat(logged.getStackTrace()).isEqualTo(dirty.getStackTrace());
    }
}
