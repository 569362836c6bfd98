package io.mockpanel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import io.mockpanel.panel.InviteService;
import io.mockpanel.panel.LiveControlService;
import io.mockpanel.panel.PromptKind;
import io.mockpanel.panel.PromptRef;
import io.mockpanel.support.Chromium;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.PanelPages;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The candidate's access and presence in real Chromium: the lead's console ends the link and the
 * candidate's open room is out within moments, without a click; the end of the session shows a
 * calm closing screen; presence counts screens, not people; on a phone the newest question is on
 * screen when it arrives. Screenshots go to target/screenshots for a person to look at.
 */
@IntegrationTest
class CandidateAccessBrowserTest {

    private static final Path SHOTS = Path.of("target", "screenshots");

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    @Autowired
    TestPanel testPanel;

    @Autowired
    InviteService invites;

    @Autowired
    LiveControlService control;

    @Test
    void revoking_in_the_console_puts_the_candidate_out_at_once_and_the_link_stays_dead() {
        TestPanel.Panel panel = testPanel.live();
        Page candidate = joinAsCandidate(panel, chromium.person(1280, 800));
        asLead(panel, () -> control.push(panel.sessionId(), PromptRef.of(0, PromptKind.SITUATION)));
        candidate.locator(".room-section").first().waitFor();
        String roomUrl = candidate.url();

        Page console = console(panel.lead(), panel.sessionId(), 1440, 900);
        console.locator("#candidate-presence[data-online='true']").waitFor();
        // The candidate is in: the invite card has folded into the header's "Invite link".
        console.locator("#show-invite").click();
        console.locator("#revoke-invite").click();
        console.locator("#confirm-revoke").getByText("Revoke").last().click();
        long revokedAt = System.nanoTime();

        candidate.locator("#invite-message").waitFor(new Locator.WaitForOptions().setTimeout(2_000));
        double outAfterMs = (System.nanoTime() - revokedAt) / 1e6;
        System.out.printf("FIGURE candidate out after revoke: %.0f ms%n", outAfterMs);
        assertThat(candidate.locator("#invite-message").textContent()).contains("cannot be used");
        assertThat(candidate.locator("#request-clarification").count()).isZero();
        screenshot(candidate, "candidate-after-revoke");

        asLead(panel, () -> control.push(panel.sessionId(), PromptRef.question(0, 0, 0)));
        candidate.waitForTimeout(1_000);
        assertThat(candidate.content()).doesNotContain("How would you").doesNotContain("room-questions");

        candidate.navigate(roomUrl);
        candidate.locator("#invite-message").waitFor();
        assertThat(candidate.locator("#invite-message").textContent()).contains("cannot be used");
        console.locator("#candidate-presence[data-online='false']").waitFor();
    }

    @Test
    void a_released_link_moves_the_candidate_to_a_new_browser_and_the_first_one_is_out() {
        TestPanel.Panel panel = testPanel.live();
        TestPanel.Candidate joined = testPanel.join(panel, "Casey");
        asLead(panel, () -> invites.release(panel.sessionId()));
        asLead(panel, () -> invites.issue(panel.sessionId()));
        // The link above was replaced; use a fresh one, join in browser one, then release.
        String token = issue(panel);
        Page laptop = chromium.page(1280, 800);
        PanelPages.join(laptop, url("join/" + token));
        assertThat(joined).isNotNull();

        asLead(panel, () -> invites.release(panel.sessionId()));
        laptop.locator("#invite-message").waitFor(new Locator.WaitForOptions().setTimeout(2_000));

        Page phone = chromium.page(390, 844);
        PanelPages.join(phone, url("join/" + token));
        laptop.reload();
        laptop.locator("#invite-message").waitFor();
        assertThat(laptop.locator("#invite-message").textContent()).contains("cannot be used");
        laptop.navigate(url("join/" + token));
        assertThat(laptop.locator("#invite-message").textContent()).as("the link is the phone's now")
                .contains("already in use");
    }

    @Test
    void ending_the_session_shows_the_candidate_a_calm_closing_screen() {
        TestPanel.Panel panel = testPanel.live();
        Page candidate = joinAsCandidate(panel, chromium.person(1280, 800));
        asLead(panel, () -> {
            control.push(panel.sessionId(), PromptRef.of(0, PromptKind.SITUATION));
            control.push(panel.sessionId(), PromptRef.question(0, 0, 0));
        });
        candidate.locator(".room-questions li.newest").waitFor();

        Page console = console(panel.lead(), panel.sessionId(), 1440, 900);
        console.locator("#end-session").click();
        Locator dialog = console.locator("#confirm-end");
        assertThat(dialog.textContent()).contains("link stops working");
        screenshot(console, "console-confirm-end");
        dialog.getByText("End session").last().click();

        candidate.locator("#invite-message").waitFor(new Locator.WaitForOptions().setTimeout(2_000));
        assertThat(candidate.locator("#invite-message").textContent()).contains("The session has ended");
        assertThat(candidate.locator(".countdown").count()).isZero();
        assertThat(candidate.content()).doesNotContain("Current");
        screenshot(candidate, "candidate-session-ended");
        candidate.reload();
        candidate.locator("#invite-message").waitFor();
        assertThat(candidate.locator("#invite-message").textContent()).contains("The session has ended");
    }

