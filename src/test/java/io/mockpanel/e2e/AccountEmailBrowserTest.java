package io.mockpanel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.mockpanel.panel.NewSchedule;
import io.mockpanel.panel.SessionScheduling;
import io.mockpanel.security.AccountService;
import io.mockpanel.support.Chromium;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.PanelPages;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Accounts' own addresses and the panel's mails in real Chromium, on a desktop and a phone: a
 * coach saves their address on My account, the lead's console lists the panel's invitations by
 * kind and name, and neither page scrolls sideways (screenshots in target/screenshots).
 */
@IntegrationTest
class AccountEmailBrowserTest {

    private static final Path SHOTS = Path.of("target", "screenshots");

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    @Autowired
    TestPanel testPanel;

    @Autowired
    AccountService accounts;

    @Autowired
    SessionScheduling scheduling;

    private String base() {
        return "http://localhost:" + port + "/";
    }

    private Page signedIn(String username, int width, int height) {
        Page page = chromium.page(width, height);
        PanelPages.signInByRequest(page, base(), username, TestPanel.PASSWORD);
        return page;
    }

    private static int sideways(Page page) {
        return ((Number) page.evaluate("() => document.scrollingElement.scrollWidth - window.innerWidth")).intValue();
    }

    /**
     * The grid's action buttons, menu buttons and open menu items that are not wholly inside the
     * window's width (the grid renders its cells in light DOM slots, so they are found from the page).
     */
    @SuppressWarnings("unchecked")
    private static java.util.List<String> actionsOutside(Page page) {
        return (java.util.List<String>) page.evaluate("""
                () => [...document.querySelectorAll('vaadin-grid-cell-content vaadin-button, '
                        + 'vaadin-grid-cell-content vaadin-menu-bar-button, vaadin-menu-bar-item')]
                    .filter(e => e.offsetParent !== null)
                    .map(e => [e, e.getBoundingClientRect()])
                    .filter(([e, r]) => r.left < 0 || r.right > window.innerWidth)
                    .map(([e, r]) => (e.getAttribute('aria-label') || e.textContent.trim()) + ' at ' + r.left + '..'
                        + r.right)""");
    }

    @Test
    void a_coach_sets_their_address_and_the_lead_sees_the_panels_mails_on_a_desktop_and_a_phone() {
        TestPanel.Panel panel = testPanel.scheduled();
        String longAddress = "cory.coach.with.a.rather.long.address." + panel.coach() + "@example-company.org";
        for (int[] size : new int[][] {{1440, 900}, {390, 844}}) {
            Page coach = signedIn(panel.coach(), size[0], size[1]);
            coach.navigate(base() + "account/password");
            coach.locator("#own-email input").fill(size[0] == 1440 ? longAddress : "");
            coach.locator("#save-own-email").click();
            coach.getByText(size[0] == 1440 ? "Your e-mail address was saved." : "Your e-mail address was removed.")
                    .waitFor();
            coach.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("my-account-" + size[0] + ".png")));
            assertThat(sideways(coach)).as("My account at " + size[0]).isLessThanOrEqualTo(0);
            coach.context().close();
        }
        TestUsers.as(panel.coach(), "COACH", () -> accounts.changeOwnEmail(longAddress));
        TestUsers.as(panel.lead(), "INTERVIEWER", () -> scheduling.reschedule(panel.sessionId(),
                new NewSchedule(LocalDateTime.of(LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(2),
                        LocalTime.of(15, 0)), "Europe/Berlin", 60)));

        for (int[] size : new int[][] {{1440, 900}, {390, 844}}) {
            Page lead = signedIn(panel.lead(), size[0], size[1]);
            lead.navigate(base() + "sessions/" + panel.sessionId());
            lead.locator("#workspace").waitFor();
            if (lead.locator("#tab-see").isVisible()) {
                // On a phone the invite card is in the console's "see" tab.
                lead.locator("#tab-see").click();
            }
            var mail = lead.locator(".invitation-mail[data-kind=PANEL_INVITATION]");
            mail.first().scrollIntoViewIfNeeded();
            assertThat(mail.first().innerText()).startsWith("Panel invitation").contains("to Cory Coach")
                    .contains(longAddress);
            lead.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("console-mails-" + size[0] + ".png")));
            assertThat(sideways(lead)).as("console at " + size[0]).isLessThanOrEqualTo(0);
            assertThat(((Number) mail.first().evaluate("e => e.scrollWidth - e.clientWidth")).intValue())
                    .as("the address wraps inside its line").isLessThanOrEqualTo(0);
            lead.context().close();
        }
    }

    @Test
    void the_accounts_screen_with_addresses_fits_a_desktop_and_a_phone() {
        TestPanel.Panel panel = testPanel.scheduled();
        String admin = "adm-" + panel.lead();
        TestUsers.as("browser-admin-" + panel.lead(), "ADMIN", () -> accounts.createAccount(
                new io.mockpanel.security.NewAccount(admin, "Ada Admin", io.mockpanel.security.AccountRole.ADMIN,
                        TestPanel.PASSWORD, "ada.admin.with.a.long.address." + panel.lead() + "@example-company.org")));
        for (int[] size : new int[][] {{1440, 900}, {390, 844}}) {
            Page page = signedIn(admin, size[0], size[1]);
            page.navigate(base() + "admin/accounts");
            page.locator("vaadin-grid").waitFor();
            page.getByText(admin).first().waitFor();
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("accounts-" + size[0] + ".png")));
            assertThat(sideways(page)).as("Accounts at " + size[0]).isLessThanOrEqualTo(0);
            assertThat(actionsOutside(page)).as("action buttons outside the window at " + size[0]).isEmpty();
            if (size[0] == 390) {
                page.getByLabel("Actions for " + admin).click();
                page.locator("vaadin-menu-bar-item").getByText("E-mail").waitFor();
                page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("accounts-390-menu.png")));
                assertThat(actionsOutside(page)).as("menu items outside the window").isEmpty();
            }
            page.context().close();
        }
    }
}
