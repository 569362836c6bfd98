package io.mockpanel.panel.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.mockpanel.base.LogContext;
import io.mockpanel.base.ui.UiLogContext;
import io.mockpanel.panel.CandidatePrincipal;
import io.mockpanel.panel.InviteCheck;
import io.mockpanel.panel.InviteRefusedException;
import io.mockpanel.panel.InviteService;
import io.mockpanel.panel.RateLimitedException;
import io.mockpanel.panel.SessionException;

/**
 * Where an invite link lands. A valid link asks for the name to show and opens the candidate room;
 * any unusable link gets the same plain page, which says nothing about any session.
 */
@Route(value = "join/:token", autoLayout = false)
@PageTitle("Join your mock panel")
@AnonymousAllowed
class JoinView extends VerticalLayout implements BeforeEnterObserver {

    static final String INVALID_TEXT = "This invite link cannot be used. It may have expired or been replaced. "
            + "Ask your interviewer for a new link.";
    static final String IN_USE_TEXT = "This invite link is already in use in another browser. To continue here, "
            + "ask your interviewer to release the link, then open it again.";

    private final InviteService invites;
    private String token = "";

    final TextField name = new TextField("Your name, as the panel will see it");
    final Button join = new Button("Join the session");

    JoinView(InviteService invites) {
        this.invites = invites;
        addClassName("join-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse("");
        InviteCheck check = invites.check(token, CandidateSignIn.browserKey());
        if (check instanceof InviteCheck.Valid valid) {
            // Whoever holds a valid link acts as that session's candidate, in the log too (decision 0043).
            UiLogContext.aboutSession(event.getUI(), valid.sessionId(), LogContext.candidateActor(valid.sessionId()));
        }
        switch (check) {
            case InviteCheck.Valid valid when valid.returning() -> enter(valid.candidateName(), event);
            case InviteCheck.Valid valid -> showNameForm(valid.candidateName());
            case InviteCheck.InUseElsewhere inUse -> showMessage(IN_USE_TEXT);
            case InviteCheck.Invalid invalid -> showMessage(INVALID_TEXT);
        }
    }

    private void showNameForm(String suggestedName) {
        removeAll();
        var heading = new H1("Join your mock panel");
        var intro = new Paragraph("You will see the interview prompts here as the panel shares them. "
                + "No account is needed; this link works in this browser.");
        intro.addClassName("login-tagline");
        name.setValue(suggestedName);
        name.setMaxLength(100);
        name.setRequired(true);
        name.setWidth("min(22rem, 100%)");
        join.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        join.setId("join-session");
        join.addClickListener(e -> join(name.getValue()));
        join.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        add(heading, intro, name, join);
    }

    private void showMessage(String text) {
        removeAll();
        var message = new Paragraph(text);
        message.setId("invite-message");
        message.addClassName("invite-message");
        add(new H1("mockpanel"), message);
    }

    void join(String displayName) {
        String key = CandidateSignIn.browserKey();
        if (key == null) {
            key = InviteService.newBrowserKey();
            CandidateSignIn.rememberBrowser(key);
        }
        try {
            CandidatePrincipal candidate = invites.join(token, key, displayName, CandidateSignIn.clientAddress());
            CandidateSignIn.signIn(candidate);
            getUI().ifPresent(ui -> ui.navigate(CandidateRoomView.class));
        } catch (InviteRefusedException e) {
            showMessage(e.verdict() instanceof InviteCheck.InUseElsewhere ? IN_USE_TEXT : INVALID_TEXT);
        } catch (SessionException e) {
            name.setErrorMessage(e.getMessage());
            name.setInvalid(true);
        }
    }

    /** A returning browser goes straight back into the room. */
    private void enter(String candidateName, BeforeEnterEvent event) {
        String key = CandidateSignIn.browserKey();
        try {
            CandidateSignIn.signIn(invites.join(token, key == null ? "" : key, candidateName,
                    CandidateSignIn.clientAddress()));
            event.forwardTo(CandidateRoomView.class);
        } catch (RateLimitedException e) {
            showMessage(e.getMessage());
        } catch (InviteRefusedException | SessionException e) {
            showMessage(INVALID_TEXT);
        }
    }
}
