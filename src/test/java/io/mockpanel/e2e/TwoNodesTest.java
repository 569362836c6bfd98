package io.mockpanel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.mockpanel.panel.InviteService;
import io.mockpanel.panel.LiveControlService;
import io.mockpanel.panel.PromptKind;
import io.mockpanel.panel.PromptRef;
import io.mockpanel.support.Browsers;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

    private static Process nodeB;
    private static int portB;
    private static Path nodeBLog;

    @Autowired
    TestPanel testPanel;

    @Autowired
    LiveControlService control;

    @Autowired
    InviteService invites;

    @BeforeAll
    static void startNodeB(@Autowired JdbcConnectionDetails database) throws Exception {
        Assumptions.assumeTrue(Browsers.chromium().isPresent(), "No Chromium installed: two-node browser test skipped");
        portB = freePort();
        nodeBLog = Files.createTempFile("mockpanel-node-b", ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"),
                "io.mockpanel.Application",
                "--server.port=" + portB,
                "--spring.profiles.active=test",
                "--spring.datasource.url=" + database.getJdbcUrl(),
                "--spring.datasource.username=" + database.getUsername(),
                "--spring.datasource.password=" + (database.getPassword() == null ? "" : database.getPassword()),
                "--vaadin.launch-browser=false");
        nodeB = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(nodeBLog.toFile()).start();
        awaitHealthy(Duration.ofMinutes(3));
    }

    @AfterAll
    static void stopNodeB() throws InterruptedException {
        if (nodeB != null) {
            nodeB.destroy();
            if (!nodeB.waitFor(20, TimeUnit.SECONDS)) {
                nodeB.destroyForcibly();
            }
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
            candidate.navigate("http://localhost:" + portB + "/join/" + token);
            candidate.locator("#join-session").click();
            candidate.locator("#room-content").getByText("first prompt").waitFor();

            TestUsers.signIn(panel.lead(), "INTERVIEWER");
            control.push(panel.sessionId(), PromptRef.of(0, PromptKind.SITUATION));
            TestUsers.signOut();

            candidate.locator(".room-section h2").getByText("Situation").waitFor();
            assertThat(candidate.locator(".room-section p").first().textContent()).isNotBlank();
        }
    }

    private static void awaitHealthy(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!nodeB.isAlive()) {
                throw new IllegalStateException("Node B stopped:\n" + tail(nodeBLog));
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + portB + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Node B did not become healthy in " + timeout + ":\n" + tail(nodeBLog));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
