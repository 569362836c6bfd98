package io.mockpanel.panel.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.mockpanel.base.PublicUrl;
import io.mockpanel.base.ui.FullWidthView;
import io.mockpanel.base.ui.Notifications;
import io.mockpanel.panel.InviteService;
import io.mockpanel.panel.LiveControlService;
import io.mockpanel.panel.LiveSession;
import io.mockpanel.panel.NoteService;
import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.panel.PanelMeters;
import io.mockpanel.panel.PresenceService;
import io.mockpanel.panel.SessionDetails;
import io.mockpanel.panel.SessionEvent;
import io.mockpanel.panel.SessionEventBus;
import io.mockpanel.panel.SessionCursor;
import io.mockpanel.panel.SessionEvents;
import io.mockpanel.panel.SessionException;
import io.mockpanel.panel.SessionMails;
import io.mockpanel.panel.SessionRole;
import io.mockpanel.panel.SessionScheduling;
import io.mockpanel.panel.SessionState;
import io.mockpanel.panel.SessionTimeline;
import io.mockpanel.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * The session console for the lead, panelists and observers, one screen to run a panel: the
 * header (state, presence, lifecycle), and the workspace's regions — run (agenda, Push next),
 * see (invite until the candidate is in, timer, mirror, clarification requests) and write
 * (notes, scoring). It holds the screen's one live connection; each part updates from the events
 * that concern it, so an event costs this screen one read of the log and at most one more query.
 */
@Route("sessions/:sessionId")
@RolesAllowed({AppRoles.INTERVIEWER, AppRoles.COACH})
@JavaScript("context://js/console.js")
class SessionView extends Div implements BeforeEnterObserver, HasDynamicTitle, FullWidthView {

    static final String ID_PARAMETER = "sessionId";

    private final PanelSessionService sessions;
    private final SessionScheduling scheduling;
    private final SessionTimeline timeline;
    private final LiveControlService control;
    private final InviteService invites;
    private final PresenceService presence;
    private final SessionEventBus bus;
    private final NoteService notes;
    private final List<ConsoleSection> sections;
    private final Clock clock;
    /** Invite links are built on the configured public URL, never on the request's Host header. */
    private final PublicUrl publicUrl;
    private final PanelMeters meters;
    private final SessionMails mails;

    private long sessionId = -1;
    private String title = "Session";
    private @Nullable SessionDetails session;
    private @Nullable LiveFeed feed;
    private SessionRole myRole = SessionRole.OBSERVER;
    private @Nullable LiveConnection connection;

    @Nullable SessionHeader header;
    @Nullable AgendaPane agenda;
    @Nullable SeePane see;
    @Nullable Workspace workspace;
    @Nullable ScheduleLine scheduleLine;

    SessionView(PanelSessionService sessions, SessionTimeline timeline, LiveControlService control,
            InviteService invites, PresenceService presence, SessionEventBus bus, NoteService notes,
            List<ConsoleSection> sections, Clock clock, PublicUrl publicUrl, SessionScheduling scheduling,
            PanelMeters meters, SessionMails mails) {
        this.mails = mails;
        this.sessions = sessions;
        this.meters = meters;
        this.scheduling = scheduling;
        this.timeline = timeline;
        this.control = control;
        this.invites = invites;
        this.presence = presence;
        this.bus = bus;
        this.notes = notes;
        this.sections = sections;
        this.clock = clock;
        this.publicUrl = publicUrl;
        addClassName("console");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        sessionId = event.getRouteParameters().get(ID_PARAMETER).flatMap(SessionView::parseId).orElse(-1L);
        removeAll();
        try {
            session = sessionId < 0 ? null : sessions.find(sessionId);
        } catch (AccessDeniedException | NoSuchElementException e) {
            session = null;
        }
        if (session == null) {
            title = "Session not found";
            removeClassName("console");
            add(new H2("Session not found"), new Paragraph("This session does not exist, or you are not on its panel."));
            return;
        }
        myRole = sessions.myRole(sessionId).orElse(SessionRole.OBSERVER);
        SessionCursor cursor = timeline.follow(sessionId);
        if (reviewInstead(cursor.live())) {
            event.forwardTo(reviewRoute(sessionId));
            return;
        }
        feed = new LiveFeed(cursor);
        feed.onEvents(this::show);
        title = session.title();
        build(session, feed);
        // After every part: a push's latency ends once the whole console applied it (decision 0042).
        feed.onEvents(events -> meters.applied(PanelMeters.Screen.CONSOLE, events));
    }

    /**
     * A finished session is read on its review page, not in a frozen console (decision 0027). A
     * completed session stays in the console while its scoring is open (panelists often score after
     * the candidate left): the review is then a button away in the header.
     */
    private boolean reviewInstead(LiveSession live) {
        return live.state() == SessionState.CANCELLED || live.state() == SessionState.COMPLETED
                && (myRole == SessionRole.OBSERVER || live.everyScenarioRevealed());
    }

