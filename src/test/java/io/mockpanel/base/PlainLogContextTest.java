package io.mockpanel.base;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockpanel.support.IntegrationTest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The plain-text console log (the default, no structured format) names a line's session and actor too. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PlainLogContextTest {

    private static final Logger log = LoggerFactory.getLogger(PlainLogContextTest.class);

    private static String lineWith(CapturedOutput output, String marker) {
        return Arrays.stream(output.getOut().split("\\R")).filter(line -> line.contains(marker)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with " + marker + " in " + output.getOut()));
    }

    @Test
    void a_line_about_a_session_names_it_and_its_actor_and_other_lines_stay_as_they_were(CapturedOutput output) {
        try (var scope = LogContext.of(4242L, "interviewer")) {
            log.info("marker-in-session");
        }
        try (var scope = LogContext.system("retention")) {
            log.info("marker-system-job");
        }
        log.info("marker-outside");

        assertThat(lineWith(output, "marker-in-session")).contains("INFO session=4242 actor=interviewer ");
        assertThat(lineWith(output, "marker-system-job")).contains("INFO actor=system:retention ")
                .doesNotContain("session=");
        assertThat(lineWith(output, "marker-outside")).doesNotContain("session=").doesNotContain("actor=");
    }
}
