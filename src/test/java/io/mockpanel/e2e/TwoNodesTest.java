package io.mockpanel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.mockpanel.base.LogContext;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two app nodes on one database: this test's application is node A; node B is the same
 * application started as a separate process. A push made on A reaches a candidate connected to B
 * only through PostgreSQL (the event row and its NOTIFY): no broker, no shared memory. Node B runs
 * with the JSON log switched on, as an operator would.
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
        // Node B logs JSON, switched on exactly as the README says (decision 0043).
        nodeB = AppNode.onDatabase(database).with("--logging.structured.format.console=ecs").start();
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

        // Node B's whole output is JSON lines; the join it served names the session and the candidate.
        List<JsonNode> lines = nodeBLog();
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.path("message").asString("")).matches("Session " + panel.sessionId()
                    + ": event \\d+ CANDIDATE_JOINED");
            assertThat(line.path(LogContext.SESSION).asString("")).isEqualTo(Long.toString(panel.sessionId()));
            assertThat(line.path(LogContext.ACTOR).asString("")).isEqualTo(LogContext.candidateActor(panel.sessionId()));
        });
        assertThat(lines).allSatisfy(line -> assertThat(line.toString()).doesNotContain(token));
    }

    /** Every line node B wrote, each parsed as one JSON object (AppNode's own start markers aside). */
    private static List<JsonNode> nodeBLog() {
        try {
            return Files.readAllLines(nodeB.log()).stream().filter(line -> !line.isBlank())
                    .filter(line -> !line.startsWith("===== start ")).map(line -> {
                        try {
                            return JsonMapper.shared().readTree(line);
                        } catch (RuntimeException e) {
                            throw new AssertionError("Node B wrote a line that is not JSON: " + line, e);
                        }
                    }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
