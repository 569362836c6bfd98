package io.mockpanel.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestUsers;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Login CSRF over real HTTP: a form posted to /login from another site (no token, or a token that
 * is not this session's) must not sign anyone in; the token the login page carries does.
 */
@IntegrationTest
class LoginCsrfTest {

    private static final String PASSWORD = "csrf-test-password";

    @LocalServerPort
    int port;

    @Autowired
    AccountService accountService;

    @Test
    void a_login_post_without_token_does_not_sign_in() {
        String username = account();
        var victim = new Browserless(port);
        victim.get("/login");

        var response = victim.post("/login", Map.of("username", username, "password", PASSWORD));

        assertRefused(response);
        assertThat(victim.opens("/sessions")).isFalse();
    }

    @Test
    void a_login_post_from_a_browser_that_never_saw_the_app_does_not_sign_in() {
        String username = account();
        var victim = new Browserless(port);

        var response = victim.post("/login", Map.of("username", username, "password", PASSWORD));

        assertRefused(response);
        assertThat(victim.opens("/sessions")).isFalse();
    }

    @Test
    void a_login_post_with_a_wrong_token_does_not_sign_in() {
        String username = account();
        var victim = new Browserless(port);
        // a real token, but of the attacker's own session
        Map<String, String> attackersToken = new Browserless(port).csrfFieldOfLoginPage();
        victim.get("/login");

        Map<String, String> form = new LinkedHashMap<>(attackersToken);
        form.put("username", username);
        form.put("password", PASSWORD);
        var response = victim.post("/login", form);

        assertRefused(response);
        assertThat(victim.opens("/sessions")).isFalse();
    }

    @Test
    void the_token_of_the_login_page_signs_in() {
        String username = account();
        var browser = new Browserless(port);

        var response = browser.signIn(username, PASSWORD);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        assertThat(browser.opens("/sessions")).isTrue();
    }

    /** Spring's 403 for the missing token ends on the login page (the error page needs a sign-in). */
    private static void assertRefused(java.net.http.HttpResponse<String> response) {
        System.out.println("CSRF refused login POST: " + response.statusCode() + " " + response.headers().firstValue("Location").orElse(""));
        if (response.statusCode() == 302) {
            assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login"));
        } else {
            assertThat(response.statusCode()).isEqualTo(403);
        }
    }

    private String account() {
        String username = Unique.username("csrf");
        TestUsers.signIn(Unique.username("setup"), AppRoles.ADMIN);
        try {
            accountService.createAccount(new NewAccount(username, "Person " + username, AccountRole.INTERVIEWER, PASSWORD));
        } finally {
            TestUsers.signOut();
        }
        return username;
    }
}
