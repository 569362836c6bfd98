package io.mockpanel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import io.mockpanel.panel.LiveControlService;
import io.mockpanel.panel.NoteService;
import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.scoring.AreaScore;
import io.mockpanel.scoring.ScoreSheetInput;
import io.mockpanel.scoring.ScoringService;
import io.mockpanel.support.Chromium;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.PanelPages;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 8's walk as a coach would take it, in real Chromium: find a finished panel in the history
 * by a word from its notes, read its timeline and scores, download its PDF report, write and
 * release a development report, and the candidate reads it by the link without an account; the
 * candidate's progress page draws its chart. Screenshots go to target/screenshots.
 */
@IntegrationTest
class CoachReviewBrowserTest {

    private static final Path SHOTS = Path.of("target", "screenshots");

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    @Autowired
    TestPanel testPanel;
    @Autowired
    PanelSessionService sessions;
    @Autowired
    LiveControlService live;
    @Autowired
    NoteService notes;
    @Autowired
    ScoringService scoring;
    @Autowired
    JdbcClient jdbc;

    private final List<BrowserContext> contexts = new ArrayList<>();

    @AfterEach
    void close() {
        contexts.forEach(BrowserContext::close);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    /** A panel that ran: three pushes, a note with a word nobody else wrote, the first scenario scored and revealed. */
    private TestPanel.Panel finishedPanel(String word) {
        TestPanel.Panel panel = testPanel.live();
        long id = panel.sessionId();
        TestUsers.as(panel.lead(), "INTERVIEWER", () -> {
            for (int i = 0; i < 3; i++) {
                live.pushNext(id);
            }
            var note = notes.saveNote(id, null, 0, "Cut the release cycle from two weeks to a day; " + word, false);
            notes.commitNote(id, note.id());
        });
        int areas = TestUsers.as(panel.lead(), "INTERVIEWER", () -> sessions.agendaOf(id)).getFirst()
                .discussionAreas().size();
        for (String scorer : List.of(panel.lead(), panel.panelist())) {
            List<AreaScore> rows = new ArrayList<>();
            for (int area = 0; area < areas; area++) {
                rows.add(AreaScore.of(area, 3, "Owned the outcome and named the numbers."));
            }
            TestUsers.as(scorer, "INTERVIEWER", () -> scoring.submit(id, new ScoreSheetInput(0, rows, 3,
                    "Hire for the transformation role.", 0)));
        }
        TestUsers.as(panel.lead(), "INTERVIEWER", () -> {
            scoring.reveal(id, 0);
            sessions.end(id);
        });
        return panel;
    }

    private Page coach(TestPanel.Panel panel, int width, int height) {
        BrowserContext context = chromium.person(width, height);
        contexts.add(context);
        Page page = context.newPage();
        PanelPages.signIn(page, base() + "/", panel.coach(), TestPanel.PASSWORD);
        return page;
    }

    @Test
    void a_coach_finds_the_session_reads_it_exports_it_and_hands_the_candidate_a_report() throws Exception {
        String word = "kestrel" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 30, 1L << 40), 36)
                .replaceAll("[0-9]", "q");
        TestPanel.Panel panel = finishedPanel(word);
        long id = panel.sessionId();
        Page page = coach(panel, 1440, 900);

        // History: the word from a note finds the session; the row opens its review.
        page.navigate(base() + "/history?q=" + word);
        page.waitForLoadState(LoadState.NETWORKIDLE);
        page.locator("vaadin-grid-cell-content").getByText("Test panel", new com.microsoft.playwright.Locator
                .GetByTextOptions().setExact(false)).first().waitFor();
        assertThat(page.locator("#history-count").textContent()).contains("1 session");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("history-1440.png")));
        page.locator("vaadin-grid-cell-content").getByText("Casey Candidate").first().click();
        page.waitForURL("**/sessions/" + id + "/review");
        page.locator("#review-timeline").waitFor();
        assertThat(page.locator("#review-timeline").textContent()).contains(word);
        assertThat(page.locator("#review-when").textContent()).isNotBlank();
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("review-1440.png")));

        // The scores: each panelist's score with its justification.
        page.locator("vaadin-tab").getByText("Scores").click();
        page.getByText("Owned the outcome and named the numbers.").first().waitFor();
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("review-scores-1440.png")));

        // The PDF report holds what the page shows.
        Download download = page.waitForDownload(() -> page.locator("#export-pdf").click());
        byte[] pdf = Files.readAllBytes(download.path());
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Casey Candidate", "Owned the outcome and named the numbers.", word);
        }

        // The report: write, watch it save, release, and take the link once.
        page.locator("#open-report").click();
        page.waitForURL("**/sessions/" + id + "/report");
        page.locator("#report-summary textarea").fill("You led with numbers; next, say the result first.");
        page.locator("#save-status").getByText("Saved", new com.microsoft.playwright.Locator.GetByTextOptions()
                .setExact(false)).waitFor();
        page.locator("#release-report").click();
        page.locator("#confirm-release-report").getByText("Release", new com.microsoft.playwright.Locator
                .GetByTextOptions().setExact(true)).last().click();
        page.locator("#report-link-url input").waitFor();
        String link = page.locator("#report-link-url input").inputValue();
        assertThat(link).contains("/report/");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("report-editor-1440.png")));

        // The candidate, on a phone, without an account: the released report only.
        BrowserContext candidateContext = chromium.person(390, 844);
        contexts.add(candidateContext);
        Page candidate = candidateContext.newPage();
        candidate.navigate(link.startsWith("http") ? link : base() + link);
        candidate.getByText("say the result first").waitFor();
        String shown = candidate.locator("body").innerText();
        assertThat(shown).contains("Casey Candidate").doesNotContain(word).doesNotContain("Pat Panelist");
        candidate.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("candidate-report-390.png"))
                .setFullPage(true));

        // Progress: the candidate's chart is drawn from the scores.
        long candidateId = jdbc.sql("select candidate_id from panel_session where id = ?").param(id)
                .query(Long.class).single();
        page.navigate(base() + "/candidates/" + candidateId);
        page.locator("svg[role=img]").first().waitFor();
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("progress-1440.png")));
        page.navigate(base() + "/calibration");
        page.locator("#calibration").waitFor();
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("calibration-1440.png")));

        // The review on a phone fits its width.
        Page phone = coach(panel, 390, 844);
        phone.navigate(base() + "/sessions/" + id + "/review");
        phone.locator("#review-timeline").waitFor();
        phone.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("review-390.png")));
        int overflow = ((Number) phone.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue();
        assertThat(overflow).isLessThanOrEqualTo(0);
    }
}
