package io.mockpanel.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/**
 * The "not found" page inside the app shell, for signed-in staff: the error views reroute here
 * (the address stays), so the menu is still there to go on from.
 */
@Route("not-found")
@PageTitle(NotFoundPage.TITLE)
@PermitAll
class StaffNotFoundView extends Div implements BeforeEnterObserver {

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        if (!NotFoundPage.staffSignedIn()) {
            // candidates never see the staff shell
            event.rerouteToError(NotFoundException.class);
            return;
        }
        add(new NotFoundPage(true));
    }
}
