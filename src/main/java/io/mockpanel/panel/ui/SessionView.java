package io.mockpanel.panel.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.shared.Registration;
import io.mockpanel.base.ui.Badge;
import io.mockpanel.panel.CandidateScreen;
import io.mockpanel.panel.ConsoleSection;
import io.mockpanel.panel.InviteService;
import io.mockpanel.panel.LiveControlService;
import io.mockpanel.panel.LiveSession;
import io.mockpanel.panel.NoteService;
import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.panel.PresenceService;
import io.mockpanel.panel.PromptKind;
import io.mockpanel.panel.PromptRef;
import io.mockpanel.panel.SessionDetails;
import io.mockpanel.panel.SessionEvent;
import io.mockpanel.panel.SessionEventBus;
import io.mockpanel.panel.SessionException;
import io.mockpanel.panel.SessionMember;
import io.mockpanel.panel.SessionRole;
import io.mockpanel.panel.SessionState;
import io.mockpanel.panel.SessionTimeline;
import io.mockpanel.panel.TimerState;
import io.mockpanel.scenario.ScenarioContent;
import io.mockpanel.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * The session console for the lead, panelists and observers: lifecycle, invite link, presence,
 * the agenda tree with push and coverage, the candidate mirror, the shared timer with a pacing
 * cue, and clarification requests. It follows the session's event log live.
 */
