package io.mockpanel.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Debian's Chromium for a test class: {@code @RegisterExtension static final Chromium chromium = new Chromium();}.
 * Where no Chromium is installed the class is skipped (see {@link Browsers}). Each context is a
 * person of its own.
 *
 * <p>One browser serves every browser test class of the test JVM: starting Playwright's driver and
 * Chromium again for each class cost seconds per class. What a class opened is still gone when it
 * ends: its contexts (people, with their pages, cookies and storage) are closed after its last
 * test, as closing the browser closed them before; the next class starts with no context open.
 * Test classes run one after another, so every open context belongs to the running class. A
 * browser that died is started again for the next class.
 */
public final class Chromium implements BeforeAllCallback, AfterAllCallback {

    private static Playwright sharedPlaywright;
    private static Browser sharedBrowser;
    private static boolean closedAtExit;

    private Browser browser;

    @Override
    public void beforeAll(ExtensionContext context) {
        browser = shared();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null && browser.isConnected()) {
            for (BrowserContext open : List.copyOf(browser.contexts())) {
                open.close();
            }
        }
    }

    private static synchronized Browser shared() {
        if (sharedBrowser != null && sharedBrowser.isConnected()) {
            return sharedBrowser;
        }
        closeShared();
        sharedPlaywright = Browsers.playwright();
        sharedBrowser = Browsers.launch(sharedPlaywright);
        if (!closedAtExit) {
            Runtime.getRuntime().addShutdownHook(new Thread(Chromium::closeShared, "chromium-shutdown"));
            closedAtExit = true;
        }
        return sharedBrowser;
    }

    private static synchronized void closeShared() {
        try {
            if (sharedBrowser != null && sharedBrowser.isConnected()) {
                sharedBrowser.close();
            }
            if (sharedPlaywright != null) {
                sharedPlaywright.close();
            }
        } catch (RuntimeException alreadyGone) {
            // The driver or the browser ended first (a crash, or the JVM going down): nothing to close.
        } finally {
            sharedBrowser = null;
            sharedPlaywright = null;
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
