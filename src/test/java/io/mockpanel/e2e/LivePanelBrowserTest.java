package io.mockpanel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.LoadState;
import io.mockpanel.security.AccountRole;
import io.mockpanel.security.AccountService;
import io.mockpanel.security.NewAccount;
import io.mockpanel.support.Browsers;
import io.mockpanel.support.TestDatabaseConfiguration;
import io.mockpanel.support.TestUsers;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A whole panel in real Chromium, one browser context per person: the lead sets up a session and
 * invites the candidate, the candidate joins by link, the lead pushes the situation and a
 * question, and the candidate sees each, live.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestDatabaseConfiguration.class)
class LivePanelBrowserTest {

    private static final String PASSWORD = "browser-test-password";
    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @BeforeAll
    static void startBrowser() {
        playwright = Browsers.playwright();
        browser = Browsers.launch(playwright);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void lead_invites_and_pushes_and_the_candidate_sees_each_prompt_live() {
        String suffix = Long.toString(ThreadLocalRandom.current().nextLong(1L << 30, 1L << 40), 36);
        String lead = "e2e-lead-" + suffix;
        String panelist = "e2e-pan-" + suffix;
        TestUsers.signIn("e2e-admin", "ADMIN");
        accounts.createAccount(new NewAccount(lead, "Erin Lead", AccountRole.INTERVIEWER, PASSWORD));
        accounts.createAccount(new NewAccount(panelist, "Pia Panelist", AccountRole.INTERVIEWER, PASSWORD));
        TestUsers.signOut();

        Page leadPage = signedIn(lead);
        leadPage.navigate(url("sessions/new"));
        settle(leadPage);
        leadPage.locator("vaadin-text-field").nth(0).locator("input").fill("Browser panel " + suffix);
        leadPage.locator("vaadin-text-field").nth(1).locator("input").fill("Casey Candidate");
        leadPage.locator("vaadin-combo-box input").click();
        leadPage.keyboard().type("Crisis");
        leadPage.locator("vaadin-combo-box-item").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Crisis")).first().click();
        leadPage.locator("#agenda-list").getByText("Crisis Management").waitFor();
        leadPage.locator("#create-session").click();
        leadPage.locator("#issue-invite").click();
        String link = leadPage.locator("#invite-link input").inputValue();
        assertThat(link).matches(".*/join/[A-Za-z0-9_-]{43}");

        Page candidate = browser.newContext().newPage();
        candidate.navigate(link);
        candidate.locator("#join-session").click();
        candidate.locator("#room-content").getByText("has not started yet").waitFor();

        leadPage.locator("#start-session").click();
        leadPage.locator("#session-state").getByText("Live").waitFor();
        leadPage.locator("#candidate-presence").getByText("connected").waitFor();

        // Overview, then situation: the candidate sees the situation text.
        leadPage.locator("#push-next").click();
        leadPage.locator("#push-next").click();
        candidate.locator(".room-section").getByText("critical production system").waitFor();
        assertThat(candidate.locator(".room-questions").count()).isZero();

        // Skip to the first question by pushing it from the tree.
        leadPage.locator("vaadin-button[aria-label='Push: How would you structure the incident response?']").click();
        candidate.locator(".room-questions li.newest").getByText("How would you structure the incident response?")
                .waitFor();
        assertThat(candidate.content()).doesNotContain("What escalation procedures would you follow?");

        // A reload of either side shows the same state, rebuilt from the stored events.
        candidate.reload();
        candidate.locator(".room-questions li.newest").getByText("How would you structure the incident response?")
                .waitFor();
        leadPage.reload();
        leadPage.locator("#mirror").getByText("How would you structure the incident response?").waitFor();

        // A second link opened elsewhere is refused while the first browser holds it.
        Page elsewhere = browser.newContext().newPage();
        elsewhere.navigate(link);
        assertThat(elsewhere.locator("#invite-message").textContent()).contains("already in use");
    }

    private Page signedIn(String username) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900));
        Page page = context.newPage();
        page.navigate(url("login"));
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill(PASSWORD);
        page.locator("vaadin-login-form vaadin-button[theme~=primary]").click();
        page.waitForURL(u -> !u.contains("/login"));
        settle(page);
        return page;
    }

    private static void settle(Page page) {
        page.waitForLoadState(LoadState.NETWORKIDLE);
    }

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }
}
