package io.mockpanel.scratch;

import com.microsoft.playwright.Page;
import io.mockpanel.panel.InviteService;
import io.mockpanel.support.Chromium;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.PanelPages;
import io.mockpanel.support.TestPanel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class ProtocolTraceTest {
    @RegisterExtension
    static final Chromium chromium = new Chromium();
    @LocalServerPort
    int port;
    @Autowired
    TestPanel testPanel;

    void trace(Page p, String who) {
        p.onRequest(r -> System.out.println("TRACE " + who + " REQ " + r.method() + " " + r.url() + (r.postData() != null ? " BODY " + r.postData() : "")));
        p.onResponse(r -> { if (r.url().contains("v-r=")) { try { System.out.println("TRACE " + who + " RESP " + r.url() + " " + r.text()); } catch (Exception e) { } } });
        p.onWebSocket(ws -> {
            System.out.println("TRACE " + who + " WS " + ws.url());
            ws.onFrameSent(f -> System.out.println("TRACE " + who + " WS> " + f.text()));
            ws.onFrameReceived(f -> System.out.println("TRACE " + who + " WS< " + f.text()));
        });
    }

    @Test
    void trace() throws Exception {
        TestPanel.Panel panel = testPanel.scheduled();
        Page lead = chromium.page(1440, 900);
        PanelPages.signIn(lead, "http://localhost:" + port + "/", panel.lead(), TestPanel.PASSWORD);
        trace(lead, "LEAD");
        lead.navigate("http://localhost:" + port + "/sessions/" + panel.sessionId());
        lead.locator("#issue-invite").click();
        lead.locator("img.qr-code").waitFor();
        String link = lead.locator("#invite-link input").inputValue();
        Page cand = chromium.page(390, 844);
        trace(cand, "CAND");
        PanelPages.join(cand, link);
        Thread.sleep(2000);
        System.out.println("TRACE ---- start");
        lead.locator("vaadin-button").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Start")).first().click();
        Thread.sleep(2000);
        System.out.println("TRACE ---- push next");
        lead.keyboard().press("Alt+n");
        Thread.sleep(2000);
        System.out.println("TRACE ---- note");
        lead.locator("#note-text textarea").fill("hello note");
        lead.locator("#note-text textarea").blur();
        Thread.sleep(2000);
        System.out.println("TRACE ---- end");
    }
}
