package io.mockpanel.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class LogContextTest {

    @AfterEach
    void clean() {
        MDC.clear();
    }

    @Test
    void a_scope_sets_both_keys_and_its_end_puts_back_what_was_there() {
        try (LogContext.Scope outer = LogContext.of(7L, "lead")) {
            try (LogContext.Scope inner = LogContext.of(9L, "candidate:9")) {
                assertThat(MDC.get(LogContext.SESSION)).isEqualTo("9");
                assertThat(MDC.get(LogContext.ACTOR)).isEqualTo("candidate:9");
            }
            assertThat(MDC.get(LogContext.SESSION)).isEqualTo("7");
            assertThat(MDC.get(LogContext.ACTOR)).isEqualTo("lead");
            try (LogContext.Scope session = LogContext.session(8)) {
                assertThat(MDC.get(LogContext.SESSION)).isEqualTo("8");
                assertThat(MDC.get(LogContext.ACTOR)).as("the actor stays").isEqualTo("lead");
            }
        }
        assertThat(MDC.get(LogContext.SESSION)).isNull();
        assertThat(MDC.get(LogContext.ACTOR)).isNull();
    }

    @Test
    void a_job_starts_without_a_session_and_names_itself() {
        try (LogContext.Scope page = LogContext.of(7L, "lead"); LogContext.Scope job = LogContext.system("retention")) {
            assertThat(MDC.get(LogContext.SESSION)).isNull();
            assertThat(MDC.get(LogContext.ACTOR)).isEqualTo("system:retention");
        }
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    @Test
    void nothing_outlives_a_unit_of_work_on_a_pooled_thread_even_when_it_fails() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> failing = pool.submit(() -> LogContext.call(42L, "lead", () -> {
                throw new IllegalStateException("boom");
            }));
            assertThatThrownBy(failing::get).hasCauseInstanceOf(IllegalStateException.class);
            Map<String, String> next = pool.submit(() -> {
                Map<String, String> seen = MDC.getCopyOfContextMap();
                return seen == null ? Map.<String, String>of() : seen;
            }).get();
            assertThat(next).doesNotContainKeys(LogContext.SESSION, LogContext.ACTOR);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_candidate_is_named_by_the_session_never_by_name() {
        assertThat(LogContext.candidateActor(42)).isEqualTo("candidate:42");
    }
}
