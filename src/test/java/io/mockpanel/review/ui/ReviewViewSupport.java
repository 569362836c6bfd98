package io.mockpanel.review.ui;

import com.vaadin.flow.component.AbstractField;
import io.mockpanel.panel.CandidatePrincipal;
import io.mockpanel.support.KaribuUi;
import java.lang.reflect.Method;

/** Helpers of the review view tests: typing as a user, a signed-in candidate, every text on screen. */
final class ReviewViewSupport {

    private ReviewViewSupport() {
    }

    /**
     * Sets a field's value as if its user had changed it in the browser (Karibu 2.6.2's _setValue
     * calls a method Vaadin 25.2 no longer has).
     */
    static <T> void asUser(AbstractField<?, T> field, T value) {
        try {
            Method setModelValue = AbstractField.class.getDeclaredMethod("setModelValue", Object.class, boolean.class);
            setModelValue.setAccessible(true);
            setModelValue.invoke(field, value, true);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs a joined candidate in, as the join page stores it, for Spring Security and Vaadin. */
    static void signInCandidate(CandidatePrincipal candidate) {
        KaribuUi.signInCandidate(candidate);
    }

    /** Every text of the UI, visible or not, one per line: {@link KaribuUi#allTexts}. */
    static String allTexts() {
        return String.join("\n", KaribuUi.allTexts());
    }
}
