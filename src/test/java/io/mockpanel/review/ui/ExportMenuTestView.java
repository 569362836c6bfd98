package io.mockpanel.review.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.mockpanel.review.AuditLog;
import io.mockpanel.review.ReviewAccess;
import io.mockpanel.review.SessionReviewFixture;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test-only page holding an {@link ExportMenu} wired the way the review page wires it: the access
 * rule first (as the signed-in user), then the review. Records who the rule saw.
 */
@Route("test/export-menu/:id")
@PermitAll
class ExportMenuTestView extends Div implements BeforeEnterObserver {

    /** Usernames the access rule saw on the download requests, in order. */
    static final List<String> READERS = new CopyOnWriteArrayList<>();

    private final ReviewAccess access;

    ExportMenuTestView(ReviewAccess access) {
        this.access = access;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = Long.parseLong(event.getRouteParameters().get("id").orElseThrow());
        add(new ExportMenu(id, sessionId -> {
            READERS.add(access.open(sessionId, AuditLog.Action.EXPORTED_SESSION).username());
            return SessionReviewFixture.review(sessionId);
        }));
    }
}
