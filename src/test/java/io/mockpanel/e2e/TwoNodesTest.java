package io.mockpanel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.mockpanel.panel.InviteService;
import io.mockpanel.panel.LiveControlService;
import io.mockpanel.panel.PromptKind;
import io.mockpanel.panel.PromptRef;
import io.mockpanel.support.AppNode;
import io.mockpanel.support.Chromium;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.PanelPages;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * Two app nodes on one database: this test's application is node A; node B is the same
 * application started as a separate process. A push made on A reaches a candidate connected to B
 * only through PostgreSQL (the event row and its NOTIFY): no broker, no shared memory.
 */
@IntegrationTest
class TwoNodesTest {

    /** Started before {@link #startNodeB}: without a Chromium the class is skipped before node B starts. */
    @RegisterExtension
    static final Chromium chromium = new Chromium();

    private static AppNode nodeB;

    @Autowired
    TestPanel testPanel;

    @Autowired
    LiveControlService control;

    @Autowired
    InviteService invites;

    @BeforeAll
    static void startNodeB(@Autowired JdbcConnectionDetails database) {
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
        String token = TestUsers.as(panel.lead(), "INTERVIEWER", () -> invites.issue(panel.sessionId()).token());

        Page candidate = chromium.browser().newContext().newPage();
        PanelPages.join(candidate, nodeB.url("join/" + token));
        candidate.locator("#room-content").getByText("first prompt").waitFor();

        TestUsers.as(panel.lead(), "INTERVIEWER",
                () -> control.push(panel.sessionId(), PromptRef.of(0, PromptKind.SITUATION)));

        candidate.locator(".room-section h2").getByText("Situation").waitFor();
        assertThat(candidate.locator(".room-section p").first().textContent()).isNotBlank();
    }
}
