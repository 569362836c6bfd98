package io.mockpanel.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.WrappedSession;
import io.mockpanel.base.ui.UiLogContext;
import jakarta.annotation.PreDestroy;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The open screens of signed-in staff on this node, so that a disabled account or a reset
 * password ends them without waiting for the person's next click (decision 0012): every two seconds,
 * each screen whose session no longer belongs to its account is sent to the sign-in page by push.
 * Each round (every two seconds) reads all the accounts of this node's screens in one query.
 * That page request then meets {@link SessionEpochFilter}, which ends the HTTP session. Screens
 * that miss the push (offline) are ended by the filter on their next request anyway.
 */
@Component
class OpenScreens implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(OpenScreens.class);

    private final SessionEpochs epochs;
    private final Set<UI> screens = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("open-screens").daemon().factory());

    OpenScreens(SessionEpochs epochs) {
        this.epochs = epochs;
        sweeper.scheduleWithFixedDelay(this::sweep, 1, 2, TimeUnit.SECONDS);
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            UI ui = init.getUI();
            screens.add(ui);
            ui.addDetachListener(detach -> screens.remove(ui));
        });
    }

    @PreDestroy
    void stop() {
        sweeper.shutdownNow();
    }

    /** Sends every screen whose session ended to the sign-in page; one query for all accounts. */
    void sweep() {
        Set<String> usernames = new java.util.HashSet<>();
        for (UI ui : screens) {
            try {
                AccountPrincipal principal = principalOf(ui);
                if (principal != null) {
                    usernames.add(principal.getUsername());
                }
            } catch (RuntimeException e) {
                screens.remove(ui);
            }
        }
        try {
            epochs.refresh(usernames);
        } catch (RuntimeException e) {
            // The database is away: the filter still ends such sessions at their next request.
            log.debug("Open screen check skipped: {}", e.getMessage());
            return;
        }
        for (UI ui : screens) {
            try {
                AccountPrincipal principal = principalOf(ui);
                if (principal != null && !epochs.isCurrent(principal.getUsername(), principal.sessionEpoch())) {
                    // Kept in the set until it detaches: a page still loading may not have its
                    // push connection yet, and the change would wait for its next request. The
                    // next sweep sends it again; leaving for the sign-in page detaches the UI.
                    UiLogContext.access(ui, () -> ui.getPage().setLocation("login"));
                }
            } catch (RuntimeException e) {
                // a session invalidated meanwhile, a UI closing: nothing left to end
                screens.remove(ui);
                log.debug("Open screen check skipped", e);
            }
        }
    }

    /** The signed-in account of the screen's HTTP session, as the security filters will read it. */
    private static @Nullable AccountPrincipal principalOf(UI ui) {
        var session = ui.getSession();
        WrappedSession http = session == null ? null : session.getSession();
        if (http == null) {
            return null;
        }
        Object context = http.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        if (context instanceof SecurityContext security && security.getAuthentication() != null
                && security.getAuthentication().getPrincipal() instanceof AccountPrincipal principal) {
            return principal;
        }
        return null;
    }
}
