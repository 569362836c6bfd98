package io.mockpanel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.mockpanel.support.Chromium;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.PanelPages;
import io.mockpanel.support.TestPanel;
import java.io.IOException;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

/**
 * A staff member whose session is gone (a restart, an expiry) lands back on the page they were on
 * once they sign in again, and a page whose session is gone reloads by itself instead of waiting
 * on a prompt: in real Chromium.
 */
@IntegrationTest
class BackToThePageAfterSignInTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    @Autowired
    TestPanel testPanel;

    @Autowired
    ApplicationContext context;

    @Test
    void opening_a_session_signed_out_leads_through_the_sign_in_form_back_to_that_session() {
        TestPanel.Panel panel = testPanel.live();
        Page page = chromium.browser().newContext().newPage();

        page.navigate(url("sessions/" + panel.sessionId()));
        page.waitForURL(u -> u.contains("/login"));
        signIn(page, panel.lead());

        assertThat(page.url()).endsWith("/sessions/" + panel.sessionId());
        page.locator("#session-state").waitFor();
    }

    @Test
    void a_console_whose_session_is_gone_reloads_itself_to_the_sign_in_form_and_returns_after_sign_in() {
        TestPanel.Panel panel = testPanel.live();
        BrowserContext browserContext = chromium.browser().newContext();
        Page page = browserContext.newPage();
        signIn(page, panel.lead());
        page.navigate(url("sessions/" + panel.sessionId()));
        page.locator("#session-state").waitFor();

        // What a restart does to the server side: the HTTP session, and every UI in it, is gone.
        long expired = System.nanoTime();
        expire(sessionCookie(browserContext));

        // Nobody clicks: the page notices (push or poll), reloads, and the reload needs a sign-in.
        page.waitForURL(u -> u.contains("/login"), new Page.WaitForURLOptions().setTimeout(60_000));
        long reloadedMillis = (System.nanoTime() - expired) / 1_000_000;
        assertThat(page.locator("text=Session Expired").count()).isZero();
        signIn(page, panel.lead());

        assertThat(page.url()).endsWith("/sessions/" + panel.sessionId());
        page.locator("#session-state").waitFor();
        System.out.printf("FIGURE expired session: the console reloaded itself to the sign-in form after %d ms%n",
                reloadedMillis);
    }

    /** Signs in through the form (the one the page is on, if the app sent it there) and waits to leave it. */
    private void signIn(Page page, String username) {
        PanelPages.signIn(page, url(""), username, TestPanel.PASSWORD);
    }

    private static String sessionCookie(BrowserContext browserContext) {
        return browserContext.cookies().stream().filter(c -> c.name.equals("JSESSIONID")).map(c -> c.value)
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie"));
    }

    /** Expires the HTTP session in Tomcat, as if the server had restarted. */
    private void expire(String sessionId) {
        var server = (TomcatWebServer) ((WebServerApplicationContext) context).getWebServer();
        var webapp = (Context) server.getTomcat().getHost().findChildren()[0];
        try {
            Session session = webapp.getManager().findSession(sessionId);
            assertThat(session).as("the browser's HTTP session on the server").isNotNull();
            session.expire();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }
}
