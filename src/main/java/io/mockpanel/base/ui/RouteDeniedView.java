package io.mockpanel.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * What a signed-in person sees on a page their role may not open (Vaadin's navigation access
 * control reports it as {@link AccessDeniedException}): the same "not found" page, so it does not
 * tell that the page exists, and no route list in development mode.
 */
@AnonymousAllowed
class RouteDeniedView extends Div implements HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        return RouteNotFoundView.show(this, event);
    }
}