@Route("sessions/:sessionId")
@RolesAllowed({AppRoles.INTERVIEWER, AppRoles.COACH})
class SessionView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    static final String ID_PARAMETER = "sessionId";
    private static final int HEARTBEAT_MILLIS = 15_000;

    private final PanelSessionService sessions;
    private final SessionTimeline timeline;
    private final LiveControlService control;
    private final InviteService invites;
    private final PresenceService presence;
    private final SessionEventBus bus;
    private final NoteService notes;
    private final List<ConsoleSection> sections;
    private final java.time.Clock clock;

    private long sessionId = -1;
    private String title = "Session";
    private @Nullable SessionDetails session;
    private @Nullable LiveSession live;
    private @Nullable AgendaTree tree;
    private @Nullable InviteCard inviteCard;
    private SessionRole myRole = SessionRole.OBSERVER;

    final Div header = new Div();
    final Div mirror = new Div();
    final Div timerBox = new Div();
    final Div clarifications = new Div();
    final Button pushNext = new Button("Push next", VaadinIcon.FORWARD.create());
    final Countdown countdown = new Countdown();
    private @Nullable Registration liveUpdates;
    private @Nullable Registration heartbeat;

    SessionView(PanelSessionService sessions, SessionTimeline timeline, LiveControlService control,
            InviteService invites, PresenceService presence, SessionEventBus bus, NoteService notes, List<ConsoleSection> sections, java.time.Clock clock) {
        this.sessions = sessions;
        this.timeline = timeline;
        this.control = control;
        this.invites = invites;
        this.presence = presence;
        this.bus = bus;
        this.notes = notes;
        this.sections = sections;
        this.clock = clock;
        addClassName("console");
        pushNext.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        pushNext.setId("push-next");
        pushNext.setTooltipText("Alt+N");
        pushNext.addClickShortcut(Key.KEY_N, KeyModifier.ALT);
        pushNext.addClickListener(e -> act(() -> control.pushNext(sessionId)
                .ifPresentOrElse(ref -> { }, () -> Notification.show("Everything on the agenda has been pushed."))));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        sessionId = event.getRouteParameters().get(ID_PARAMETER).flatMap(SessionView::parseId).orElse(-1L);
        removeAll();
        try {
            session = sessionId < 0 ? null : sessions.find(sessionId);
        } catch (AccessDeniedException | java.util.NoSuchElementException e) {
            session = null;
        }
        if (session == null) {
            title = "Session not found";
            add(new H2("Session not found"), new Paragraph("This session does not exist, or you are not on its panel."));
            return;
        }
        myRole = sessions.myRole(sessionId).orElse(SessionRole.OBSERVER);
        live = timeline.load(sessionId);
        title = session.title();
        build();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        if (session == null) {
            return;
        }
        UI ui = attachEvent.getUI();
        presence.enter(sessionId);
        liveUpdates = bus.subscribe(sessionId, seq -> ui.access(this::catchUp));
        ui.setPollInterval(HEARTBEAT_MILLIS);
        heartbeat = ui.addPollListener(e -> {
            presence.heartbeat(sessionId);
            refresh();
        });
        catchUp();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (liveUpdates != null) {
            liveUpdates.remove();
            liveUpdates = null;
        }
        if (heartbeat != null) {
            heartbeat.remove();
            heartbeat = null;
            detachEvent.getUI().setPollInterval(-1);
        }
        if (session != null) {
            try {
                presence.leave(sessionId);
            } catch (RuntimeException e) {
                // signed out or session gone: the stale check covers it
            }
        }
    }

    private void build() {
        SessionDetails s = session;
        header.addClassName("console-header");
        tree = new AgendaTree(s.agenda(), ref -> act(() -> control.push(sessionId, ref)),
                (ref, covered) -> act(() -> control.markCovered(sessionId, ref, covered)));

        var left = new Div();
        left.addClassName("console-left");
        if (myRole == SessionRole.LEAD) {
            inviteCard = new InviteCard(invites, sessionId, baseUrl());
            left.add(inviteCard);
        }
        var agendaHeading = new FlexLayout(new H3("Agenda"), pushNext);
        agendaHeading.addClassName("console-row");
        left.add(agendaHeading, tree);

        mirror.addClassName("area-card");
        mirror.setId("mirror");
        timerBox.addClassName("area-card");
        timerBox.setId("timer-box");
        clarifications.addClassName("area-card");
        clarifications.setId("clarifications");
        var right = new Div(timerBox, mirror, clarifications);
        right.addClassName("console-right");
        for (Component extra : sidePanels()) {
            right.add(extra);
        }

        var columns = new Div(left, right);
        columns.addClassName("console-columns");
        add(header, columns);
        refresh();
    }

    /** Panels that follow the session by themselves: notes and tags, then other features' sections. */
    private List<Component> sidePanels() {
        List<Component> panels = new java.util.ArrayList<>();
        panels.add(new NotesPanel(sessionId, notes, timeline, bus));
        sections.stream().sorted(java.util.Comparator.comparingInt(ConsoleSection::order))
                .forEach(section -> panels.add(section.create(sessionId)));
        return panels;
    }

    /** Reads the events this console has not seen; redraws only when there were any. */
    private void catchUp() {
        if (live != null && session != null) {
            long before = live.lastSeq();
            timeline.catchUp(live);
            if (live.lastSeq() != before) {
                if (live.state() != session.state()) {
                    session = sessions.find(sessionId);
                }
                refresh();
            }
        }
    }

    private void refresh() {
        if (live == null || session == null || tree == null) {
            return;
        }
        boolean canAct = myRole != SessionRole.OBSERVER && session.state() == SessionState.LIVE;
        showHeader();
        if (inviteCard != null) {
            inviteCard.showStatus();
        }
        tree.show(live, canAct);
        pushNext.setEnabled(canAct);
        showTimer(canAct);
        showMirror();
        showClarifications();
    }

    private void showHeader() {
        header.removeAll();
        var heading = new H2(session.title());
        heading.addClassName("detail-title");
        var state = Badge.of(session.state().label(), MySessionsView.stateVariant(session.state()));
        state.setId("session-state");
        Map<String, Boolean> online = presence.presence(sessionId).stream()
                .collect(Collectors.toMap(PresenceService.Presence::participant, PresenceService.Presence::online));
        boolean candidateOnline = online.getOrDefault(PresenceService.CANDIDATE, false);
        var candidate = Badge.of("Candidate " + session.candidateName() + (candidateOnline ? ": connected" : ": not connected"),
                candidateOnline ? "success" : "contrast");
        candidate.setId("candidate-presence");
        var badges = new Div(state, candidate);
        badges.addClassName("badges");
        var people = new UnorderedList();
        people.addClassName("presence-list");
        for (SessionMember member : session.members()) {
            boolean on = online.getOrDefault(member.username(), false);
            var item = new ListItem(new Span(on ? "●" : "○"), new Span(" " + member.displayName() + " · "
                    + member.role().label()));
            item.addClassName(on ? "online" : "offline");
            item.getElement().setAttribute("aria-label", member.displayName() + (on ? " online" : " offline"));
            people.add(item);
        }
        header.add(heading, badges, people);
        if (myRole == SessionRole.LEAD) {
            header.add(leadActions());
        }
    }

    private FlexLayout leadActions() {
        var actions = new FlexLayout();
        actions.addClassName("import-buttons");
        SessionState state = session.state();
        if (state == SessionState.SCHEDULED) {
            var start = new Button("Start session", e -> act(() -> sessions.start(sessionId)));
            start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            start.setId("start-session");
            actions.add(start);
        }
        if (state == SessionState.LIVE) {
            var end = new Button("End session", e -> act(() -> sessions.end(sessionId)));
            end.setId("end-session");
            actions.add(end);
        }
        if (state == SessionState.SCHEDULED || state == SessionState.LIVE) {
            var cancel = new Button("Cancel session", e -> act(() -> sessions.cancel(sessionId)));
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            cancel.setId("cancel-session");
            actions.add(cancel);
        }
        return actions;
    }

    private void showTimer(boolean canAct) {
        timerBox.removeAll();
        timerBox.add(new H3("Timer"));
        Optional<Integer> current = live.currentScenario();
        if (current.isEmpty()) {
            timerBox.add(new Paragraph("Starts with the first scenario you push."));
            return;
        }
        int index = current.get();
        ScenarioContent scenario = session.agenda().get(index);
        TimerState timer = live.timer(index, clock.instant());
        countdown.show(timer);
        var name = new Span(scenario.title());
        name.addClassName("scenario-card-counts");
        timerBox.add(name, countdown);
        var controls = new FlexLayout();
        controls.addClassName("import-buttons");
        var toggle = new Button(timer.running() ? "Pause" : "Start",
                timer.running() ? VaadinIcon.PAUSE.create() : VaadinIcon.PLAY.create(),
                e -> act(() -> {
                    if (timer.running()) {
                        control.pauseTimer(sessionId, index);
                    } else {
                        control.startTimer(sessionId, index);
                    }
                }));
        toggle.setId("timer-toggle");
        var extend = new Button("+5 min", e -> act(() -> control.extendTimer(sessionId, index, 5)));
        extend.setId("timer-extend");
        toggle.setEnabled(canAct);
        extend.setEnabled(canAct);
        controls.add(toggle, extend);
        timerBox.add(controls);
        pacingCue(index, scenario, timer).ifPresent(cue -> {
            var p = new Paragraph(cue);
            p.addClassName("pacing-cue");
            p.setId("pacing-cue");
            p.getElement().setAttribute("role", "status");
            timerBox.add(p);
        });
    }

    /**
     * Each area's share of the scenario's time is equal; the current area is the one of the last
     * pushed question, counted from when its first question was pushed.
     */
    private Optional<String> pacingCue(int index, ScenarioContent scenario, TimerState timer) {
        Optional<PromptRef> current = live.current().filter(ref -> ref.scenario() == index
                && ref.kind() == PromptKind.QUESTION);
        if (current.isEmpty() || scenario.discussionAreas().isEmpty()) {
            return Optional.empty();
        }
        int area = current.get().area();
        Optional<Instant> areaStart = live.pushed().stream()
                .filter(p -> p.ref().scenario() == index && p.ref().kind() == PromptKind.QUESTION
                        && p.ref().area() == area)
                .map(LiveSession.Pushed::at).findFirst();
        Duration share = timer.allowed().dividedBy(scenario.discussionAreas().size());
        Duration spent = Duration.between(areaStart.orElseThrow(), clock.instant());
        if (spent.compareTo(share) <= 0) {
            return Optional.empty();
        }
        return Optional.of("\"" + scenario.discussionAreas().get(area).title() + "\" has run "
                + spent.minus(share).toMinutes() + " min over its share of " + share.toMinutes()
                + " min. Consider moving on.");
    }

    private void showMirror() {
        mirror.removeAll();
        mirror.add(new H3("Candidate sees"));
        CandidateScreen screen = control.mirror(sessionId, live);
        CandidateScreen.Scenario scenario = screen.scenario();
        if (scenario == null) {
            mirror.add(new Paragraph("Nothing yet."));
            return;
        }
        var title = new Paragraph(scenario.title() + " · " + scenario.level() + " · " + scenario.durationMinutes()
                + " min");
        title.addClassName("mirror-title");
        mirror.add(title);
        if (scenario.situation() != null) {
            mirror.add(new Paragraph("Situation: " + scenario.situation()));
        }
        if (!scenario.keyChallenges().isEmpty()) {
            mirror.add(new Paragraph("Key challenges: " + String.join("; ", scenario.keyChallenges())));
        }
        if (!scenario.questions().isEmpty()) {
            var questions = new OrderedList();
            scenario.questions().forEach(q -> questions.add(new ListItem(q.text())));
            questions.getChildren().reduce((a, b) -> b).ifPresent(last -> ((ListItem) last).addClassName("newest"));
            mirror.add(questions);
        }
    }

    private void showClarifications() {
        clarifications.removeAll();
        clarifications.add(new H3("Clarification requests"));
        List<SessionEvent> requests = live.clarifications();
        if (requests.isEmpty()) {
            clarifications.add(new Paragraph("None."));
            return;
        }
        var list = new UnorderedList();
        for (SessionEvent request : requests.reversed()) {
            list.add(new ListItem(AgendaTree.clock(request.at()) + " — the candidate asked for a clarification"));
        }
        clarifications.add(list);
    }

    private void act(Runnable action) {
        try {
            action.run();
            catchUp();
        } catch (SessionException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private static String baseUrl() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request instanceof com.vaadin.flow.server.VaadinServletRequest servlet) {
            var http = servlet.getHttpServletRequest();
            int port = http.getServerPort();
            boolean defaultPort = ("http".equals(http.getScheme()) && port == 80)
                    || ("https".equals(http.getScheme()) && port == 443);
            return http.getScheme() + "://" + http.getServerName() + (defaultPort ? "" : ":" + port)
                    + http.getContextPath() + "/";
        }
        return "/";
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
