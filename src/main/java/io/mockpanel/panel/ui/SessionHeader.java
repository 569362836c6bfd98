package io.mockpanel.panel.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.mockpanel.base.ui.Badge;
import io.mockpanel.base.ui.Confirmation;
import io.mockpanel.panel.PresenceService;
import io.mockpanel.panel.SessionDetails;
import io.mockpanel.panel.SessionMember;
import io.mockpanel.panel.SessionRole;
import io.mockpanel.panel.SessionState;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The console's top line: the session's title and state, who is online (the candidate first),
 * the lead's lifecycle buttons, and the way to the invite link once the candidate is in.
 * Observers see an "Observing" label instead of controls they could not use.
 */
final class SessionHeader extends Div {

    private final Span stateBadge = Badge.of("");
    private final Span candidateBadge = Badge.of("", "contrast");
    private final UnorderedList people = new UnorderedList();
    /** "Panel: 2 of 3 online", shown instead of the list where the screen is narrow. */
    private final Span panelSummary = new Span();
    final Button start = new Button("Start session");
    final Button end = new Button("End session");
    final Button cancel = new Button("Cancel session");
    /** Opens the invite card once it has left the main view (the candidate joined). */
    final Button invite = new Button("Invite link", VaadinIcon.LINK.create());
    final Button shortcuts = new Button(VaadinIcon.KEYBOARD_O.create());
    /** Once the session is over: its review page (the console stays for the scoring still open). */
    final Button review = new Button("Open the review", VaadinIcon.FILE_TEXT_O.create());

    /** The lead's lifecycle commands run only for the lead; end and cancel after the user confirmed. */
    SessionHeader(SessionDetails session, SessionRole role, Runnable onStart, Runnable onEnd, Runnable onCancel) {
        addClassName("console-header");
        var heading = new H2(session.title());
        heading.addClassName("console-title");
        // The navigation bar above already shows the title; the heading stays for screen readers.
        heading.addClassName("visually-hidden");
        stateBadge.setId("session-state");
        candidateBadge.setId("candidate-presence");
        var line = new Div(heading, stateBadge);
        line.addClassName("console-title-line");
        if (role == SessionRole.OBSERVER) {
            var observing = Badge.of("Observing", "contrast");
            observing.setId("observing");
            observing.getElement().setAttribute("title", "You watch this session; only the panel can act in it.");
            line.add(observing);
        }
        people.addClassName("presence-list");
        panelSummary.addClassName("panel-summary");
        panelSummary.setId("panel-summary");
        var presence = new Div(candidateBadge, people, panelSummary);
        presence.addClassName("presence-line");
        invite.setId("show-invite");
        invite.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        invite.setVisible(false);
        presence.add(invite);

        var buttons = new Div();
        buttons.addClassName("console-actions");
        if (role == SessionRole.LEAD) {
            start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            start.setId("start-session");
            start.addClickListener(e -> onStart.run());
            end.setId("end-session");
            end.addClickListener(e -> Confirmation.ask("confirm-end", "End the session?",
                    "The candidate's screen shows that the session is over and their link stops working. "
                            + "Notes and scores stay open for the panel.",
                    "End session", onEnd));
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            cancel.setId("cancel-session");
            cancel.addClickListener(e -> Confirmation.ask("confirm-cancel", "Cancel the session?",
                    "It is marked cancelled for good: the candidate's screen shows that the session is over, "
                            + "their link stops working, and no more scores can be given.",
                    "Cancel session", onCancel));
            buttons.add(start, end, cancel);
        }
        review.setId("open-review");
        review.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        review.setVisible(false);
        buttons.add(review);
        shortcuts.setId("show-shortcuts");
        shortcuts.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        shortcuts.setAriaLabel("Keyboard shortcuts");
        shortcuts.setTooltipText("Keyboard shortcuts (?)");
        buttons.add(shortcuts);
        add(line, presence, buttons);
    }

    /** Puts {@code part} (the schedule line) right after the title and state. */
    void addAfterTitle(com.vaadin.flow.component.Component part) {
        addComponentAtIndex(1, part);
    }

    void showState(SessionState state) {
        stateBadge.setText(state.label());
        stateBadge.getElement().getThemeList().clear();
        stateBadge.getElement().getThemeList().add("badge");
        for (String variant : MySessionsView.stateVariant(state)) {
            stateBadge.getElement().getThemeList().add(variant);
        }
        start.setVisible(state == SessionState.SCHEDULED);
        end.setVisible(state == SessionState.LIVE);
        cancel.setVisible(state == SessionState.SCHEDULED || state == SessionState.LIVE);
        review.setVisible(state == SessionState.COMPLETED || state == SessionState.CANCELLED);
    }

    /** Who is online, from the open screens (a person is online while one of their screens is). */
    void showPresence(SessionDetails session, List<PresenceService.Presence> presence) {
        Map<String, Integer> screens = presence.stream()
                .collect(Collectors.toMap(PresenceService.Presence::participant, PresenceService.Presence::screens));
        int candidateScreens = screens.getOrDefault(PresenceService.CANDIDATE, 0);
        boolean candidateOnline = candidateScreens > 0;
        candidateBadge.setText("Candidate " + session.candidateName() + (candidateOnline
                ? ": connected" + (candidateScreens > 1 ? " (" + candidateScreens + " tabs)" : "")
                : ": not connected"));
        candidateBadge.getElement().setAttribute("data-online", Boolean.toString(candidateOnline));
        candidateBadge.getElement().getThemeList().remove(candidateOnline ? "contrast" : "success");
        candidateBadge.getElement().getThemeList().add(candidateOnline ? "success" : "contrast");
        people.removeAll();
        List<String> online = new java.util.ArrayList<>();
        for (SessionMember member : session.members()) {
            boolean on = screens.getOrDefault(member.username(), 0) > 0;
            if (on) {
                online.add(member.displayName());
            }
            var item = new ListItem(new Span(on ? "●" : "○"), new Span(" " + member.displayName() + " · "
                    + member.role().label()));
            item.addClassName(on ? "online" : "offline");
            item.getElement().setAttribute("aria-label", member.displayName() + (on ? " online" : " offline"));
            item.getElement().setAttribute("data-online", Boolean.toString(on));
            item.getElement().setAttribute("data-username", member.username());
            people.add(item);
        }
        panelSummary.setText("Panel: " + online.size() + " of " + session.members().size() + " online");
        panelSummary.getElement().setAttribute("title", online.isEmpty() ? "Nobody of the panel is online"
                : "Online: " + String.join(", ", online));
    }
}