    @Test
    void presence_counts_screens_so_closing_one_of_two_tabs_keeps_a_person_online() {
        TestPanel.Panel panel = testPanel.live();
        Page console = console(panel.lead(), panel.sessionId(), 1440, 900);
        BrowserContext panelist = signedInContext(panel.panelist());
        Page tab1 = panelist.newPage();
        tab1.navigate(url("sessions/" + panel.sessionId()));
        Page tab2 = panelist.newPage();
        tab2.navigate(url("sessions/" + panel.sessionId()));
        tab2.locator("#push-next").waitFor();
        Locator panelistOnline = console.locator("li[data-username='" + panel.panelist() + "']");
        panelistOnline.and(console.locator("[data-online='true']")).waitFor();

        tab1.close();
        console.waitForTimeout(1_500);
        assertThat(panelistOnline.getAttribute("data-online")).as("the other tab is still open").isEqualTo("true");

        tab2.close();
        panelistOnline.and(console.locator("[data-online='false']")).waitFor(
                new Locator.WaitForOptions().setTimeout(20_000));

        BrowserContext candidateBrowser = chromium.person(1280, 800);
        Page room1 = joinAsCandidate(panel, candidateBrowser);
        Page room2 = candidateBrowser.newPage();
        room2.navigate(room1.url());
        room2.locator("#room-content").waitFor();
        console.locator("#candidate-presence").getByText("(2 tabs)").waitFor();
        room1.close();
        console.locator("#candidate-presence[data-online='true']").getByText("Candidate Casey Candidate: connected",
                new Locator.GetByTextOptions().setExact(true)).waitFor();
    }

    @Test
    void on_a_phone_the_newest_question_is_on_screen_when_it_arrives() {
        TestPanel.Panel panel = testPanel.live();
        Page phone = joinAsCandidate(panel, chromium.person(390, 844));
        asLead(panel, () -> {
            control.push(panel.sessionId(), PromptRef.of(0, PromptKind.SITUATION));
            control.push(panel.sessionId(), PromptRef.of(0, PromptKind.CHALLENGES));
            for (int q = 0; q < 3; q++) {
                control.push(panel.sessionId(), PromptRef.question(0, 0, q));
            }
        });
        phone.locator(".room-questions li").nth(2).waitFor();
        phone.waitForTimeout(300);
        asLead(panel, () -> control.push(panel.sessionId(), PromptRef.question(0, 1, 0)));
        Locator newest = phone.locator(".room-questions li.newest");
        newest.getByText("Current").waitFor();
        phone.waitForTimeout(800);

        double[] box = box(phone, newest);
        System.out.printf("FIGURE newest question on a 390x844 phone: top %.0f px, bottom %.0f px%n", box[0], box[1]);
        assertThat(box[0]).as("top of the newest question").isGreaterThanOrEqualTo(0);
        assertThat(box[1]).as("bottom of the newest question").isLessThanOrEqualTo(844);
        screenshot(phone, "candidate-phone-newest-question");
    }

    @Test
    void an_over_long_note_is_refused_in_the_browser_never_travels_to_the_server_and_later_notes_still_save() {
        TestPanel.Panel panel = testPanel.live();
        Page console = console(panel.panelist(), panel.sessionId(), 1440, 900);
        List<Integer> bodySizes = new java.util.concurrent.CopyOnWriteArrayList<>();
        console.onRequest(request -> bodySizes.add(request.postDataBuffer() == null ? 0 : request.postDataBuffer().length));
        Locator area = console.locator("#note-text textarea");
        area.evaluate("(el, n) => { el.value = 'y'.repeat(n); el.dispatchEvent(new Event('input', {bubbles: true})); "
                + "el.dispatchEvent(new Event('change', {bubbles: true})); }", 100_000);
        area.blur();
        console.locator("#note-pending.problem").waitFor();
        assertThat(console.locator("#note-pending").textContent())
                .contains("this note has 100 000 characters, at most 20 000").contains("kept");
        console.waitForTimeout(1_500);
        assertThat(bodySizes).as("no request carried the over-long text").allMatch(size -> size < 100_000);

        PanelPages.writeNote(console, "Short enough now");
        assertThat(console.locator("#note-pending").textContent()).isEmpty();
    }

    // --- helpers -----------------------------------------------------------------------------------

    private Page joinAsCandidate(TestPanel.Panel panel, BrowserContext context) {
        Page page = context.newPage();
        PanelPages.join(page, url("join/" + issue(panel)));
        return page;
    }

    private String issue(TestPanel.Panel panel) {
        return TestUsers.as(panel.lead(), "INTERVIEWER", () -> invites.issue(panel.sessionId()).token());
    }

    private Page console(String username, long sessionId, int width, int height) {
        BrowserContext context = signedInContext(username, width, height);
        Page page = context.newPage();
        page.navigate(url("sessions/" + sessionId));
        page.waitForLoadState(LoadState.NETWORKIDLE);
        page.locator("#session-state").waitFor();
        return page;
    }

    private BrowserContext signedInContext(String username) {
        return signedInContext(username, 1440, 900);
    }

    /** A person's browser, signed in (by posting the sign-in form, not through its page). */
    private BrowserContext signedInContext(String username, int width, int height) {
        BrowserContext context = chromium.person(width, height);
        PanelPages.signInByRequest(context, url(""), username, TestPanel.PASSWORD);
        return context;
    }

    private static void asLead(TestPanel.Panel panel, Runnable action) {
        TestUsers.as(panel.lead(), "INTERVIEWER", action);
    }

    @SuppressWarnings("unchecked")
    private static double[] box(Page page, Locator locator) {
        List<Number> edges = (List<Number>) locator.evaluate(
                "el => { const r = el.getBoundingClientRect(); return [r.top, r.bottom]; }");
        return new double[] {edges.get(0).doubleValue(), edges.get(1).doubleValue()};
    }

    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")));
    }

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }
}
