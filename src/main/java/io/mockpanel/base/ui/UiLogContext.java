package io.mockpanel.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinRequestInterceptor;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import com.vaadin.flow.shared.ApplicationConstants;
import io.mockpanel.base.LogContext;
import io.mockpanel.base.SessionBoundPrincipal;
import java.io.Serializable;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Puts the panel session and the acting user of a page into the {@link LogContext} of everything
 * that page makes the server do (decision 0043): its requests (UIDL, polls, push messages, between
 * Vaadin's request start and end) and the work pushed into it with {@link #access}.
 *
 * <p>Each page's context is decided when it navigates: the route's {@code sessionId} parameter
 * (the console, the review, the report editor), or the one session a candidate may act on; and the
 * signed-in user. It is kept per UI id in the HTTP session, in a concurrent map, because a request
 * starts before Vaadin's session lock is taken and must read it without the lock.
 */
@Component
public final class UiLogContext implements VaadinServiceInitListener, VaadinRequestInterceptor {

    /** The route parameter that names the session a page is about. */
    static final String SESSION_PARAMETER = "sessionId";
    private static final String ATTRIBUTE = UiLogContext.class.getName();

    /** One page's context; serializable because it lives in the HTTP session. */
    record PageContext(@Nullable Long sessionId, @Nullable String actor) implements Serializable {
    }

    UiLogContext() {
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addVaadinRequestInterceptor(this);
        event.getSource().addUIInitListener(init -> {
            UI ui = init.getUI();
            // Captured now: a closing UI may have left its session by the time it detaches.
            VaadinSession session = ui.getSession();
            ui.addBeforeEnterListener(this::navigating);
            ui.addDetachListener(detach -> pages(session, false).ifPresent(map -> map.remove(ui.getUIId())));
        });
    }

    /**
     * A page that learns its session later than its route says (the invite link's page once the
     * link resolves) names it here; from now on its requests carry it.
     */
    public static void aboutSession(UI ui, long sessionId, @Nullable String actor) {
        remember(ui, new PageContext(sessionId, actor));
    }

    /**
     * {@code ui.access} whose command runs with the page's context: work pushed into a page from
     * another thread (a live update, an upload, an export) is logged as that page's.
     */
    public static Future<Void> access(UI ui, Command command) {
        return ui.access(() -> {
            PageContext page = contextOf(ui);
            try (LogContext.Scope scope = LogContext.of(page.sessionId(), page.actor())) {
                command.execute();
            }
        });
    }

    @Override
    public void requestStart(VaadinRequest request, VaadinResponse response) {
        // A pooled thread starts clean, whatever an earlier request on it did.
        LogContext.clear();
        String uiId = request.getParameter(ApplicationConstants.UI_ID_PARAMETER);
        if (uiId == null) {
            return;
        }
        try {
            pages(request.getWrappedSession(false), false).map(pages -> pages.get(Integer.valueOf(uiId)))
                    .ifPresent(UiLogContext::put);
        } catch (NumberFormatException e) {
            // Not a page of this app: no context.
        }
    }

    @Override
    public void handleException(VaadinRequest request, VaadinResponse response, VaadinSession session, Exception e) {
        // The context stays until requestEnd, so that the failure's own log lines carry it.
    }

    @Override
    public void requestEnd(VaadinRequest request, VaadinResponse response, VaadinSession session) {
        LogContext.clear();
    }

    private void navigating(BeforeEnterEvent event) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken);
        Long sessionId = signedIn && user.getPrincipal() instanceof SessionBoundPrincipal bound ? bound.sessionId()
                : event.getRouteParameters().get(SESSION_PARAMETER).flatMap(UiLogContext::parse).orElse(null);
        remember(event.getUI(), new PageContext(sessionId, signedIn ? user.getName() : null));
    }

    /** Kept for the page's next requests, and in force for the rest of this one (requestEnd clears it). */
    private static void remember(UI ui, PageContext page) {
        pages(ui.getSession(), true).ifPresent(map -> map.put(ui.getUIId(), page));
        put(page);
    }

    /** Never throws: the logging context must not stop the work it describes (a redraw, a hint's flag). */
    private static PageContext contextOf(UI ui) {
        try {
            return pages(ui.getSession(), false).map(map -> map.get(ui.getUIId()))
                    .orElse(new PageContext(null, null));
        } catch (RuntimeException e) {
            return new PageContext(null, null);
        }
    }

    private static Optional<Map<Integer, PageContext>> pages(@Nullable VaadinSession vaadin, boolean create) {
        return pages(vaadin == null ? null : vaadin.getSession(), create);
    }

    /** Written with the Vaadin session locked (navigation, detach), read without it (a request's start). */
    @SuppressWarnings("unchecked")
    private static Optional<Map<Integer, PageContext>> pages(@Nullable WrappedSession session,
            boolean create) {
        if (session == null) {
            return Optional.empty();
        }
        try {
            Object pages = session.getAttribute(ATTRIBUTE);
            if (pages == null && create) {
                pages = new ConcurrentHashMap<Integer, PageContext>();
                session.setAttribute(ATTRIBUTE, pages);
            }
            return Optional.ofNullable((Map<Integer, PageContext>) pages);
        } catch (IllegalStateException invalidated) {
            // Signed out or shut down: the UIs detach after the HTTP session ended, and the map went with it.
            return Optional.empty();
        }
    }

    private static void put(PageContext page) {
        LogContext.replace(page.sessionId(), page.actor());
    }

    private static Optional<Long> parse(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
