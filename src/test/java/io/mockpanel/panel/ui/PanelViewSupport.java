package io.mockpanel.panel.ui;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.fakeservlet.FakeResponse;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.internal.CurrentInstance;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import io.mockpanel.panel.CandidatePrincipal;
import io.mockpanel.support.KaribuUi;
import io.mockpanel.support.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.servletapi.SecurityContextHolderAwareRequestWrapper;

/** Helpers of the panel view tests: a signed-in candidate, another user's action, live updates, all texts. */
final class PanelViewSupport {

    private PanelViewSupport() {
    }

    /** Signs a joined candidate in, for Spring Security and for Vaadin's view access checks. */
    static Authentication signInCandidate(CandidatePrincipal candidate) {
        return KaribuUi.signInCandidate(candidate);
    }

    /** Runs an action as another user and puts the current user back afterwards: {@link TestUsers#as}. */
    static void as(String username, String role, Runnable action) {
        TestUsers.as(username, role, action);
    }

    /**
     * Waits for a change that reaches the UI from another thread (a PostgreSQL NOTIFY, then
     * {@code UI.access}): runs the pending UI tasks until the condition holds or the time is up.
     */
    static boolean awaitUi(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            MockVaadin.clientRoundtrip(false);
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /**
     * Makes the current request answer "who is signed in" from the security context, as Spring
     * Security's request wrapper does in the real servlet: a sign-in during the request is then
     * seen by Vaadin's navigation access control at once.
     */
    static void useSpringSecurityRequestWrapper() {
        var current = (VaadinServletRequest) VaadinRequest.getCurrent();
        var wrapper = new SecurityContextHolderAwareRequestWrapper(current.getHttpServletRequest(), "ROLE_");
        wrappedRequest = new VaadinServletRequest(wrapper, current.getService());
        CurrentInstance.set(VaadinRequest.class, wrappedRequest);
    }

    /** CurrentInstance keeps only a weak reference; this keeps the wrapped request alive for the test. */
    private static volatile VaadinServletRequest wrappedRequest;

    static FakeRequest fakeRequest() {
        return KaribuUi.fakeRequest();
    }

    static FakeResponse fakeResponse() {
        jakarta.servlet.ServletResponse response = ((VaadinServletResponse) VaadinResponse.getCurrent()).getResponse();
        while (!(response instanceof FakeResponse) && response instanceof jakarta.servlet.ServletResponseWrapper wrapper) {
            response = wrapper.getResponse();
        }
        return (FakeResponse) response;
    }

    /** Every text of the UI, visible or not: {@link KaribuUi#allTexts}. */
    static List<String> allTexts() {
        return KaribuUi.allTexts();
    }

    /**
     * Detaches the open view while its user is still signed in, and runs what live updates queued for
     * it: the base class signs out before it closes the UI, and a console or room that is still
     * subscribed would then serve a late NOTIFY without a user.
     */
    static void closeView() {
        UI ui = UI.getCurrent();
        if (ui == null) {
            return;
        }
        ui.getInternals().getActiveRouterTargetsChain().forEach(target -> target.getElement().removeFromParent());
        MockVaadin.clientRoundtrip(false);
        wrappedRequest = null;
    }
}
