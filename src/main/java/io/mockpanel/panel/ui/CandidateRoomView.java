package io.mockpanel.panel.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.ScrollOptions;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.mockpanel.base.ui.Badge;
import io.mockpanel.panel.CandidateAccess;
import io.mockpanel.panel.CandidateRoomService;
import io.mockpanel.panel.CandidateScreen;
import io.mockpanel.panel.InviteService;
import io.mockpanel.panel.PresenceService;
import io.mockpanel.panel.RoomClosedException;
import io.mockpanel.panel.SessionEventBus;
import io.mockpanel.panel.SessionException;
import io.mockpanel.panel.SessionState;
import io.mockpanel.panel.TimerState;
import io.mockpanel.scenario.GuidanceItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

/**
 * The candidate's screen: only what the panel pushed, newest question highlighted, a countdown,
 * the STAR framework as an aid, and a way to ask for clarification. A screen reader hears each
 * new prompt through a polite live region.
 *
 * <p>Access follows the invite: the room closes itself (the plain "link cannot be used" page, no
 * further pushes) as soon as it reads that the link was revoked, replaced or released, and shows a
 * calm closing screen when the session ends. The route admits anonymous visitors on purpose: a
 * browser that lost its HTTP session (a server restart) comes back in by its bound-browser cookie;
 * everything else is refused by {@link CandidateRoomService}, which checks the grant on every call.
 */
@Route(value = "room", autoLayout = false)
@PageTitle("Your mock panel")
@AnonymousAllowed
class CandidateRoomView extends Main implements BeforeEnterObserver {

    static final String ENDED_TEXT = "The session has ended. Thank you for taking part! You can close this page.";

    private final CandidateRoomService room;
    private final InviteService invites;
    private final PresenceService presence;
    private final SessionEventBus bus;
    private long sessionId = -1;
    private CandidateRoomService.@Nullable CandidateRoom state;

    final Div content = new Div();
    final Div announcer = new Div();
    final Countdown countdown = new Countdown();
    final Span timerLabel = new Span("Time left");
    final Button clarify = new Button("Request clarification");
    private final Span name = new Span();
    private @Nullable LiveConnection connection;
    private @Nullable CandidateScreen shown;
    private @Nullable OrderedList questionList;
    private @Nullable ListItem newest;
    private final Span newestBadge = Badge.of("Current", "success");
    /** The prompts of the last render; null until the first one (the page load, which announces nothing). */
    private @Nullable List<String> shownPrompts;