    /** The review page's address (the review feature builds on this one and owns the page). */
    static String reviewRoute(long sessionId) {
        return "sessions/" + sessionId + "/review";
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        if (feed != null) {
            connection = LiveConnection.open(attachEvent.getUI(), sessionId, presence, bus, feed::catchUp,
                    this::everyFewSeconds);
            feed.catchUp();
            showPresence();
            getElement().executeJs("window.mockpanelConsoleKeys(this)");
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    private void build(SessionDetails s, LiveFeed liveFeed) {
        boolean panel = myRole != SessionRole.OBSERVER;
        header = new SessionHeader(s, myRole, () -> act(() -> sessions.start(sessionId)),
                () -> act(() -> sessions.end(sessionId)), () -> act(() -> sessions.cancel(sessionId)));
        header.shortcuts.addClickListener(e -> showShortcuts());
        header.review.addClickListener(e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(reviewRoute(sessionId))));
        var scheduleActions = new ScheduleActions(scheduling, sessionId,
                s.agenda().stream().mapToInt(io.mockpanel.scenario.ScenarioContent::durationMinutes).sum(), clock,
                liveFeed::live, liveFeed::catchUp);
        scheduleLine = new ScheduleLine(myRole == SessionRole.LEAD, scheduleActions::reschedule,
                scheduleActions::changeMeetingLink);
        header.addAfterTitle(scheduleLine);
        agenda = new AgendaPane(s.agenda(), panel, () -> act(() -> control.pushNext(sessionId)
                .ifPresentOrElse(ref -> { }, () -> Notifications.info("Everything on the agenda has been pushed."))),
                ref -> act(() -> control.push(sessionId, ref)),
                (ref, covered) -> act(() -> control.markCovered(sessionId, ref, covered)));
        var timer = new TimerCard(s.agenda(), panel, (scenario, runningNow) -> act(() -> {
            if (runningNow) {
                control.pauseTimer(sessionId, scenario);
            } else {
                control.startTimer(sessionId, scenario);
            }
        }), scenario -> act(() -> control.extendTimer(sessionId, scenario, 5)));
        see = new SeePane(timer, myRole == SessionRole.LEAD ? new InviteCard(invites, mails.follow(sessionId),
                publicUrl.base(), session.candidateEmail()) : null,
                header.invite, clock);

        List<Workspace.Pane> panes = new ArrayList<>();
        Component notesColumn = NotesColumn.of(NotesParts.of(liveFeed, notes, myRole));
        panes.add(new Workspace.Pane("notes", "Write", "Notes", () -> notesColumn, false));
        var context = new ConsoleContext(sessionId, myRole, liveFeed,
                sectionTitle -> workspace.showPane(paneKey(sectionTitle)));
        sections.stream().filter(section -> section.shownTo(myRole))
                .sorted(Comparator.comparingInt(ConsoleSection::order)).forEach(section -> panes.add(
                new Workspace.Pane(paneKey(section.title()), section.title(), section.title(),
                        () -> section.create(context), section.builtWhenOpened())));
        workspace = new Workspace(agenda, see, panes);
        add(header, workspace);
        showStage();
        see.showInvite(feed.live().state());
        scheduleLine.show(liveFeed.live());
        see.showClarifications(liveFeed.live().clarifications());
    }

    /** The feed's events, read once for the whole screen; each part redraws only for what concerns it. */
    private void show(List<SessionEvent> events) {
        ConsoleChanges changes = ConsoleChanges.of(events);
        if (changes.clarification()) {
            Notifications.warning("The candidate asks for a clarification.");
            see.showClarifications(feed.live().clarifications());
        }
        if (changes.stage()) {
            showStage();
        }
        if (changes.schedule()) {
            scheduleLine.show(feed.live());
        }
        if (changes.presence()) {
            showPresence();
        }
        if (changes.invite()) {
            see.showInvite(feed.live().state());
        }
        if (changes.mails()) {
            see.showMails();
        }
        if (changes.ended()) {
            // Not forwarded: whoever is still writing a note or a score sheet keeps it.
            Notifications.info("The session has ended. Finish your scores here, or open the review.");
        }
    }

    /** The header's state, the agenda, the timer and the mirror, from the live state alone (no query). */
    private void showStage() {
        LiveSession live = feed.live();
        boolean canAct = myRole != SessionRole.OBSERVER && live.state() == SessionState.LIVE;
        header.showState(live.state());
        agenda.show(live, canAct);
        see.showStage(session, live, canAct);
    }

    private void showPresence() {
        header.showPresence(session, presence.presence(feed.cursor()));
    }

    /** The slow poll: presence may go stale without an event, and the pacing cue moves with time. */
    private void everyFewSeconds() {
        // a wake-up that never arrived leaves the console stale for one poll, not for the session
        feed.catchUp();
        showPresence();
        see.showPacing(feed.live());
    }

    @ClientCallable
    void showShortcuts() {
        var hints = new ArrayList<>(ShortcutHelp.forConsole(myRole));
        // The sections' own keys go before "?" (the last hint).
        hints.addAll(hints.size() - 1, sections.stream().filter(section -> section.shownTo(myRole))
                .flatMap(section -> section.shortcuts(myRole).stream()).toList());
        ShortcutHelp.open(hints);
    }

    private static String paneKey(String sectionTitle) {
        return sectionTitle.toLowerCase(java.util.Locale.ROOT);
    }

    private void act(Runnable action) {
        try {
            action.run();
            feed.catchUp();
        } catch (SessionException e) {
            Notifications.error(e.getMessage());
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
