package io.mockpanel.review.ui;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import io.mockpanel.review.RealAccounts;
import java.time.Duration;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.springframework.security.core.Authentication;

/** Helpers of the review view tests: a real account signed in for Vaadin too, live updates, closing a view. */
final class ReviewUiSupport {

    private ReviewUiSupport() {
    }

    /**
     * Signs the account in through the real sign-in, for Spring Security (the review services read
     * the account's role from its principal) and for Vaadin's navigation access control.
     */
    static Authentication login(RealAccounts accounts, String username, String role) {
        Authentication authentication = accounts.signIn(username);
        var request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((principal, asked) -> Set.of(role).contains(asked));
        return authentication;
    }

    /**
     * Sets a field's value as its user would in the browser (a change from the client), which
     * Karibu's {@code _setValue} cannot do on Vaadin 25.
     */
    static <T> void asUser(com.vaadin.flow.component.AbstractField<?, T> field, T value) {
        try {
            var setModelValue = com.vaadin.flow.component.AbstractField.class.getDeclaredMethod("setModelValue",
                    Object.class, boolean.class);
            setModelValue.setAccessible(true);
            setModelValue.invoke(field, value, true);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the UI's pending tasks (live updates) until the condition holds or the time is up. */
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
            sleep(50);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Detaches the open view while its user is still signed in, so no late wake-up runs without one. */
    static void closeView() {
        UI ui = UI.getCurrent();
        if (ui == null) {
            return;
        }
        ui.getInternals().getActiveRouterTargetsChain().forEach(target -> target.getElement().removeFromParent());
        ui.removeAll();
        MockVaadin.clientRoundtrip(false);
    }
}
