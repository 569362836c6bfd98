package io.mockpanel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.LoadState;
import io.mockpanel.scoring.ScoreScale;
import io.mockpanel.support.Chromium;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.PanelPages;
import io.mockpanel.support.TestPanel;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The score sheet as a panelist's browser lays it out: on a 390 px phone and in a column of the
 * console's width, nothing sticks out sideways, the justification sits under its scale in a narrow
 * column and beside it in a wide one, and the levels' meaning opens from the keyboard. Screenshots
 * go to target/screenshots for a person to look at.
 */
@IntegrationTest
class ScoringLayoutBrowserTest {

    private static final Path SHOTS = Path.of("target", "screenshots");

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    @Autowired
    TestPanel testPanel;

    private BrowserContext context;

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    private Page sheet(int width, int height) {
        TestPanel.Panel panel = testPanel.live();
        context = chromium.person(width, height);
        Page page = context.newPage();
        PanelPages.signInByRequest(page, "http://localhost:" + port + "/", panel.panelist(), TestPanel.PASSWORD);
        page.navigate("http://localhost:" + port + "/sessions/" + panel.sessionId());
        page.waitForLoadState(LoadState.NETWORKIDLE);
        PanelPages.openPane(page, "score");
        page.locator("#my-sheet").waitFor();
        return page;
    }

    /** How far the scoring panel's content sticks out to the side of the panel (0 when it fits). */
    private static int overflow(Page page) {
        return ((Number) page.evaluate("() => { const p = document.querySelector('.scoring-panel');"
                + " return p.scrollWidth - p.clientWidth; }")).intValue();
    }

    private static boolean beside(Page page) {
        BoundingBox scale = page.locator("#score-area-0").boundingBox();
        BoundingBox reason = page.locator("#justification-0").boundingBox();
        return reason.x > scale.x + scale.width / 2 && Math.abs(reason.y - scale.y) < scale.height;
    }

    @Test
    void on_a_phone_the_sheet_fits_the_width_and_each_justification_sits_under_its_scale() {
        Page page = sheet(390, 844);
        page.locator("#score-area-0").scrollIntoViewIfNeeded();
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("scoring-phone-390.png")));

        assertThat(overflow(page)).isLessThanOrEqualTo(0);
        assertThat(beside(page)).isFalse();
        BoundingBox reason = page.locator("#justification-0").boundingBox();
        assertThat(reason.x + reason.width).isLessThanOrEqualTo(390);
        assertThat(page.locator("#score-area-0 vaadin-radio-button").count()).isEqualTo(4);
    }

    @Test
    void in_a_console_column_the_sheet_fits_and_the_justification_moves_beside_the_scale_when_there_is_room() {
        // At 1440×900 the console's write region is a third of the window: the sheet fits it,
        // each justification under its scale.
        Page page = sheet(1440, 900);
        assertThat(overflow(page)).isLessThanOrEqualTo(0);
        assertThat(beside(page)).isFalse();

        // On a tablet the Score tab has the whole width: the justification moves beside the scale.
        page.setViewportSize(1024, 768);
        page.waitForTimeout(300);
        assertThat(overflow(page)).isLessThanOrEqualTo(0);
        assertThat(beside(page)).isTrue();
        page.locator("#score-area-0").scrollIntoViewIfNeeded();
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("scoring-column-600.png")));
    }

    @Test
    void the_meaning_of_the_levels_is_one_keypress_away_and_hidden_until_asked_for() {
        Page page = sheet(1440, 900);
        String anchor = ScoreScale.STRONG_YES.anchor();
        assertThat(page.getByText(anchor).first().isVisible()).isFalse();

        Locator summary = page.locator("#levels-0 vaadin-details-summary");
        summary.focus();
        page.keyboard().press("Enter");

        page.locator("#levels-0").getByText(anchor).waitFor();
        assertThat(page.locator("#levels-0").getByText(anchor).isVisible()).isTrue();
        assertThat(page.locator("#levels-1").getByText(anchor).count()).as("only the area asked about").isZero();
        page.locator("#levels-0").scrollIntoViewIfNeeded();
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("scoring-levels-open.png")));
    }
}
