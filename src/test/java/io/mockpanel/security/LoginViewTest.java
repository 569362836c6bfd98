package io.mockpanel.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import io.mockpanel.security.ui.LoginView;
import io.mockpanel.support.KaribuTest;
import org.junit.jupiter.api.Test;

class LoginViewTest extends KaribuTest {

    @Test
    void anonymous_visitor_is_sent_to_the_login_view() {
        UI.getCurrent().navigate("");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(LoginView.class);
        assertThat(_get(LoginForm.class).getAction()).isEqualTo("login");
    }

    @Test
    void signed_in_interviewer_reaches_the_library() {
        login("dana", "INTERVIEWER");
        UI.getCurrent().navigate("");
        MockVaadin.clientRoundtrip(false);
        assertThat(UI.getCurrent().getCurrentView()).isNotInstanceOf(LoginView.class);
    }
}
