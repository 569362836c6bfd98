package io.mockpanel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import io.mockpanel.base.LogContext;
import io.mockpanel.security.AccountRole;
import io.mockpanel.security.AccountService;
import io.mockpanel.security.NewAccount;
import io.mockpanel.support.Chromium;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.JsonLogCapture;
import io.mockpanel.support.PanelPages;
import io.mockpanel.support.PrometheusScrape;
import io.mockpanel.support.TestUsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A whole panel in real Chromium, one browser context per person: the lead sets up a session with
 * a co-panelist and invites the candidate, the candidate joins by link, the lead pushes the
 * situation and a question and the candidate sees each, live; lead and co-panelist write notes
 * and score; both reload and see the same state; the candidate's page never holds a note; the
 * operator's scrape of /actuator/prometheus shows it all happened. The run's log, in JSON, carries
 * the session and who acted and holds none of what people typed.
 */
@IntegrationTest
class LivePanelBrowserTest {

    private static final String PASSWORD = "browser-test-password";
    /** SessionEventLog's INFO line: "Session 42: event 7 INVITE_ISSUED". */
    private static final Pattern LIFE_CYCLE_LINE = Pattern.compile("Session (\\d+): event \\d+ ([A-Z_]+)");

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    /** What one run typed and was given: none of it may reach the log. */
    record Run(long sessionId, String lead, String panelist, String link, List<String> secrets) {
    }

    /**
     * The panel with the JSON log on (decision 0043): every line is JSON, the session's life cycle is
     * logged with its id and who acted, and no line holds the invite token, a note, a score's
     * comment, a password, the candidate's address or name.
     */
    @Test
    void a_whole_panel_runs_live_across_lead_panelist_and_candidate_and_survives_reloads() throws IOException {
        Run run;
        List<JsonNode> entries;
        List<String> lines;
        try (JsonLogCapture log = JsonLogCapture.start("ecs")) {
            run = runPanel();
            lines = log.lines();
            // Kept for a reader: what an operator's log of this panel would hold.
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target/live-panel-log.jsonl"), lines);
            entries = log.entries();
        }
        String token = run.link().substring(run.link().lastIndexOf('/') + 1);
        for (String line : lines) {
            assertThat(line).doesNotContain(token);
            run.secrets().forEach(secret -> assertThat(line).doesNotContain(secret));
        }
        String id = Long.toString(run.sessionId());
        Map<String, Set<String>> actorsByEvent = new HashMap<>();
        for (JsonNode entry : entries) {
            Matcher event = LIFE_CYCLE_LINE.matcher(entry.path("message").asString(""));
            if (event.matches() && event.group(1).equals(id)) {
                assertThat(entry.path(LogContext.SESSION).asString("")).as(entry.toString()).isEqualTo(id);
                actorsByEvent.computeIfAbsent(event.group(2), type -> new HashSet<>())
                        .add(entry.path(LogContext.ACTOR).asString(""));
            }
            if (entry.path(LogContext.SESSION).asString("").equals(id)) {
                assertThat(entry.path(LogContext.ACTOR).asString("")).as(entry.toString()).isNotBlank();
            }
        }
        assertThat(actorsByEvent).containsEntry("SESSION_CREATED", Set.of(run.lead()))
                .containsEntry("INVITE_ISSUED", Set.of(run.lead()))
                .containsEntry("CANDIDATE_JOINED", Set.of(LogContext.candidateActor(run.sessionId())))
                .containsEntry("SESSION_STARTED", Set.of(run.lead()))
                .containsEntry("PROMPT_PUSHED", Set.of(run.lead()))
                .containsEntry("SCORE_SUBMITTED", Set.of(run.lead(), run.panelist()))
                .containsEntry("SCORES_REVEALED", Set.of(run.lead()));
    }

