package io.mockpanel.panel.ui;

import com.vaadin.flow.component.html.Div;

/**
 * Says that the page is reconnecting while this node cannot hear live updates, so nobody mistakes
 * a quiet page for a quiet session. Always in the page (a live region is announced only when it
 * existed before its text changed) and empty, so invisible, while all is well.
 */
final class ReconnectingBanner extends Div {

    static final String MESSAGE = "Reconnecting to the live session… updates will resume by themselves";

    ReconnectingBanner() {
        setId("reconnecting-banner");
        addClassName("reconnecting-banner");
        getElement().setAttribute("role", "status");
        getElement().setAttribute("aria-live", "polite");
    }

    void show(boolean reconnecting) {
        setText(reconnecting ? MESSAGE : "");
        getElement().getClassList().set("shown", reconnecting);
    }

    boolean isShown() {
        return hasClassName("shown");
    }
}
