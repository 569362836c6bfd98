package io.mockpanel.review.ui;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.server.VaadinServletRequest;
import io.mockpanel.panel.CandidatePrincipal;
import io.mockpanel.support.TestPanel;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

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
        TestPanel.signInCandidate(candidate);
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        var stored = SecurityContextHolder.createEmptyContext();
        stored.setAuthentication(authentication);
        com.vaadin.flow.server.VaadinSession.getCurrent().getSession().setAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, stored);
        var request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((principal, role) -> "CANDIDATE".equals(role));
    }

    /** Every text of the UI, visible or not: text nodes, attributes and properties of every element. */
    static String allTexts() {
        List<String> texts = new ArrayList<>();
        collect(UI.getCurrent(), texts);
        return String.join("\n", texts);
    }

    private static void collect(Component component, List<String> texts) {
        collect(component.getElement(), texts);
        component.getChildren().forEach(child -> collect(child, texts));
    }

    private static void collect(Element element, List<String> texts) {
        if (element.isTextNode()) {
            texts.add(element.getText());
            return;
        }
        element.getAttributeNames().forEach(name -> texts.add(String.valueOf(element.getAttribute(name))));
        element.getPropertyNames().forEach(name -> texts.add(String.valueOf(element.getPropertyRaw(name))));
        element.getChildren().forEach(child -> collect(child, texts));
    }
}
