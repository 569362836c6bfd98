package io.mockpanel.panel.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.mockpanel.base.ui.Badge;
import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.panel.SessionDetails;
import io.mockpanel.panel.SessionEventBus;
import io.mockpanel.panel.SessionException;
import io.mockpanel.panel.SessionMember;
import io.mockpanel.panel.SessionState;
import io.mockpanel.scenario.ScenarioContent;
import io.mockpanel.security.AppRoles;
import io.mockpanel.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * One session for its members: who is on it, the agenda, and the lead's start/end/cancel. It
 * follows the session live: a change by anyone, on any app node, redraws it.
 */
@Route("sessions/:sessionId")
@RolesAllowed({AppRoles.INTERVIEWER, AppRoles.COACH})
class SessionView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ID_PARAMETER = "sessionId";

    private final PanelSessionService sessions;
    private final SessionEventBus bus;
    private long sessionId = -1;
    private String title = "Session";
    private @Nullable Registration liveUpdates;

    SessionView(PanelSessionService sessions, SessionEventBus bus) {
        this.sessions = sessions;
        this.bus = bus;
        addClassName("scenario-detail");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        sessionId = event.getRouteParameters().get(ID_PARAMETER).flatMap(SessionView::parseId).orElse(-1L);
        render();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        // Captured here, on the request thread; hints arrive on the listener thread. Inside
        // UI.access, Vaadin's security context strategy gives the services this session's user.
        UI ui = attachEvent.getUI();
        liveUpdates = bus.subscribe(sessionId, seq -> ui.access(this::render));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (liveUpdates != null) {
            liveUpdates.remove();
            liveUpdates = null;
        }
    }

    private void render() {
        removeAll();
        Optional<SessionDetails> found = load();
        if (found.isEmpty()) {
            title = "Session not found";
            add(new H2("Session not found"), new Paragraph("This session does not exist, or you are not on its panel."));
            return;
        }
        SessionDetails session = found.get();
        title = session.title();
        String me = CurrentUser.username().orElse("");
        boolean lead = session.leadUsername().equals(me);

        var heading = new H2(session.title());
        heading.addClassName("detail-title");
        var state = Badge.of(session.state().label(), MySessionsView.stateVariant(session.state()));
        state.setId("session-state");
        var meta = new Div(state, Badge.of("Candidate: " + session.candidateName(), "contrast"));
        meta.addClassName("badges");
        add(heading, meta);

        if (lead) {
            add(leadActions(session));
        }

        var people = new UnorderedList();
        for (SessionMember member : session.members()) {
            people.add(new ListItem(member.displayName() + " — " + member.role().label()));
        }
        var agenda = new OrderedList();
        int total = 0;
        for (ScenarioContent scenario : session.agenda()) {
            total += scenario.durationMinutes();
            agenda.add(new ListItem(scenario.title() + " · " + scenario.level() + " · "
                    + scenario.durationMinutes() + " min"));
        }
        var columns = new Div(section("Panel", people), section("Agenda (" + total + " min)", agenda));
        columns.addClassName("detail-areas");
        add(columns);
    }

    private FlexLayout leadActions(SessionDetails session) {
        var actions = new FlexLayout();
        actions.addClassName("import-buttons");
        if (session.state() == SessionState.SCHEDULED) {
            var start = new Button("Start session", e -> act(() -> sessions.start(sessionId)));
            start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            start.setId("start-session");
            actions.add(start);
        }
        if (session.state() == SessionState.LIVE) {
            var end = new Button("End session", e -> act(() -> sessions.end(sessionId)));
            end.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            end.setId("end-session");
            actions.add(end);
        }
        if (session.state() == SessionState.SCHEDULED || session.state() == SessionState.LIVE) {
            var cancel = new Button("Cancel session", e -> act(() -> sessions.cancel(sessionId)));
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            cancel.setId("cancel-session");
            actions.add(cancel);
        }
        return actions;
    }

    private void act(Runnable action) {
        try {
            action.run();
            render();
        } catch (SessionException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            render();
        }
    }

    private Optional<SessionDetails> load() {
        if (sessionId < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(sessions.find(sessionId));
        } catch (AccessDeniedException | java.util.NoSuchElementException e) {
            return Optional.empty();
        }
    }

    private static Div section(String heading, com.vaadin.flow.component.Component body) {
        var section = new Div(new H3(heading), body);
        section.addClassName("area-card");
        return section;
    }

    private static Optional<Long> parseId(String raw) {
        try {
            return Optional.of(Long.parseLong(raw));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
