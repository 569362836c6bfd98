package io.mockpanel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import io.mockpanel.panel.InviteService;
import io.mockpanel.panel.NewSchedule;
import io.mockpanel.panel.NewSession;
import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.panel.SessionScheduling;
import io.mockpanel.support.Chromium;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.PanelPages;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Scheduling in a real browser: Vaadin 25 hands the browser's time zone to the server with the
 * page's first request, so each person reads the start in their own zone, named; the agenda and
 * the console's header fit a desktop and a phone (screenshots in target/screenshots).
 */
@IntegrationTest
class SchedulingBrowserTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Path SHOTS = Path.of("target", "screenshots");

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    @Autowired
    TestPanel testPanel;

    @Autowired
    PanelSessionService sessions;

    @Autowired
    SessionScheduling scheduling;

    @Autowired
    InviteService invites;

    @Autowired
    JdbcClient jdbc;

    private String base() {
        return "http://localhost:" + port + "/";
    }

    /** A person whose browser is in {@code zone}, signed in. */
    private Page person(String username, String zone, int width, int height) {
        Page page = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(width, height)
                .setTimezoneId(zone)).newPage();
        PanelPages.signIn(page, base(), username, TestPanel.PASSWORD);
        return page;
    }

    private static double overflow(Page page, String axis) {
        String js = axis.equals("x") ? "() => document.scrollingElement.scrollWidth - window.innerWidth"
                : "() => document.scrollingElement.scrollHeight - window.innerHeight";
        return ((Number) page.evaluate(js)).doubleValue();
    }

    private static LocalDateTime tomorrowAtThree() {
        return LocalDateTime.now(BERLIN).plusDays(1).withHour(15).withMinute(0).withSecond(0).withNano(0);
    }

    @Test
    void each_person_reads_the_start_in_their_browsers_zone_and_the_agenda_and_header_fit_desktop_and_phone() {
        TestPanel.Panel panel = testPanel.scheduled();
        List<Long> scenarioIds = jdbc.sql("select source_scenario_id from session_scenario where session_id = ? "
                + "order by position").param(panel.sessionId()).query(Long.class).list();
        TestUsers.signIn(panel.lead(), "INTERVIEWER");
        scheduling.reschedule(panel.sessionId(), new NewSchedule(tomorrowAtThree(), "Europe/Berlin", 90));
        scheduling.changeMeetingLink(panel.sessionId(), "https://us02web.zoom.us/j/123456789?pwd=abcdef");
        sessions.create(new NewSession("VP Engineering panel with a rather long title for a phone",
                "Robin Candidate", null, scenarioIds, List.of(panel.panelist()), List.of(),
                new NewSchedule(LocalDateTime.now(BERLIN).plusMinutes(45), "Europe/Berlin", 60),
                "https://meet.google.com/abc-defg-hij"));
        long late = sessions.create(new NewSession("Director panel", "Sam Candidate", null, scenarioIds,
                List.of(), List.of(), new NewSchedule(LocalDateTime.now(BERLIN).plusMinutes(30), "Europe/Berlin",
                        null), null));
        jdbc.sql("update panel_session set starts_at = now() - interval '12 minutes 30 seconds' where id = ?")
                .param(late).update();
        sessions.create(new NewSession("Not yet planned", "Alex Candidate", null, scenarioIds, List.of(),
                List.of()));
        String token = invites.issue(panel.sessionId()).token();
        TestUsers.signOut();

        // The panelist in New York reads the Berlin start in New York time, named.
        Page panelist = person(panel.panelist(), "America/New_York", 1440, 900);
        panelist.navigate(base() + "sessions/" + panel.sessionId());
        panelist.locator("#session-when").waitFor();
        String newYork = tomorrowAtThree().atZone(BERLIN).withZoneSameInstant(ZoneId.of("America/New_York"))
                .toLocalTime().toString();
        assertThat(panelist.locator("#session-when").innerText()).contains(newYork).contains("(America/New_York)");
        assertThat(panelist.locator("#session-call a").getAttribute("rel")).isEqualTo("noopener noreferrer");
        assertThat(panelist.locator("#session-call a").getAttribute("target")).isEqualTo("_blank");

        for (int[] size : new int[][] {{1440, 900}, {390, 844}}) {
            String label = size[0] + "x" + size[1];
            Page lead = person(panel.lead(), "Europe/Berlin", size[0], size[1]);
            lead.navigate(base() + "sessions");
            lead.locator("#session-cards .scenario-card").first().waitFor();
            lead.waitForLoadState(LoadState.NETWORKIDLE);
            // 12½ minutes late when set; a slow machine may take a minute or two to get here
            assertThat(lead.locator("#session-cards").innerText()).containsPattern("Should have started 1[2-4] min ago")
                    .contains("(Europe/Berlin)").contains("tomorrow 15:00");
            assertThat(overflow(lead, "x")).as("My sessions at %s: no sideways scrolling", label)
                    .isLessThanOrEqualTo(0);
            lead.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("my-sessions-" + label + ".png"))
                    .setFullPage(true));

            lead.navigate(base() + "sessions/new");
            lead.locator("#schedule-zone").waitFor();
            lead.waitForLoadState(LoadState.NETWORKIDLE);
            assertThat(lead.locator("#schedule-zone input").inputValue())
                    .as("the zone picker starts at the lead's browser zone").startsWith("Europe/Berlin (UTC+0");
            assertThat(overflow(lead, "x")).as("new session form at %s", label).isLessThanOrEqualTo(0);
            lead.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("new-session-" + label + ".png"))
                    .setFullPage(true));

            lead.navigate(base() + "sessions/" + panel.sessionId());
            lead.locator("#workspace").waitFor();
            lead.waitForLoadState(LoadState.NETWORKIDLE);
            assertThat(lead.locator("#session-when").innerText()).contains("15:00").contains("(Europe/Berlin)");
            assertThat(lead.locator("#reschedule").isVisible()).isTrue();
            assertThat(overflow(lead, "x")).as("console at %s: no sideways scrolling", label).isLessThanOrEqualTo(0);
            assertThat(overflow(lead, "y")).as("console at %s: still one screen", label).isLessThanOrEqualTo(0);
            lead.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("console-" + label + ".png")));
            lead.context().close();
        }

        // The candidate in Tokyo reads it in Tokyo time in the waiting room, with the call one click away.
        Page candidate = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setTimezoneId("Asia/Tokyo")).newPage();
        PanelPages.join(candidate, base() + "join/" + token);
        candidate.locator("#room-when").waitFor();
        assertThat(candidate.locator("#room-when").innerText()).contains("(Asia/Tokyo)");
        assertThat(candidate.locator("#room-call a").innerText()).contains("Open the call (Zoom)");
        assertThat(overflow(candidate, "x")).isLessThanOrEqualTo(0);
        candidate.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("waiting-room-390x844.png")));
    }
}
