package io.mockpanel.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * Replaces Vaadin's "route not found" page, which in development mode lists every route: staff
 * get the app's page inside the shell, candidates and anonymous visitors a plain one.
 */
@AnonymousAllowed
class RouteNotFoundView extends Div implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return show(this, event);
    }

    static int show(Div view, BeforeEnterEvent event) {
        view.removeAll();
        if (NotFoundPage.staffSignedIn()) {
            event.rerouteTo(StaffNotFoundView.class);
        } else {
            view.add(new NotFoundPage(false));
        }
        return HttpStatusCode.NOT_FOUND.getCode();
    }
}
