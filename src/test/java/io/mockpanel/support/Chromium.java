package io.mockpanel.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Debian's Chromium for one test class, started before its first test and closed after its last:
 * {@code @RegisterExtension static final Chromium chromium = new Chromium();}. Where no Chromium is
 * installed the class is skipped (see {@link Browsers}). Each context is a person of its own.
 */
public final class Chromium implements BeforeAllCallback, AfterAllCallback {

    private Playwright playwright;
    private Browser browser;

    @Override
    public void beforeAll(ExtensionContext context) {
        playwright = Browsers.playwright();
        browser = Browsers.launch(playwright);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    public Browser browser() {
        return browser;
    }

    /** A new person (own cookies and storage) with a window of this size. */
    public BrowserContext person(int width, int height) {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height));
    }

    /** A new person at desktop size (1440×900). */
    public BrowserContext person() {
        return person(1440, 900);
    }

    /** A new person's first page. */
    public Page page(int width, int height) {
        return person(width, height).newPage();
    }
}
