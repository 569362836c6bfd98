package io.mockpanel.support;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import io.mockpanel.panel.CandidatePrincipal;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/** What the Karibu view tests of every feature share: a signed-in candidate, the fake request, every text. */
public final class KaribuUi {

    private KaribuUi() {
    }

    /** Signs a joined candidate in, as the join page stores it, for Spring Security and Vaadin's access checks. */
    public static Authentication signInCandidate(CandidatePrincipal candidate) {
        TestPanel.signInCandidate(candidate);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        // As the real join stores it: in the HTTP session, where Vaadin's security context strategy
        // finds it for a live update that runs on another thread.
        var stored = SecurityContextHolder.createEmptyContext();
        stored.setAuthentication(authentication);
        VaadinSession.getCurrent().getSession().setAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, stored);
        FakeRequest request = fakeRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((principal, role) -> "CANDIDATE".equals(role));
        return authentication;
    }

    /** Karibu's request behind the current one, through any wrappers. */
    public static FakeRequest fakeRequest() {
        ServletRequest request = ((VaadinServletRequest) VaadinRequest.getCurrent()).getRequest();
        while (!(request instanceof FakeRequest) && request instanceof ServletRequestWrapper wrapper) {
            request = wrapper.getRequest();
        }
        return (FakeRequest) request;
    }

    /**
     * Every text of the UI, visible or not: text nodes, attribute values and property values of every
     * element, walking both the component tree (views sit outside the UI's element children) and the
     * element tree.
     */
    public static List<String> allTexts() {
        List<String> texts = new ArrayList<>();
        collect(UI.getCurrent(), texts);
        return texts;
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
