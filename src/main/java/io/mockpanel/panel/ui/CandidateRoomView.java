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
import io.mockpanel.base.ui.Notifications;
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
    private final List<RoomEpilogue> epilogues;
    private long sessionId = -1;
    private CandidateRoomService.@Nullable CandidateRoom state;

    final Button clarify = new Button("Request clarification");
    /** The same renderer as the panel's mirror; the clarification button sits under the scenario. */
    final CandidateScreenView content = new CandidateScreenView(CandidateScreenView.Place.ROOM, clarify);
    final Div announcer = new Div();
    final Countdown countdown = content.countdown;
    final Span timerLabel = content.timerLabel;
    private final Span name = new Span();
    /** When the panel starts and the video call's link. */
    final RoomCall call = new RoomCall();
    private @Nullable LiveConnection connection;

    CandidateRoomView(CandidateRoomService room, InviteService invites, PresenceService presence,
            SessionEventBus bus, List<RoomEpilogue> epilogues) {
        this.room = room;
        this.invites = invites;
        this.presence = presence;
        this.bus = bus;
        this.epilogues = epilogues.stream().sorted(java.util.Comparator.comparingInt(RoomEpilogue::order)).toList();
        addClassName("candidate-room");
        announcer.getElement().setAttribute("aria-live", "polite");
        announcer.getElement().setAttribute("role", "status");
        announcer.addClassName("visually-hidden");
        announcer.setId("announcer");
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
            // Signed in also when the session has ended: the grant still admits this browser, and
            // what the room shows afterwards (the self-assessment) acts as this candidate.
            CandidateSignIn.signIn(back.get().candidate());
            if (back.get().sessionEnded()) {
                showEnded();
                return;
            }
        }
        try {
            state = room.open();
        } catch (RoomClosedException e) {
            if (e.sessionEnded()) {
                showEnded();
            } else {
                showMessage(JoinView.INVALID_TEXT);
            }
            return;
        } catch (AccessDeniedException e) {
            showMessage(JoinView.INVALID_TEXT);
            return;
        }
        sessionId = state.candidate().sessionId();
        // Later mails to the candidate give the time in the zone their browser names (decision 0045).
        room.rememberZone(BrowserZone.of(event.getUI()).map(java.time.ZoneId::getId).orElse(null));
        var brand = new Span("mockpanel");
        brand.addClassName("room-brand");
        name.addClassName("room-name");
        var header = new Header(brand, name);
        header.addClassName("room-header");
        add(header, call, announcer, content, starCard());
        render();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        if (state != null && connection == null) {
            // Woken only by what the room shows or acts on, never by the panel's notes and scores.
            connection = LiveConnection.open(attachEvent.getUI(), sessionId, presence, bus,
                    SessionEventBus.Audience.CANDIDATE, this::render, this::everyFewSeconds);
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
        name.setText(screen.candidateName());
        clarify.setEnabled(screen.state() == SessionState.LIVE);
        call.show(screen);
        content.show(screen).ifPresent(announcer::setText);
    }

    /**
     * The slow poll (every 15 s): a link can also end by expiring, which writes no event; and the
     * room catches up by sequence, so a wake-up that never arrived (a hint lost between nodes, a
     * task that could not be queued) leaves it stale for seconds, not for the rest of the session.
     * With nothing new it costs one query and changes nothing on screen.
     */
    private void everyFewSeconds() {
        checkAccess();
        render();
    }

    /** A link can also end by expiring, which writes no event. */
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
            showMessage(JoinView.INVALID_TEXT);
        } else {
            showEnded();
        }
    }

    private Div showMessage(String text) {
        removeAll();
        var message = new Paragraph(text);
        message.setId("invite-message");
        message.addClassName("invite-message");
        var page = new Div(new H1("mockpanel"), message);
        page.addClassName("room-closed");
        add(page);
        return page;
    }

    /** The calm closing screen, and under it what other features offer a candidate afterwards. */
    private void showEnded() {
        Div page = showMessage(ENDED_TEXT);
        for (RoomEpilogue epilogue : epilogues) {
            epilogue.create().ifPresent(part -> {
                page.addClassName("with-epilogue");
                page.add(part);
            });
        }
    }

    private void disconnect() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    private void requestClarification() {
        try {
            room.requestClarification();
            Notifications.success("The panel has been told you would like a clarification.");
        } catch (RoomClosedException | AccessDeniedException | AuthenticationException e) {
            close(e instanceof RoomClosedException closed && closed.sessionEnded());
        } catch (SessionException e) {
            Notifications.error(e.getMessage());
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
}
