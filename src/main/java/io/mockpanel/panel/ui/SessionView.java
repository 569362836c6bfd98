package io.mockpanel.panel.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
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
import io.mockpanel.base.PublicUrl;
import io.mockpanel.base.ui.Badge;
import io.mockpanel.base.ui.Confirmation;
import io.mockpanel.panel.CandidateScreen;
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
    private @Nullable LiveFeed feed;
    private @Nullable AgendaTree tree;
    private @Nullable InviteCard inviteCard;
    private SessionRole myRole = SessionRole.OBSERVER;

    final Div header = new Div();
    final Div mirror = new Div();
    final Div timerBox = new Div();
    final Div clarifications = new Div();
    final Button pushNext = new Button("Push next", VaadinIcon.FORWARD.create());
    final Countdown countdown = new Countdown();
    private final Span stateBadge = Badge.of("");
    private final Span candidateBadge = Badge.of("", "contrast");
    private final UnorderedList people = new UnorderedList();
    final Button start = new Button("Start session");
    final Button end = new Button("End session");
    final Button cancel = new Button("Cancel session");
    private final Span timerTitle = new Span();
    private final Paragraph timerHint = new Paragraph();
    private final Div timerRunning = new Div();
    final Button timerToggle = new Button("Start", VaadinIcon.PLAY.create());
    final Button timerExtend = new Button("+5 min");
    private final Paragraph pacing = new Paragraph();
    private @Nullable LiveConnection connection;
    /** Invite links are built on the configured public URL, never on the request's Host header. */
    private final PublicUrl publicUrl;

    SessionView(PanelSessionService sessions, SessionTimeline timeline, LiveControlService control,
            InviteService invites, PresenceService presence, SessionEventBus bus, NoteService notes, List<ConsoleSection> sections, java.time.Clock clock,
            PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
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
        feed = new LiveFeed(timeline.follow(sessionId));
        live = feed.live();
        feed.onEvents(this::show);
        title = session.title();
        build();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        if (session != null) {
            connection = LiveConnection.open(attachEvent.getUI(), sessionId, presence, bus, feed::catchUp,
                    this::refresh);
            catchUp();
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    private void build() {
        SessionDetails s = session;
        header.addClassName("console-header");
        buildHeader();
        tree = new AgendaTree(s.agenda(), ref -> act(() -> control.push(sessionId, ref)),
                (ref, covered) -> act(() -> control.markCovered(sessionId, ref, covered)));

        var left = new Div();
        left.addClassName("console-left");
        if (myRole == SessionRole.LEAD) {
            inviteCard = new InviteCard(invites, sessionId, publicUrl.base());
            left.add(inviteCard);
        }
        var agendaHeading = new FlexLayout(new H3("Agenda"), pushNext);
        agendaHeading.addClassName("console-row");
        left.add(agendaHeading, tree);

        mirror.addClassName("area-card");
        mirror.setId("mirror");
        timerBox.addClassName("area-card");
        timerBox.setId("timer-box");
        buildTimer();
        clarifications.addClassName("area-card");
        clarifications.setId("clarifications");
        var right = new Div(timerBox, mirror, clarifications, new NotesPanel(feed, notes));
        right.addClassName("console-right");
        // Other features' sections (scores) go under the agenda, where the page has room for them.
        sections.stream().sorted(java.util.Comparator.comparingInt(ConsoleSection::order))
                .forEach(section -> left.add(section.create(new ConsoleContext(sessionId, myRole, feed))));

        var columns = new Div(left, right);
        columns.addClassName("console-columns");
        add(header, columns);
        refresh();
    }


    /** Reads the events this console has not seen; its parts hear of them through the feed. */
    private void catchUp() {
        if (feed != null) {
            feed.catchUp();
        }
    }

    private void show(List<SessionEvent> events) {
        if (events.stream().anyMatch(e -> e.is(io.mockpanel.panel.SessionEvents.ClarificationRequested.class))) {
            Notification.show("The candidate asks for a clarification.", 6000, Notification.Position.TOP_END)
                    .addThemeVariants(NotificationVariant.LUMO_WARNING);
        }
        if (session != null && live != null && live.state() != session.state()) {
            session = sessions.find(sessionId);
        }
        refresh();
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

    /**
     * Header and timer are built once and updated in place: a button redrawn on every event would
     * swallow a click that lands while it is being replaced.
     */
    private void buildHeader() {
        var heading = new H2(session.title());
        heading.addClassName("detail-title");
        stateBadge.setId("session-state");
        candidateBadge.setId("candidate-presence");
        var badges = new Div(stateBadge, candidateBadge);
        badges.addClassName("badges");
        people.addClassName("presence-list");
        header.add(heading, badges, people);
        if (myRole == SessionRole.LEAD) {
            start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            start.setId("start-session");
            start.addClickListener(e -> act(() -> sessions.start(sessionId)));
            end.setId("end-session");
            end.addClickListener(e -> Confirmation.ask("confirm-end", "End the session?",
                    "The candidate's screen shows that the session is over and their link stops working. "
                            + "Notes and scores stay open for the panel.",
                    "End session", () -> act(() -> sessions.end(sessionId))));
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            cancel.setId("cancel-session");
            cancel.addClickListener(e -> Confirmation.ask("confirm-cancel", "Cancel the session?",
                    "It is marked cancelled for good: the candidate's screen shows that the session is over, "
                            + "their link stops working, and no more scores can be given.",
                    "Cancel session", () -> act(() -> sessions.cancel(sessionId))));
            var actions = new FlexLayout(start, end, cancel);
            actions.addClassName("import-buttons");
            header.add(actions);
        }
    }

    private void showHeader() {
        SessionState state = session.state();
        stateBadge.setText(state.label());
        stateBadge.getElement().getThemeList().clear();
        stateBadge.getElement().getThemeList().add("badge");
        for (String variant : MySessionsView.stateVariant(state)) {
            stateBadge.getElement().getThemeList().add(variant);
        }
        Map<String, Integer> screens = presence.presence(sessionId).stream()
                .collect(Collectors.toMap(PresenceService.Presence::participant, PresenceService.Presence::screens));
        int candidateScreens = screens.getOrDefault(PresenceService.CANDIDATE, 0);
        boolean candidateOnline = candidateScreens > 0;
        candidateBadge.setText("Candidate " + session.candidateName() + (candidateOnline
                ? ": connected" + (candidateScreens > 1 ? " (" + candidateScreens + " tabs)" : "")
                : ": not connected"));
        candidateBadge.getElement().setAttribute("data-online", Boolean.toString(candidateOnline));
        candidateBadge.getElement().getThemeList().remove(candidateOnline ? "contrast" : "success");
        candidateBadge.getElement().getThemeList().add(candidateOnline ? "success" : "contrast");
        Map<String, Boolean> online = new java.util.HashMap<>();
        screens.forEach((participant, count) -> online.put(participant, count > 0));
        people.removeAll();
        for (SessionMember member : session.members()) {
            boolean on = online.getOrDefault(member.username(), false);
            var item = new ListItem(new Span(on ? "●" : "○"), new Span(" " + member.displayName() + " · "
                    + member.role().label()));
            item.addClassName(on ? "online" : "offline");
            item.getElement().setAttribute("aria-label", member.displayName() + (on ? " online" : " offline"));
            item.getElement().setAttribute("data-online", Boolean.toString(on));
            item.getElement().setAttribute("data-username", member.username());
            people.add(item);
        }
        start.setVisible(state == SessionState.SCHEDULED);
        end.setVisible(state == SessionState.LIVE);
        cancel.setVisible(state == SessionState.SCHEDULED || state == SessionState.LIVE);
    }

    private void buildTimer() {
        timerTitle.addClassName("scenario-card-counts");
        timerToggle.setId("timer-toggle");
        timerToggle.addClickListener(e -> act(() -> {
            int index = live.currentScenario().orElseThrow();
            if (live.timer(index, clock.instant()).running()) {
                control.pauseTimer(sessionId, index);
            } else {
                control.startTimer(sessionId, index);
            }
        }));
        timerExtend.setId("timer-extend");
        timerExtend.addClickListener(e -> act(() -> control.extendTimer(sessionId,
                live.currentScenario().orElseThrow(), 5)));
        var controls = new FlexLayout(timerToggle, timerExtend);
        controls.addClassName("import-buttons");
        timerHint.setText("Starts with the first scenario you push.");
        pacing.addClassName("pacing-cue");
        pacing.setId("pacing-cue");
        pacing.getElement().setAttribute("role", "status");
        timerRunning.add(timerTitle, countdown, controls, pacing);
        timerBox.add(new H3("Timer"), timerHint, timerRunning);
    }

    private void showTimer(boolean canAct) {
        Optional<Integer> current = live.currentScenario();
        timerHint.setVisible(current.isEmpty());
        timerRunning.setVisible(current.isPresent());
        if (current.isEmpty()) {
            return;
        }
        int index = current.get();
        ScenarioContent scenario = session.agenda().get(index);
        TimerState timer = live.timer(index, clock.instant());
        countdown.show(timer);
        timerTitle.setText(scenario.title());
        timerToggle.setText(timer.running() ? "Pause" : "Start");
        timerToggle.setIcon(timer.running() ? VaadinIcon.PAUSE.create() : VaadinIcon.PLAY.create());
        timerToggle.setEnabled(canAct);
        timerExtend.setEnabled(canAct);
        Optional<String> cue = pacingCue(index, scenario, timer);
        pacing.setVisible(cue.isPresent());
        pacing.setText(cue.orElse(""));
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
