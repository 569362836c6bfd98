package io.mockpanel.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import io.mockpanel.base.ui.MainLayout;
import io.mockpanel.support.KaribuTest;
import io.mockpanel.support.TestUsers;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** The shell around signed-in views: who is signed in, how to sign out, and the menu by role. */
class SignedInShellTest extends KaribuTest {

    @Autowired
    AccountService accountService;

    @Autowired
    AuthenticationProvider authenticationProvider;

    /**
     * Karibu 2.6.2 registers routes but not {@code @Layout} classes, so the shell is registered
     * here, in this test's own mock servlet context, before any navigation.
     */
    @BeforeEach
    void registerTheShell() {
        ApplicationRouteRegistry.getInstance(VaadinService.getCurrent().getContext()).setLayout(MainLayout.class);
    }

    @Test
    void signed_in_user_sees_their_name_role_and_a_sign_out_button() {
        String username = Unique.username("dana");
        login(username, AppRoles.INTERVIEWER);

        UI.getCurrent().navigate("");

        _assertOne(MainLayout.class);
        assertThat(_get(Button.class, spec -> spec.withId("sign-out")).getText()).isEqualTo("Sign out");
        _assertOne(Span.class, spec -> spec.withText(username));
        _assertOne(Span.class, spec -> spec.withText("interviewer").withClasses("user-role"));
    }

    @Test
    void real_account_is_shown_by_its_display_name() {
        String username = Unique.username("casey");
        TestUsers.signIn(Unique.username("boss"), AppRoles.ADMIN);
        accountService.createAccount(new NewAccount(username, "Casey Example", AccountRole.COACH, "casey-password-1"));
        signInThroughTheProvider(username, "casey-password-1", AppRoles.COACH);

        UI.getCurrent().navigate("");

        _assertOne(Span.class, spec -> spec.withText("Casey Example"));
        _assertOne(Span.class, spec -> spec.withText("coach").withClasses("user-role"));
        assertThat(_find(Span.class, spec -> spec.withText(username))).isEmpty();
        _assertOne(Button.class, spec -> spec.withId("sign-out"));
    }

    @Test
    void sign_out_button_ends_the_sign_in() {
        login(Unique.username("dana"), AppRoles.INTERVIEWER);
        UI.getCurrent().navigate("");
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNotNull();

        _click(_get(Button.class, spec -> spec.withId("sign-out")));

        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
    }

    @Test
    void admin_menu_has_the_accounts_entry() {
        login(Unique.username("boss"), AppRoles.ADMIN);

        UI.getCurrent().navigate("");

        assertThat(menuLabels()).contains("Accounts", "Scenario library");
        SideNavItem accounts = _get(SideNavItem.class, spec -> spec.withPredicate(i -> "Accounts".equals(i.getLabel())));
        assertThat(accounts.getPath()).isEqualTo("admin/accounts");
    }

    @Test
    void interviewer_menu_has_no_accounts_entry() {
        login(Unique.username("dana"), AppRoles.INTERVIEWER);

        UI.getCurrent().navigate("");

        assertThat(menuLabels()).contains("Scenario library").doesNotContain("Accounts");
    }

    @Test
    void coach_menu_has_no_accounts_entry() {
        login(Unique.username("casey"), AppRoles.COACH);

        UI.getCurrent().navigate("");

        assertThat(menuLabels()).contains("Scenario library").doesNotContain("Accounts");
    }

    private static List<String> menuLabels() {
        return _find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
    }

    /** Like {@code login}, but with the Authentication the real provider returns for an account. */
    private void signInThroughTheProvider(String username, String password, String role) {
        var token = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        token.setDetails(new WebAuthenticationDetails(Unique.address(), null));
        Authentication authentication = authenticationProvider.authenticate(token);
        SecurityContextHolder.getContext().setAuthentication(authentication);
        var request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((principal, r) -> r.equals(role));
    }
}