    private Run runPanel() {
        String suffix = Long.toString(ThreadLocalRandom.current().nextLong(1L << 30, 1L << 40), 36);
        String lead = "e2e-lead-" + suffix;
        String panelist = "e2e-pan-" + suffix;
        String candidateName = "Casey Candidate " + suffix;
        String email = "casey." + suffix + "@example.org";
        String leadNote = "LEAD-NOTE " + suffix + " named an incident commander first";
        String panelNote = "PANEL-NOTE " + suffix + " quantified the blast radius";
        TestUsers.as("e2e-admin", "ADMIN", () -> {
            accounts.createAccount(new NewAccount(lead, "Erin Lead", AccountRole.INTERVIEWER, PASSWORD));
            accounts.createAccount(new NewAccount(panelist, "Pia Panelist " + suffix, AccountRole.INTERVIEWER,
                    PASSWORD));
        });

        PrometheusScrape before = PrometheusScrape.of(port);
        Page leadPage = signedIn(lead);
        leadPage.navigate(url("sessions/new"));
        leadPage.waitForLoadState(LoadState.NETWORKIDLE);
        leadPage.locator("vaadin-text-field").nth(0).locator("input").fill("Browser panel " + suffix);
        leadPage.locator("vaadin-text-field").nth(1).locator("input").fill(candidateName);
        leadPage.locator("vaadin-email-field input").fill(email);
        leadPage.locator("#scenario-picker input").click();
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
        long sessionId = Long.parseLong(leadPage.url().replaceAll(".*/sessions/(\\d+).*", "$1"));
        assertThat(link).matches(".*/join/[A-Za-z0-9_-]{43}");

        Page candidate = chromium.browser().newContext().newPage();
        PanelPages.join(candidate, link);
        candidate.locator("#room-content").getByText("has not started yet").waitFor();

        leadPage.locator("#start-session").click();
        leadPage.locator("#session-state").getByText("Live").waitFor();
        // Exactly "connected": "not connected" must not satisfy this check.
        leadPage.locator("#candidate-presence[data-online='true']").getByText("Candidate " + candidateName + ": connected",
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
        Page elsewhere = chromium.browser().newContext().newPage();
        elsewhere.navigate(link);
        assertThat(elsewhere.locator("#invite-message").textContent()).contains("already in use");

        // The lead and a co-panelist write notes; each appears in the other's timeline, live.
        String consolePath = leadPage.url();
        Page panelistPage = signedIn(panelist);
        panelistPage.navigate(consolePath);
        PanelPages.writeNote(leadPage, leadNote);
        PanelPages.writeNote(panelistPage, panelNote);
        leadPage.locator("#notes-timeline").getByText("PANEL-NOTE " + suffix).waitFor();
        panelistPage.locator("#notes-timeline").getByText("LEAD-NOTE " + suffix).waitFor();

        // Both score the scenario blind; the lead reveals once both submitted.
        PanelPages.submitSheet(leadPage, 3, "LEAD-EVIDENCE " + suffix, "LEAD-OVERALL " + suffix);
        PanelPages.submitSheet(panelistPage, 4, "PANEL-EVIDENCE " + suffix, "PANEL-OVERALL " + suffix);
        leadPage.locator("#reveal-scores").click();
        // The reveal freezes every sheet: it asks first.
        leadPage.locator("#confirm-reveal").getByText("Reveal scores").last().click();
        leadPage.locator("#scoring-revealed").waitFor();
        panelistPage.locator("#scoring-revealed").waitFor();

        // Both reload and see the same state, read back from PostgreSQL.
        for (Page page : new Page[] {leadPage, panelistPage}) {
            page.reload();
            page.locator("#notes-timeline").getByText("LEAD-NOTE " + suffix).waitFor();
            page.locator("#notes-timeline").getByText("PANEL-NOTE " + suffix).waitFor();
            PanelPages.openPane(page, "score");
            page.locator("#scoring-revealed").waitFor();
            page.locator("#mirror").getByText("How would you structure the incident response?").waitFor();
        }

        // Nothing of the notes ever reaches the candidate's browser.
        candidate.reload();
        candidate.locator(".room-questions li.newest").waitFor();
        String candidateSource = candidate.content();
        assertThat(candidateSource).doesNotContain("LEAD-NOTE").doesNotContain("PANEL-NOTE")
                .doesNotContain("incident commander first").doesNotContain("blast radius");

        meteredAsItRan(before, PrometheusScrape.of(port));
        return new Run(sessionId, lead, panelist, link, List.of(leadNote, panelNote, "LEAD-EVIDENCE " + suffix,
                "PANEL-EVIDENCE " + suffix, "LEAD-OVERALL " + suffix, "PANEL-OVERALL " + suffix, PASSWORD, email,
                candidateName));
    }

    /**
     * What an operator's scrape shows after this panel (decision 0042): its three pushes timed
     * until the candidate's room and the consoles applied them, its note saves, the session live,
     * its screens open. The suite shares one node, so counts are compared with the scrape before.
     */
    private static void meteredAsItRan(PrometheusScrape before, PrometheusScrape after) {
        assertThat(after.value("mockpanel_session_events_total", "type", "PROMPT_PUSHED")
                - before.value("mockpanel_session_events_total", "type", "PROMPT_PUSHED")).isGreaterThanOrEqualTo(3);
        for (String screen : new String[] {"room", "console"}) {
            double pushes = after.value("mockpanel_push_latency_seconds_count", "screen", screen)
                    - before.value("mockpanel_push_latency_seconds_count", "screen", screen);
            double seconds = after.value("mockpanel_push_latency_seconds_sum", "screen", screen)
                    - before.value("mockpanel_push_latency_seconds_sum", "screen", screen);
            assertThat(pushes).as("pushes timed on the %s", screen).isGreaterThanOrEqualTo(3);
            // in seconds, not milliseconds or an epoch: a wrong unit or start would read as minutes or years
            assertThat(seconds / pushes).as("mean push latency on the %s", screen).isBetween(0.0, 60.0);
            assertThat(after.value("mockpanel_push_latency_seconds_bucket", "screen", screen, "le", "+Inf"))
                    .isEqualTo(after.value("mockpanel_push_latency_seconds_count", "screen", screen));
        }
        assertThat(after.value("mockpanel_note_save_seconds_count", "outcome", "saved")
                - before.value("mockpanel_note_save_seconds_count", "outcome", "saved")).isGreaterThanOrEqualTo(2);
        assertThat(after.value("mockpanel_sessions_live")).isGreaterThanOrEqualTo(1);
        assertThat(after.value("mockpanel_screens_open", "screen", "room")).isGreaterThanOrEqualTo(1);
        assertThat(after.value("mockpanel_screens_open", "screen", "console")).isGreaterThanOrEqualTo(2);
        assertThat(after.value("mockpanel_listener_listening")).isEqualTo(1);
        assertThat(after.value("mockpanel_listener_lag_seconds_count"))
                .isGreaterThan(before.value("mockpanel_listener_lag_seconds_count"));
    }

    private Page signedIn(String username) {
        Page page = chromium.page(1366, 900);
        PanelPages.signInByRequest(page, url(""), username, PASSWORD);
        return page;
    }

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }
}
