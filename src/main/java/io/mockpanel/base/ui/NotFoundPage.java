package io.mockpanel.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The app's one "not found" page, shown for addresses that do not exist and for pages the person
 * may not open alike, so it never tells which is which (decision 0013), and never lists routes.
 */
final class NotFoundPage extends Div {

    static final String TITLE = "Page not found";

    NotFoundPage(boolean staff) {
        addClassName("not-found");
        setId("not-found");
        add(new H2(TITLE), new Paragraph("There is no page at this address, or it is not open to you."));
        if (staff) {
            add(new Anchor("", "Go to the start page"));
        }
    }

    /** Signed in with an account (interviewer, coach, admin), as opposed to a candidate or nobody. */
    static boolean staffSignedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof UserDetails;
    }
}
