package io.mockpanel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.mockpanel.panel.InviteService;
import io.mockpanel.panel.LiveControlService;
import io.mockpanel.panel.PromptKind;
import io.mockpanel.panel.PromptRef;
import io.mockpanel.support.AppNode;
import io.mockpanel.support.Browsers;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * Two app nodes on one database: this test's application is node A; node B is the same
 * application started as a separate process. A push made on A reaches a candidate connected to B
 * only through PostgreSQL (the event row and its NOTIFY): no broker, no shared memory.
 */
@IntegrationTest
class TwoNodesTest {

    private static AppNode nodeB;

    @Autowired
    TestPanel testPanel;

    @Autowired
    LiveControlService control;

    @Autowired
    InviteService invites;

    @BeforeAll
    static void startNodeB(@Autowired JdbcConnectionDetails database) {
        Assumptions.assumeTrue(Browsers.chromium().isPresent(), "No Chromium installed: two-node browser test skipped");
        nodeB = AppNode.onDatabase(database).start();
    }

    @AfterAll
    static void stopNodeB() {
        if (nodeB != null) {
            nodeB.stop();
        }
    }

    @Test
    void a_push_on_node_a_reaches_a_candidate_connected_to_node_b() {
        TestPanel.Panel panel = testPanel.live();
        TestUsers.signIn(panel.lead(), "INTERVIEWER");
        String token = invites.issue(panel.sessionId()).token();
        TestUsers.signOut();

        try (Playwright playwright = Browsers.playwright(); Browser browser = Browsers.launch(playwright)) {
            Page candidate = browser.newContext().newPage();
            candidate.navigate(nodeB.url("join/" + token));
            candidate.locator("#join-session").click();
            candidate.locator("#room-content").getByText("first prompt").waitFor();

            TestUsers.signIn(panel.lead(), "INTERVIEWER");
            control.push(panel.sessionId(), PromptRef.of(0, PromptKind.SITUATION));
            TestUsers.signOut();

            candidate.locator(".room-section h2").getByText("Situation").waitFor();
            assertThat(candidate.locator(".room-section p").first().textContent()).isNotBlank();
        }
    }
}
