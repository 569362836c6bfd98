package io.mockpanel.support;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import com.microsoft.playwright.options.WaitUntilState;
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
     * Signs {@code context} in by posting the sign-in form over HTTP, with the browser's own cookie
     * jar, instead of opening the sign-in page: for tests whose subject comes after the sign-in
     * (the form itself is exercised by the tests about signing in). Saves a whole Vaadin page load
     * per person, seconds each on a busy 2-core machine.
     */
    public static void signInByRequest(Page page, String baseUrl, String username, String password) {
        signInByRequest(page.context(), baseUrl, username, password);
    }

    /** {@link #signInByRequest(Page, String, String, String)} for a browser that has no page yet. */
    public static void signInByRequest(BrowserContext context, String baseUrl, String username, String password) {
        APIResponse signInPage = context.request().get(baseUrl + "login");
        SignInForm csrf = SignInForm.of(signInPage.text());
        APIResponse answer = context.request().post(baseUrl + "login", RequestOptions.create()
                .setForm(FormData.create().set("username", username).set("password", password)
                        .set(csrf.csrfParameter(), csrf.csrfToken()))
                .setMaxRedirects(0));
        String location = answer.headers().getOrDefault("location", "");
        if (answer.status() != 302 || location.contains("error")) {
            throw new IllegalStateException("sign-in of " + username + " refused: " + answer.status() + " " + location);
        }
    }

    /**
     * A page whose sign-in has ended: the server sends its open screen to the sign-in page by push
     * (the open-screens sweep, every 2 s), and opening {@code url} again asks to sign in. Waits
     * for navigation commits, not for the page's load event: a loaded machine may take long to load
     * the development bundle, and the sweep's own navigation must not race the test's.
     */
    public static void awaitSentToSignIn(Page page, String url) {
        var commit = new Page.WaitForURLOptions().setWaitUntil(WaitUntilState.COMMIT).setTimeout(60_000);
        page.waitForURL(u -> u.contains("/login"), commit);
        page.locator("vaadin-login-form").waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(60_000));
        page.navigate(url, new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT).setTimeout(60_000));
        page.waitForURL(u -> u.contains("/login"), commit);
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
        submitSheet(console, score, "Evidence", "Overall view");
    }

    /**
     * As {@link #submitSheet(Page, int)}, with the justifications "{@code evidence} for area n" and
     * the recommendation's text {@code overall}.
     */
    public static void submitSheet(Page console, int score, String evidence, String overall) {
        openPane(console, "score");
        console.locator("#my-sheet").waitFor();
        int areas = console.locator("[id^=score-area-]").count();
        for (int area = 0; area < areas; area++) {
            console.locator("#score-area-" + area + " vaadin-radio-button").nth(score - 1).click();
            console.locator("#justification-" + area + " textarea").fill(evidence + " for area " + (area + 1));
        }
        console.locator("#recommendation vaadin-radio-button").nth(score - 1).click();
        console.locator("#recommendation-text textarea").fill(overall);
        console.locator("#submit-sheet").click();
        console.locator("#my-sheet-state").getByText("submitted").waitFor();
    }
}