    CandidateRoomView(CandidateRoomService room, InviteService invites, PresenceService presence,
            SessionEventBus bus) {
        this.room = room;
        this.invites = invites;
        this.presence = presence;
        this.bus = bus;
        addClassName("candidate-room");
        announcer.getElement().setAttribute("aria-live", "polite");
        announcer.getElement().setAttribute("role", "status");
        announcer.addClassName("visually-hidden");
        announcer.setId("announcer");
        content.addClassName("room-content");
        content.setId("room-content");
        clarify.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        clarify.setId("request-clarification");
        clarify.addClickListener(e -> requestClarification());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (CandidateSignIn.current().isEmpty()) {
            if (CandidateSignIn.someoneElseSignedIn()) {
                showMessage(JoinView.INVALID_TEXT);
                return;
            }
            Optional<InviteService.Return> back = invites.returnTo(CandidateSignIn.browserKey());
            if (back.isEmpty()) {
                showMessage(JoinView.INVALID_TEXT);
                return;
            }
            if (back.get().sessionEnded()) {
                showMessage(ENDED_TEXT);
                return;
            }
            CandidateSignIn.signIn(back.get().candidate());
        }
        try {
            state = room.open();
        } catch (RoomClosedException e) {
            showMessage(e.sessionEnded() ? ENDED_TEXT : JoinView.INVALID_TEXT);
            return;
        } catch (AccessDeniedException e) {
            showMessage(JoinView.INVALID_TEXT);
            return;
        }
        sessionId = state.candidate().sessionId();
        var brand = new Span("mockpanel");
        brand.addClassName("room-brand");
        name.addClassName("room-name");
        var header = new Header(brand, name);
        header.addClassName("room-header");
        add(header, announcer, content, starCard());
        render();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        if (state != null && connection == null) {
            // Woken only by what the room shows or acts on, never by the panel's notes and scores.
            connection = LiveConnection.open(attachEvent.getUI(), sessionId, presence, bus,
                    SessionEventBus.Audience.CANDIDATE, this::render, this::checkAccess);
            render();
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        disconnect();
    }

    /**
     * Brings the room up to date: it reads every new event by sequence (those of the panel's side
     * change nothing here), appends a new question, or redraws the room. The panel's notes, scores
     * and presence do not wake it at all.
     */
    void render() {
        if (state == null) {
            return;
        }
        CandidateScreen screen;
        try {
            screen = room.screen(state);
        } catch (RoomClosedException | AccessDeniedException | AuthenticationException e) {
            // No grant, or nobody signed in any more (the other tab of this browser signed out).
            close(false);
            return;
        }
        if (screen.state() == SessionState.COMPLETED || screen.state() == SessionState.CANCELLED) {
            close(true);
            return;
        }
        CandidateScreen before = shown;
        shown = screen;
        if (before != null && sameScreen(before, screen)) {
            if (screen.scenario() != null && !sameTimer(before.scenario(), screen.scenario())) {
                showTimer(screen.scenario().timer());
            }
            return;
        }
        if (before != null && onlyNewQuestions(before, screen)) {
            appendQuestions(before.scenario().questions().size(), screen.scenario());
            if (!sameTimer(before.scenario(), screen.scenario())) {
                showTimer(screen.scenario().timer());
            }
            announceNew(screen.scenario());
            return;
        }
        redraw(screen);
    }

    private void redraw(CandidateScreen screen) {
        name.setText(screen.candidateName());
        content.removeAll();
        questionList = null;
        newest = null;
        CandidateScreen.Scenario scenario = screen.scenario();
        if (screen.state() == SessionState.SCHEDULED) {
            content.add(banner("Welcome! The panel has not started yet. This page updates by itself when "
                    + "the first prompt arrives."));
        } else if (scenario == null) {
            content.add(banner("The session has started. The first prompt will appear here in a moment."));
        }
        if (scenario != null) {
            showScenario(scenario, screen.state() == SessionState.LIVE);
        }
        announceNew(scenario);
    }

    private void showScenario(CandidateScreen.Scenario scenario, boolean live) {
        var title = new H1(scenario.title());
        title.addClassName("room-title");
        var badges = new Div(Badge.of(scenario.level()), Badge.of(scenario.durationMinutes() + " min", "contrast"));
        badges.addClassName("badges");
        showTimer(scenario.timer());
        timerLabel.addClassName("room-timer-label");
        var timerBox = new Div(timerLabel, countdown);
        timerBox.addClassName("room-timer");
        var top = new Div(new Div(title, badges), timerBox);
        top.addClassName("room-top");
        content.add(top);

        if (scenario.situation() != null) {
            content.add(section("Situation", new Paragraph(scenario.situation())));
        }
        if (!scenario.keyChallenges().isEmpty()) {
            var list = new UnorderedList();
            scenario.keyChallenges().forEach(c -> list.add(new ListItem(c)));
            content.add(section("Key challenges", list));
        }
        clarify.setEnabled(live);
        content.add(clarify);
        appendQuestions(0, scenario);
    }

    /** Adds the questions from {@code from} on and moves the "current" mark to the last one. */
    private void appendQuestions(int from, CandidateScreen.Scenario scenario) {
        List<CandidateScreen.Question> questions = scenario.questions();
        if (from >= questions.size()) {
            return;
        }
        if (questionList == null) {
            questionList = new OrderedList();
            questionList.addClassName("room-questions");
            // The section appears with the first question, just above the clarification button.
            content.addComponentAtIndex(content.indexOf(clarify), section("Questions", questionList));
        }
        if (newest != null) {
            newest.removeClassName("newest");
            newest.getElement().removeAttribute("aria-current");
            newestBadge.getElement().removeFromParent();
        }
        for (int i = from; i < questions.size(); i++) {
            CandidateScreen.Question q = questions.get(i);
            var area = new Span(q.area());
            area.addClassName("question-area");
            newest = new ListItem(area, new Paragraph(q.text()));
            questionList.add(newest);
        }
        newest.addClassName("newest");
        newest.add(newestBadge);
        newest.getElement().setAttribute("aria-current", "true");
        // On a phone the list runs below the fold: the question just asked must be on screen.
        newest.scrollIntoView(new ScrollOptions(ScrollOptions.Behavior.SMOOTH, ScrollOptions.Alignment.NEAREST,
                ScrollOptions.Alignment.NEAREST));
    }

    /** The countdown and a label that says plainly whether it runs. */
    private void showTimer(TimerState timer) {
        countdown.show(timer);
        boolean notStarted = !timer.running() && timer.elapsed().isZero();
        timerLabel.setText(timer.running() ? "Time left" : notStarted ? "Timer not started" : "Paused · time left");
        timerLabel.getElement().getClassList().set("paused", !timer.running());
    }

    /** The slow poll: a link can also end by expiring, which writes no event. */
    private void checkAccess() {
        if (state == null) {
            return;
        }
        try {
            CandidateAccess access = room.access(state);
            if (access != CandidateAccess.ALLOWED) {
                close(access == CandidateAccess.SESSION_ENDED);
            }
        } catch (AccessDeniedException | AuthenticationException e) {
            close(false);
        }
    }

    /**
     * The room is over for this browser: no more pushes, and either the calm closing screen (the
     * session ended) or the plain page every unusable link gets (revoked, replaced, released).
     */
    private void close(boolean sessionEnded) {
        disconnect();
        state = null;
        if (!sessionEnded) {
            // Its grant is gone: nothing in this HTTP session may act as the candidate any more.
            CandidateSignIn.signOut();
        }
        showMessage(sessionEnded ? ENDED_TEXT : JoinView.INVALID_TEXT);
    }

    private void showMessage(String text) {
        removeAll();
        var message = new Paragraph(text);
        message.setId("invite-message");
        message.addClassName("invite-message");
        var page = new Div(new H1("mockpanel"), message);
        page.addClassName("room-closed");
        add(page);
    }

    private void disconnect() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    private static boolean sameScreen(CandidateScreen a, CandidateScreen b) {
        return a.state() == b.state() && a.candidateName().equals(b.candidateName())
                && sameContent(a.scenario(), b.scenario())
                && (a.scenario() == null || a.scenario().questions().equals(b.scenario().questions()));
    }

    /** Same scenario, situation and challenges, same state, and the questions only grew at the end. */
    private static boolean onlyNewQuestions(CandidateScreen a, CandidateScreen b) {
        if (a.state() != b.state() || a.scenario() == null || !sameContent(a.scenario(), b.scenario())) {
            return false;
        }
        List<CandidateScreen.Question> old = a.scenario().questions();
        List<CandidateScreen.Question> now = b.scenario().questions();
        return now.size() > old.size() && now.subList(0, old.size()).equals(old);
    }

    private static boolean sameContent(CandidateScreen.@Nullable Scenario a, CandidateScreen.@Nullable Scenario b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.index() == b.index() && a.title().equals(b.title())
                && java.util.Objects.equals(a.situation(), b.situation()) && a.keyChallenges().equals(b.keyChallenges());
    }

    private static boolean sameTimer(CandidateScreen.@Nullable Scenario a, CandidateScreen.Scenario b) {
        return a != null && a.timer().allowed().equals(b.timer().allowed()) && a.timer().running() == b.timer().running()
                && (a.timer().running() || a.timer().elapsed().equals(b.timer().elapsed()));
    }

    /** Tells a screen reader about prompts that appeared since the last render. */
    private void announceNew(CandidateScreen.@Nullable Scenario scenario) {
        List<String> prompts = new ArrayList<>();
        if (scenario != null) {
            prompts.add("Scenario: " + scenario.title());
            if (scenario.situation() != null) {
                prompts.add("Situation: " + scenario.situation());
            }
            if (!scenario.keyChallenges().isEmpty()) {
                prompts.add("Key challenges were added.");
            }
            scenario.questions().forEach(q -> prompts.add("New question: " + q.text()));
        }
        List<String> shown = shownPrompts;
        if (shown != null && !prompts.equals(shown) && !prompts.isEmpty()) {
            List<String> added = prompts.stream().filter(p -> !shown.contains(p)).toList();
            announcer.setText(added.isEmpty() ? prompts.getLast() : String.join(" ", added));
        }
        shownPrompts = prompts;
    }

    private void requestClarification() {
        try {
            room.requestClarification();
            Notification.show("The panel has been told you would like a clarification.", 4000,
                    Notification.Position.BOTTOM_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (RoomClosedException | AccessDeniedException | AuthenticationException e) {
            close(e instanceof RoomClosedException closed && closed.sessionEnded());
        } catch (SessionException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.BOTTOM_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private Details starCard() {
        var list = new OrderedList();
        room.starFramework().ifPresent(star -> {
            for (GuidanceItem item : star.items()) {
                var label = new Span(item.label());
                label.addClassName("guidance-label");
                list.add(new ListItem(label, new Span(": " + item.text())));
            }
        });
        var details = new Details("Answering with STAR", list);
        details.addClassName("star-card");
        details.setOpened(true);
        return details;
    }

    private static Div banner(String text) {
        var banner = new Div(new Paragraph(text));
        banner.addClassName("room-banner");
        return banner;
    }

    private static Section section(String heading, com.vaadin.flow.component.Component body) {
        var section = new Section(new H2(heading), body);
        section.addClassName("room-section");
        return section;
    }
}
