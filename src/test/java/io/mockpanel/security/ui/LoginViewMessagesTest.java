package io.mockpanel.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import io.mockpanel.security.LoginThrottledException;
import io.mockpanel.support.KaribuTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.web.WebAttributes;
import tools.jackson.databind.JsonNode;

/** What the login page says after a failed sign-in: one generic message, or the throttling one. */
class LoginViewMessagesTest extends KaribuTest {

    @Test
    void login_page_without_error_shows_no_error() {
        UI.getCurrent().navigate("login");

        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isFalse();
        assertThat(form.getAction()).isEqualTo("login");
        assertThat(form.isForgotPasswordButtonVisible()).isFalse();
    }

    @Test
    void failed_sign_in_shows_the_generic_error() {
        navigateToLoginWithError();

        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        assertThat(errorTitle(form)).isEqualTo(LoginView.BAD_CREDENTIALS_TITLE);
        assertThat(errorMessage(form)).isEqualTo(LoginView.BAD_CREDENTIALS_MESSAGE);
    }

    @Test
    void wrong_password_and_disabled_account_read_the_same() {
        for (var failure : new RuntimeException[] {new BadCredentialsException("x"), new DisabledException("x")}) {
            VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, failure);
            navigateToLoginWithError();

            LoginForm form = _get(LoginForm.class);
            assertThat(form.isError()).isTrue();
            assertThat(errorTitle(form)).as(failure.getClass().getSimpleName())
                    .isEqualTo(LoginView.BAD_CREDENTIALS_TITLE);
        }
    }

    @Test
    void throttled_sign_in_shows_the_pause_message() {
        VaadinSession.getCurrent().getSession()
                .setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, new LoginThrottledException());

        navigateToLoginWithError();

        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        assertThat(errorTitle(form)).isEqualTo(LoginView.THROTTLED_TITLE);
        assertThat(errorMessage(form)).isEqualTo(LoginView.THROTTLED_MESSAGE).contains("15 minutes");
    }

    @Test
    void throttling_left_in_the_session_is_not_shown_without_the_error_parameter() {
        VaadinSession.getCurrent().getSession()
                .setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, new LoginThrottledException());

        UI.getCurrent().navigate("login");

        assertThat(_get(LoginForm.class).isError()).isFalse();
    }

    @Test
    void login_page_does_not_mention_demo_accounts_when_there_are_none() {
        UI.getCurrent().navigate("login");

        _assertNone(Div.class, spec -> spec.withId("demo-hint"));
    }

    private static void navigateToLoginWithError() {
        UI.getCurrent().navigate("login", new QueryParameters(Map.of("error", java.util.List.of())));
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(LoginView.class);
    }

    private static String errorTitle(LoginForm form) {
        return i18n(form).path("errorMessage").path("title").asString();
    }

    private static String errorMessage(LoginForm form) {
        return i18n(form).path("errorMessage").path("message").asString();
    }

    /** LoginForm's getI18n() is package-private; the i18n object lives in the element's property. */
    private static JsonNode i18n(LoginForm form) {
        return (JsonNode) form.getElement().getPropertyRaw("i18n");
    }
}
