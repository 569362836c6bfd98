package io.mockpanel.panel.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.mockpanel.panel.MeetingLink;

/**
 * "Open the call (Zoom)": the session's video call as a link that opens in a new tab, without
 * giving the call's page a handle on this one ({@code noopener}) or this page's address
 * ({@code noreferrer}: the candidate's room URL stays private).
 */
final class CallLink extends Anchor {

    CallLink(MeetingLink link) {
        super(link.url(), VaadinIcon.EXTERNAL_LINK.create(),
                new com.vaadin.flow.component.html.Span("Open the call (" + link.label() + ")"));
        setTarget(AnchorTarget.BLANK);
        getElement().setAttribute("rel", "noopener noreferrer");
        addClassName("call-link");
        getElement().setAttribute("title", link.url());
    }
}
