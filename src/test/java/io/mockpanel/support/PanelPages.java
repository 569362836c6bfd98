package io.mockpanel.support;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.LoadState;

/** What a person does in the app's pages, the way they do it, for the real-browser tests. */
public final class PanelPages {

    private PanelPages() {
    }

    /** Signs in through the sign-in form at {@code baseUrl} ("http://localhost:8080/") and waits to leave it. */
    public static void signIn(Page page, String baseUrl, String username, String password) {
        if (!page.url().contains("/login")) {
            page.navigate(baseUrl + "login");
        }
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill(password);
        page.locator("vaadin-login-form vaadin-button[theme~=primary]").click();
        page.waitForURL(url -> !url.contains("/login"));
        page.waitForLoadState(LoadState.NETWORKIDLE);
    }

    /**
     * Opens {@code url} in a page whose sign-in has ended and waits for the sign-in page. The
     * server may send the page's open screen to sign-in by push while this navigation starts;
     * Chromium then reports the navigation as interrupted by the one to sign-in, which is the same
     * outcome, so that report is not a failure.
     */
    public static void openExpectingSignIn(Page page, String url) {
        try {
            page.navigate(url);
        } catch (PlaywrightException e) {
            if (!String.valueOf(e.getMessage()).contains("interrupted by another navigation")) {
                throw e;
            }
        }
        page.waitForURL(u -> u.contains("/login"));
    }

    /** Opens an invite link (absolute), joins under the name the lead gave and waits for the room. */
    public static void join(Page candidate, String link) {
        candidate.navigate(link);
        candidate.locator("#join-session").click();
        candidate.locator("#room-content").waitFor();
    }

    /** Types a note in the console's composer, leaves the field and waits for "Saved". */
    public static void writeNote(Page console, String text) {
        console.locator("#note-text textarea").fill(text);
        console.locator("#note-text textarea").blur();
        console.locator("#note-status").getByText("Saved").waitFor();
    }

    /**
     * Brings a pane of the console's write region to the front ("notes", "score"), by the tab a
     * person would use at this window's size: the region's own tab on a wide screen, the screen's
     * tab on a narrow one.
     */
    public static void openPane(Page console, String pane) {
        console.locator("#workspace").waitFor();
        var wide = console.locator("#wide-tab-" + pane);
        if (wide.isVisible()) {
            wide.click();
        } else {
            console.locator("#tab-" + pane).click();
        }
        console.locator(".write-pane[data-pane='" + pane + "'][active]").waitFor();
    }

    /** Fills the whole sheet of the scenario on show with one score, justifies every area and submits it. */
    public static void submitSheet(Page console, int score) {
        openPane(console, "score");
        console.locator("#my-sheet").waitFor();
        int areas = console.locator("[id^=score-area-]").count();
        for (int area = 0; area < areas; area++) {
            console.locator("#score-area-" + area + " vaadin-radio-button").nth(score - 1).click();
            console.locator("#justification-" + area + " textarea").fill("Evidence for area " + (area + 1));
        }
        console.locator("#recommendation vaadin-radio-button").nth(score - 1).click();
        console.locator("#recommendation-text textarea").fill("Overall view");
        console.locator("#submit-sheet").click();
        console.locator("#my-sheet-state").getByText("submitted").waitFor();
    }
}
