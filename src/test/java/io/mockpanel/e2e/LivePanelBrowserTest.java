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
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestUsers;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A whole panel in real Chromium, one browser context per person: the lead sets up a session with
 * a co-panelist and invites the candidate, the candidate joins by link, the lead pushes the
 * situation and a question and the candidate sees each, live; lead and co-panelist write notes
 * and score; both reload and see the same state; the candidate's page never holds a note.
 */
@IntegrationTest
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
    void a_whole_panel_runs_live_across_lead_panelist_and_candidate_and_survives_reloads() {
        String suffix = Long.toString(ThreadLocalRandom.current().nextLong(1L << 30, 1L << 40), 36);
        String lead = "e2e-lead-" + suffix;
        String panelist = "e2e-pan-" + suffix;
        TestUsers.signIn("e2e-admin", "ADMIN");
        accounts.createAccount(new NewAccount(lead, "Erin Lead", AccountRole.INTERVIEWER, PASSWORD));
        accounts.createAccount(new NewAccount(panelist, "Pia Panelist " + suffix, AccountRole.INTERVIEWER, PASSWORD));
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
        // Other tests leave many interviewers in a shared database: filter by this run's name.
        leadPage.locator("vaadin-multi-select-combo-box").nth(0).locator("input").click();
        leadPage.keyboard().type(suffix);
        leadPage.locator("vaadin-multi-select-combo-box-item").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Pia Panelist " + suffix)).first().click();
        leadPage.keyboard().press("Escape");
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
        // Exactly "connected": "not connected" must not satisfy this check.
        leadPage.locator("#candidate-presence[data-online='true']").getByText("Candidate Casey Candidate: connected",
                new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true)).waitFor();

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

        // The lead and a co-panelist write notes; each appears in the other's timeline, live.
        String consolePath = leadPage.url();
        Page panelistPage = signedIn(panelist);
        panelistPage.navigate(consolePath);
        writeNote(leadPage, "LEAD-NOTE " + suffix + " named an incident commander first");
        writeNote(panelistPage, "PANEL-NOTE " + suffix + " quantified the blast radius");
        leadPage.locator("#notes-timeline").getByText("PANEL-NOTE " + suffix).waitFor();
        panelistPage.locator("#notes-timeline").getByText("LEAD-NOTE " + suffix).waitFor();

        // Both score the scenario blind; the lead reveals once both submitted.
        score(leadPage, 3);
        score(panelistPage, 4);
        leadPage.locator("#reveal-scores").click();
        leadPage.locator("#scoring-revealed").waitFor();
        panelistPage.locator("#scoring-revealed").waitFor();

        // Both reload and see the same state, read back from PostgreSQL.
        for (Page page : new Page[] {leadPage, panelistPage}) {
            page.reload();
            page.locator("#notes-timeline").getByText("LEAD-NOTE " + suffix).waitFor();
            page.locator("#notes-timeline").getByText("PANEL-NOTE " + suffix).waitFor();
            page.locator("#scoring-revealed").waitFor();
            page.locator("#mirror").getByText("How would you structure the incident response?").waitFor();
        }

        // Nothing of the notes ever reaches the candidate's browser.
        candidate.reload();
        candidate.locator(".room-questions li.newest").waitFor();
        String candidateSource = candidate.content();
        assertThat(candidateSource).doesNotContain("LEAD-NOTE").doesNotContain("PANEL-NOTE")
                .doesNotContain("incident commander first").doesNotContain("blast radius");
    }

    private static void writeNote(Page page, String text) {
        page.locator("#note-text textarea").fill(text);
        page.locator("#note-text textarea").blur();
        page.locator("#note-status").getByText("Saved").waitFor();
    }

    /** Fills the whole sheet of the first scenario with one score and submits it. */
    private static void score(Page page, int score) {
        page.locator("#my-sheet").waitFor();
        int areas = page.locator("[id^=score-area-]").count();
        for (int area = 0; area < areas; area++) {
            page.locator("#score-area-" + area + " vaadin-radio-button").nth(score - 1).click();
            page.locator("#justification-" + area + " textarea").fill("Evidence for area " + (area + 1));
        }
        page.locator("#recommendation vaadin-radio-button").nth(score - 1).click();
        page.locator("#recommendation-text textarea").fill("Overall view");
        page.locator("#submit-sheet").click();
        page.locator("#my-sheet-state").getByText("submitted").waitFor();
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
