package io.mockpanel.security.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.mockpanel.security.DemoMode;
import io.mockpanel.security.LoginThrottledException;
import org.springframework.security.web.WebAttributes;

/**
 * Sign-in for interviewers, coaches and admins. Every failure reads the same, except throttling,
 * which says to wait: neither tells whether the account exists.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · mockpanel")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    static final String BAD_CREDENTIALS_TITLE = "Incorrect username or password";
    static final String BAD_CREDENTIALS_MESSAGE = "Check both and try again. After 10 failed attempts, "
            + "sign-in from this network is paused for 15 minutes.";
    static final String THROTTLED_TITLE = "Too many failed sign-ins";
    static final String THROTTLED_MESSAGE = "Too many failed sign-ins from this network: sign-in from here is "
            + "paused. Wait 15 minutes and try again, or ask an admin to reset your password.";

    private final LoginForm login = new LoginForm();

    LoginView(DemoMode demoMode) {
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        var title = new H1("mockpanel");
        title.addClassName("login-brand");
        var tagline = new Paragraph("Live mock interview panels for engineering leadership roles");
        tagline.addClassName("login-tagline");

        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        login.setI18n(i18n(BAD_CREDENTIALS_TITLE, BAD_CREDENTIALS_MESSAGE));

        add(title, tagline, login);
        if (demoMode.active()) {
            add(demoHint());
        }
    }

    private static Div demoHint() {
        var hint = new Div();
        hint.addClassName("demo-hint");
        hint.setId("demo-hint");
        hint.add(new Paragraph("Development database: demo accounts admin, interviewer, interviewer2 and coach, "
                + "password mockpanel-demo."));
        return hint;
    }

    private static LoginI18n i18n(String errorTitle, String errorMessage) {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getErrorMessage().setTitle(errorTitle);
        i18n.getErrorMessage().setMessage(errorMessage);
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("logout")) {
            var signedOut = new Paragraph("You have signed out.");
            signedOut.addClassName("signed-out");
            signedOut.setId("signed-out");
            signedOut.getElement().setAttribute("role", "status");
            addComponentAtIndex(2, signedOut);
        }
        if (parameters.containsKey("error")) {
            if (lastFailureWasThrottling()) {
                login.setI18n(i18n(THROTTLED_TITLE, THROTTLED_MESSAGE));
            }
            login.setError(true);
        }
    }

    /** Spring Security leaves the last failure in the HTTP session when it redirects here. */
    private static boolean lastFailureWasThrottling() {
        VaadinSession session = VaadinSession.getCurrent();
        return session != null
                && session.getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION)
                        instanceof LoginThrottledException;
    }
}
