package io.mockpanel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import io.mockpanel.support.Chromium;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.PanelPages;
import io.mockpanel.support.TestPanel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console is one screen in a real browser: at 1440×900 and 1280×800 the page itself never
 * scrolls while a whole agenda is pushed (the regions scroll on their own, Push next stays in
 * view), the keyboard runs the panel, and tablets and phones get tabs instead of columns.
 */
@IntegrationTest
class ConsoleLayoutBrowserTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    @Autowired
    TestPanel testPanel;

    private Page console(String username, int width, int height, long sessionId) {
        Page page = chromium.page(width, height);
        PanelPages.signInByRequest(page, "http://localhost:" + port + "/", username, TestPanel.PASSWORD);
        page.navigate("http://localhost:" + port + "/sessions/" + sessionId);
        page.locator("#workspace").waitFor();
        page.waitForLoadState(LoadState.NETWORKIDLE);
        return page;
    }

    /** How far the document itself can scroll: 0 when everything fits the window. */
    private static double pageOverflow(Page page) {
        return ((Number) page.evaluate("() => document.scrollingElement.scrollHeight - window.innerHeight")).doubleValue();
    }

    private static boolean inViewport(Locator locator) {
        return (Boolean) locator.evaluate("""
                el => { const r = el.getBoundingClientRect();
                        return r.width > 0 && r.top >= 0 && r.left >= 0
                            && r.bottom <= window.innerHeight && r.right <= window.innerWidth; }""");
    }

    @Test
    void a_lead_pushes_eighteen_items_by_keyboard_at_1440_and_1280_without_the_page_ever_scrolling() {
        TestPanel.Panel panel = testPanel.live();
        Page lead = console(panel.lead(), 1440, 900, panel.sessionId());
        assertThat(pageOverflow(lead)).as("nothing below the fold at 1440×900").isLessThanOrEqualTo(0);
        Locator onScreen = lead.locator(".agenda-item.on-screen");

        // Eighteen items: the first scenario's title, situation, challenges and fifteen questions.
        for (int i = 1; i <= 18; i++) {
            lead.keyboard().press("Alt+n");
            lead.waitForFunction("n => [...document.querySelectorAll('#agenda-tree .agenda-status')]"
                    + ".filter(s => s.textContent.trim()).length >= n", i);
            if (i == 9) {
                lead.setViewportSize(1280, 800);
            }
        }
        lead.waitForTimeout(600); // the smooth scroll of the agenda

        assertThat(pageOverflow(lead)).as("still one screen at 1280×800 after eighteen pushes").isLessThanOrEqualTo(0);
        assertThat(inViewport(lead.locator("#push-next"))).as("Push next never scrolls away").isTrue();
        assertThat(inViewport(onScreen)).as("the item on screen is scrolled into view").isTrue();
        assertThat(inViewport(lead.locator("#timer-box"))).as("the timer stays in view").isTrue();
        assertThat(inViewport(lead.locator("#mirror .newest"))).as("the newest question in the mirror").isTrue();
        assertThat(lead.locator("#mirror").innerText()).contains("Current");

        // a note in the timeline, then the console as a person sees it (target/screenshots)
        lead.locator("#note-text textarea").fill("Clear structure; quantified the impact of the migration.");
        lead.locator("#new-note").click();
        lead.locator(".timeline-text").first().waitFor();
        shoot(lead, "console-lead-1280x800.png");
        lead.setViewportSize(1440, 900);
        lead.waitForTimeout(300);
        shoot(lead, "console-lead-1440x900.png");

        // "?" lists the shortcuts, but not while typing a note.
        lead.locator("#notes-timeline").click();
        lead.keyboard().press("?");
        assertThat(lead.locator("#shortcut-help").innerText()).contains("Alt+N").contains("Alt+P");
    }

    @Test
    void a_coach_sees_observing_and_not_one_disabled_button_and_a_phone_gets_tabs() {
        TestPanel.Panel panel = testPanel.live();
        Page coach = console(panel.coach(), 1440, 900, panel.sessionId());
        coach.locator("#observing").waitFor();
        assertThat(pageOverflow(coach)).isLessThanOrEqualTo(0);
        List<String> disabled = coach.locator("vaadin-button[disabled]:visible").allInnerTexts();
        assertThat(disabled).as("an observer sees only what they can use").isEmpty();
        assertThat(coach.locator("#push-next").count()).isZero();

        Page phone = console(panel.lead(), 390, 844, panel.sessionId());
        assertThat(phone.locator("#region-tabs").isVisible()).isTrue();
        assertThat(phone.locator(".region-run").isVisible()).isTrue();
        assertThat(phone.locator(".region-see").isVisible()).as("one region at a time").isFalse();
        phone.locator("#tab-see").click();
        phone.locator("#timer-box").waitFor();
        assertThat(phone.locator(".region-run").isVisible()).isFalse();
        phone.locator("#tab-score").click();
        phone.locator(".write-pane[data-pane='score']").waitFor();
        assertThat(phone.locator(".region-write").isVisible()).isTrue();
        assertThat(phone.locator(".write-pane[data-pane='notes']").isVisible()).isFalse();
        assertThat(pageOverflow(phone)).as("the phone's page does not scroll either; the tab does").isLessThanOrEqualTo(0);
        shoot(phone, "console-phone-score-390x844.png");
        phone.locator("#tab-run").click();
        phone.locator(".region-run").waitFor();
        phone.locator("#agenda-tree .agenda-area .push-button").first().waitFor();
        // the agenda scrolls inside its pane: no push button's icon may be cut off by the pane's edge
        Object cut = phone.evaluate("() => { let pane = document.querySelector('#agenda-tree');"
                + " while (pane.parentElement && getComputedStyle(pane).overflowX === 'visible') pane = pane.parentElement;"
                + " const edge = pane.getBoundingClientRect().right;"
                + " const cut = [...document.querySelectorAll('#agenda-tree .push-button vaadin-icon')]"
                + ".filter(icon => icon.offsetParent && icon.getBoundingClientRect().right > edge + 0.5).length;"
                + " return cut; }");
        assertThat(((Number) cut).intValue()).as("every push button's icon inside the agenda's pane, none cut at its edge")
                .isZero();
        shoot(phone, "console-phone-run-390x844.png");
    }

    private static void shoot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target", "screenshots", name)));
    }
}
