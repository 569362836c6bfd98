package io.mockpanel.panel.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import io.mockpanel.panel.CandidatePrincipal;
import io.mockpanel.panel.InviteService;
import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.panel.SessionEvent;
import io.mockpanel.panel.SessionEventLog;
import io.mockpanel.panel.SessionEvents;
import io.mockpanel.support.KaribuTest;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import jakarta.servlet.http.Cookie;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Opening an invite link: every unusable link looks the same; a valid one asks for a name, signs the
 * candidate in and opens the room; a returning browser goes straight in.
 */
class JoinViewTest extends KaribuTest {

    @AfterEach
    void closeView() {
        PanelViewSupport.closeView();
    }

    @Autowired
    TestPanel testPanel;

    @Autowired
    InviteService invites;

    @Autowired
    PanelSessionService sessions;

    @Autowired
    SessionEventLog log;

    private TestPanel.Panel panel;

    @BeforeEach
    void createPanel() {
        panel = testPanel.live();
    }

    /** Issues (or re-issues) the link as the lead; puts back whoever was signed in (here nobody). */
    private String issue() {
        return TestUsers.as(panel.lead(), "INTERVIEWER", () -> invites.issue(panel.sessionId()).token());
    }

    private void asLead(Runnable action) {
        TestUsers.as(panel.lead(), "INTERVIEWER", action);
    }

    private static void open(String token) {
        UI.getCurrent().navigate("join/" + token);
        MockVaadin.clientRoundtrip(false);
    }

    private static String message() {
        return _get(Paragraph.class, spec -> spec.withId("invite-message")).getText();
    }

    private void assertInvalidPage() {
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(JoinView.class);
        assertThat(message()).isEqualTo(JoinView.INVALID_TEXT);
        assertThat(_find(Button.class, spec -> spec.withId("join-session"))).isEmpty();
        String everything = String.join("\n", PanelViewSupport.allTexts());
        assertThat(everything).doesNotContain("Casey").doesNotContain(panel.lead().substring(5));
    }

    @Test
    void an_unknown_or_malformed_token_shows_the_invalid_text_and_nothing_else() {
        open(InviteService.newBrowserKey());
        assertInvalidPage();

        open("not-a-token");
        assertInvalidPage();
    }

    @Test
    void a_revoked_a_replaced_and_an_ended_sessions_link_show_the_very_same_text() {
        String revoked = issue();
        asLead(() -> invites.revoke(panel.sessionId()));
        open(revoked);
        assertInvalidPage();

        String replaced = issue();
        String current = issue();
        open(replaced);
        assertInvalidPage();

        asLead(() -> sessions.end(panel.sessionId()));
        open(current);
        assertInvalidPage();
    }

    @Test
    void a_link_bound_to_another_browser_shows_the_in_use_text() {
        String token = issue();
        invites.join(token, InviteService.newBrowserKey(), "Casey", "127.0.0.1");

        open(token);

        assertThat(message()).isEqualTo(JoinView.IN_USE_TEXT);
        assertThat(_find(Button.class, spec -> spec.withId("join-session"))).isEmpty();
    }

    @Test
    void a_valid_link_asks_for_the_name_the_panel_will_see() {
        String token = issue();

        open(token);

        JoinView view = _get(JoinView.class);
        assertThat(view.name.getValue()).isEqualTo("Casey Candidate");
        assertThat(_get(Button.class, spec -> spec.withId("join-session")).getText()).isEqualTo("Join the session");
        assertThat(_find(Paragraph.class, spec -> spec.withId("invite-message"))).isEmpty();
        asLead(() -> assertThat(invites.status(panel.sessionId()).bound()).isFalse());
    }

    @Test
    void joining_signs_the_candidate_in_remembers_the_browser_and_opens_the_room() {
        String token = issue();
        PanelViewSupport.useSpringSecurityRequestWrapper();
        open(token);
        JoinView view = _get(JoinView.class);

        view.name.setValue("  Casey C.  ");
        _click(_get(Button.class, spec -> spec.withId("join-session")));
        MockVaadin.clientRoundtrip(false);

        var authentication = SecurityContextHolder.getContext().getAuthentication();
        assertThat(authentication.getPrincipal()).isInstanceOfSatisfying(CandidatePrincipal.class, candidate -> {
            assertThat(candidate.sessionId()).isEqualTo(panel.sessionId());
            assertThat(candidate.displayName()).isEqualTo("Casey C.");
            assertThat(candidate.grant()).isNotNull();
        });
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_CANDIDATE");
        var saved = (SecurityContext) PanelViewSupport.fakeRequest().getSession()
                .getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(saved).as("kept in the HTTP session for the next requests").isNotNull();
        assertThat(saved.getAuthentication().getPrincipal()).isEqualTo(authentication.getPrincipal());

        Cookie cookie = PanelViewSupport.fakeResponse().getCookie(CandidateSignIn.BROWSER_COOKIE);
        assertThat(cookie.getValue()).matches("[A-Za-z0-9_-]{43}");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(cookie.getMaxAge()).isEqualTo(30 * 24 * 3600);
        assertThat(invites.check(token, cookie.getValue()))
                .isEqualTo(new io.mockpanel.panel.InviteCheck.Valid(panel.sessionId(), "Casey C.", true));

        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(CandidateRoomView.class);
        assertThat(_find(JoinView.class)).isEmpty();
        List<SessionEvent> joined = log.after(panel.sessionId(), 0).stream()
                .filter(e -> e.is(SessionEvents.CandidateJoined.class)).toList();
        assertThat(joined).hasSize(1);
        assertThat(joined.getFirst().decode()).isEqualTo(new SessionEvents.CandidateJoined("Casey C.", true));
    }

    @Test
    void a_browser_that_already_joined_goes_straight_back_into_the_room() {
        String token = issue();
        String browser = InviteService.newBrowserKey();
        CandidatePrincipal joined = invites.join(token, browser, "Casey C.", "127.0.0.1");
        PanelViewSupport.fakeRequest().setCookiesInt(new Cookie[] {new Cookie(CandidateSignIn.BROWSER_COOKIE, browser)});
        PanelViewSupport.useSpringSecurityRequestWrapper();

        open(token);

        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(CandidateRoomView.class);
        assertThat(SecurityContextHolder.getContext().getAuthentication().getPrincipal())
                .as("the same grant as before").isEqualTo(joined);
    }

    @Test
    void a_blank_name_is_refused_on_the_field_and_the_link_stays_free() {
        String token = issue();
        open(token);
        JoinView view = _get(JoinView.class);

        view.name.setValue("   ");
        _click(_get(Button.class, spec -> spec.withId("join-session")));

        assertThat(view.name.isInvalid()).isTrue();
        assertThat(view.name.getErrorMessage())
                .isEqualTo("The name the panel should see is required (1 to 100 characters).");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(JoinView.class);
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
        asLead(() -> assertThat(invites.status(panel.sessionId()).bound()).isFalse());
    }

    @Test
    void a_link_that_stops_working_while_the_form_is_open_shows_the_invalid_text_on_joining() {
        String token = issue();
        open(token);
        JoinView view = _get(JoinView.class);
        asLead(() -> invites.revoke(panel.sessionId()));

        _click(_get(Button.class, spec -> spec.withId("join-session")));

        assertThat(message()).isEqualTo(JoinView.INVALID_TEXT);
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
        assertThat(view.isAttached()).isTrue();
    }
}
