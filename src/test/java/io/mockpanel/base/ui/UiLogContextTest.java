package io.mockpanel.base.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.shared.ApplicationConstants;
import io.mockpanel.base.LogContext;
import io.mockpanel.support.KaribuTest;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A page's requests and the work pushed into it are logged with its session and user; a request's
 * end, or the end of the pushed work, leaves the thread as it found it (decision 0043).
 */
class UiLogContextTest extends KaribuTest {

    @Autowired
    UiLogContext interceptor;

    @AfterEach
    void clean() {
        MDC.clear();
    }

    @Test
    void a_pages_request_carries_its_session_and_user_until_the_request_ends() {
        UI ui = UI.getCurrent();
        UiLogContext.aboutSession(ui, 42, "lead");
        MDC.clear();
        VaadinRequest request = requestOf(ui.getUIId());

        interceptor.requestStart(request, null);
        assertThat(MDC.get(LogContext.SESSION)).isEqualTo("42");
        assertThat(MDC.get(LogContext.ACTOR)).isEqualTo("lead");

        interceptor.requestEnd(request, null, VaadinSession.getCurrent());
        assertThat(MDC.get(LogContext.SESSION)).isNull();
        assertThat(MDC.get(LogContext.ACTOR)).isNull();
    }

    @Test
    void a_request_of_another_page_never_inherits_what_the_thread_held_before() {
        UI ui = UI.getCurrent();
        UiLogContext.aboutSession(ui, 42, "lead");
        // Left behind by some earlier work on this pooled thread:
        MDC.put(LogContext.SESSION, "7");
        MDC.put(LogContext.ACTOR, "someone-else");

        interceptor.requestStart(requestOf(ui.getUIId() + 1000), null);

        assertThat(MDC.get(LogContext.SESSION)).isNull();
        assertThat(MDC.get(LogContext.ACTOR)).isNull();
    }

    @Test
    void work_pushed_into_a_page_from_another_thread_runs_in_the_pages_context_and_leaves_none() throws Exception {
        UI ui = UI.getCurrent();
        UiLogContext.aboutSession(ui, 42, "candidate:42");
        MDC.clear();
        MDC.put(LogContext.ACTOR, "system:session-listener");
        AtomicReference<Map<String, String>> seen = new AtomicReference<>();

        CompletableFuture.runAsync(() -> UiLogContext.access(ui, () -> seen.set(MDC.getCopyOfContextMap()))).get();
        MockVaadin.clientRoundtrip(false);

        assertThat(seen.get()).containsEntry(LogContext.SESSION, "42").containsEntry(LogContext.ACTOR, "candidate:42");
        assertThat(MDC.get(LogContext.SESSION)).as("the task's context ends with it").isNull();
        assertThat(MDC.get(LogContext.ACTOR)).isEqualTo("system:session-listener");
    }

    private static VaadinRequest requestOf(int uiId) {
        VaadinRequest request = mock(VaadinRequest.class);
        when(request.getParameter(ApplicationConstants.UI_ID_PARAMETER)).thenReturn(Integer.toString(uiId));
        when(request.getWrappedSession(false)).thenReturn(VaadinSession.getCurrent().getSession());
        return request;
    }
}
