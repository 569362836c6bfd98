package io.mockpanel.review.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import io.mockpanel.support.Chromium;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.PanelPages;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestPanel.Panel;
import java.nio.file.Files;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The export links over real HTTP in Chromium: Vaadin runs the download handler on the download's
 * own request, and the access rule there must see the signed-in user (not nobody, not the user who
 * rendered the page): a panel member gets the files, an outsider interviewer is refused.
 */
@IntegrationTest
class ExportMenuDownloadTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    @Autowired
    TestPanel testPanel;

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    private Page signedIn(String username, long sessionId) {
        Page page = chromium.page(1366, 900);
        PanelPages.signIn(page, url(""), username, TestPanel.PASSWORD);
        page.navigate(url("test/export-menu/" + sessionId));
        page.locator("#export-pdf").waitFor();
        return page;
    }

    @Test
    void a_panel_member_downloads_the_pdf_and_the_csv_as_themselves() throws Exception {
        Panel panel = testPanel.scheduled();
        Page page = signedIn(panel.panelist(), panel.sessionId());
        ExportMenuTestView.READERS.clear();

        Download pdf = page.waitForDownload(() -> page.locator("#export-pdf").click());
        assertThat(pdf.failure()).isNull();
        assertThat(pdf.suggestedFilename()).isEqualTo("session-" + panel.sessionId() + "-incident-commander-level-3.pdf");
        byte[] bytes = Files.readAllBytes(pdf.path());
        try (var document = Loader.loadPDF(bytes)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Zoë Ångström");
        }

        Download csv = page.waitForDownload(() -> page.locator("#export-csv").click());
        assertThat(csv.suggestedFilename()).isEqualTo("session-" + panel.sessionId() + "-incident-commander-level-3.csv");
        assertThat(Files.readString(csv.path())).startsWith("\uFEFFsession,session_title,candidate");

        assertThat(ExportMenuTestView.READERS).containsExactly(panel.panelist(), panel.panelist());
    }

    @Test
    void an_interviewer_who_did_not_sit_on_the_session_is_refused_and_told() {
        Panel panel = testPanel.scheduled();
        Page page = signedIn(panel.outsider(), panel.sessionId());
        ExportMenuTestView.READERS.clear();
        String href = page.locator("#export-pdf").getAttribute("href");

        APIResponse response = page.request().get(url(href));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).asString().doesNotStartWith("%PDF");
        page.getByText("You may not export this session").waitFor();

        // and without the session cookie the link is worth nothing
        var stranger = chromium.page(800, 600);
        APIResponse anonymous = stranger.request().get(url(href));
        assertThat(anonymous.body()).asString().doesNotStartWith("%PDF");
        assertThat(ExportMenuTestView.READERS).isEmpty();
    }
}
