package io.mockpanel.benchmark;

import com.microsoft.playwright.Page;
import io.mockpanel.panel.InviteService;
import io.mockpanel.panel.NewSession;
import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.scenario.ScenarioFilter;
import io.mockpanel.scenario.ScenarioService;
import io.mockpanel.scenario.ScenarioSummary;
import io.mockpanel.security.AccountRole;
import io.mockpanel.security.AccountService;
import io.mockpanel.security.NewAccount;
import io.mockpanel.support.Chromium;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.PanelPages;
import io.mockpanel.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Push latency in real Chromium: click "Push next" in the lead's console → the candidate's room
 * changed, with 20 other live sessions' candidate rooms open. Both pages live in one browser, so
 * {@code performance.timeOrigin + performance.now()} is one clock for both.
 * Run: {@code ./mvnw -Pbenchmark verify} (see README). Prints figures; asserts nothing about speed.
 */
@Tag("benchmark")
@IntegrationTest
class PushLatencyBenchmark {

    private static final int PUSHES = 200;
    private static final int OTHER_SESSIONS = 20;
    private static final int WARM_UP = 10;
    private static final String PASSWORD = "benchmark-password";
    private static final String IDLE = "() => !Object.values(window.Vaadin.Flow.clients).some(c => c.isActive())";

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    PanelSessionService sessions;

    @Autowired
    InviteService invites;

    @Autowired
    ScenarioService scenarios;

    @Test
    void push_click_to_candidate_dom() {
        String lead = "bench-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 30, 1L << 40), 36);
        TestUsers.signIn("bench-admin", "ADMIN");
        accounts.createAccount(new NewAccount(lead, "Bench Lead", AccountRole.INTERVIEWER, PASSWORD));
        TestUsers.signIn(lead, "INTERVIEWER");
        List<Long> library = scenarios.search(ScenarioFilter.ALL).stream().map(ScenarioSummary::id).toList();
        // 12 scenarios (the seed ones, repeated) give more than 200 pushable items.
        List<Long> agenda = new ArrayList<>();
        while (agenda.size() < 12) {
            agenda.addAll(library.subList(0, Math.min(library.size(), 12 - agenda.size())));
        }
        long measured = liveSession(agenda);
        List<String> otherLinks = new ArrayList<>();
        for (int i = 0; i < OTHER_SESSIONS; i++) {
            otherLinks.add(invites.issue(liveSession(agenda.subList(0, 1))).path());
        }
        String link = invites.issue(measured).path();
        TestUsers.signOut();

        for (String other : otherLinks) {
            join(other);
        }
        Page candidate = join(link);
        candidate.evaluate("""
                () => {
                  window.__changes = [];
                  new MutationObserver(() => window.__changes.push(performance.timeOrigin + performance.now()))
                    .observe(document.querySelector('#room-content'), {childList: true, subtree: true, characterData: true});
                }""");
        Page console = chromium.page(1366, 900);
        PanelPages.signIn(console, url(""), lead, PASSWORD);
        console.navigate(url("sessions/" + measured));
        console.locator("#push-next").waitFor();

        var latencies = new Percentiles();
        for (int i = 0; i < PUSHES + WARM_UP; i++) {
            int before = ((Number) candidate.evaluate("() => window.__changes.length")).intValue();
            double clickedAt = ((Number) console.evaluate("""
                    () => { const t = performance.timeOrigin + performance.now();
                            document.querySelector('#push-next').click(); return t; }""")).doubleValue();
            candidate.waitForFunction("n => window.__changes.length > n", before);
            double changedAt = ((Number) candidate.evaluate("n => window.__changes[n]", before)).doubleValue();
            if (i >= WARM_UP) {
                latencies.add(changedAt - clickedAt);
            }
            // The next click only once the console has no request in flight: a queued click would
            // otherwise count the previous round trip too.
            console.waitForFunction(IDLE);
            candidate.waitForFunction(IDLE);
        }
        System.out.println("BENCHMARK " + latencies.summary("push click -> candidate DOM ("
                + OTHER_SESSIONS + " other live sessions open)"));
    }

    private long liveSession(List<Long> agenda) {
        long id = sessions.create(new NewSession("Benchmark", "Bench Candidate", null, agenda, List.of(), List.of()));
        sessions.start(id);
        return id;
    }

    /** A candidate of their own (a new browser context, default size) in the room behind {@code path}. */
    private Page join(String path) {
        Page page = chromium.browser().newContext().newPage();
        PanelPages.join(page, url(path));
        return page;
    }

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }
}
