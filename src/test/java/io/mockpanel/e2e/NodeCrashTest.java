package io.mockpanel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import io.mockpanel.panel.InviteService;
import io.mockpanel.support.AppNode;
import io.mockpanel.support.Chromium;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.PanelPages;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code kill -9} of the app node in the middle of a live session. The node is a separate JVM on
 * this test's database; the lead's console and the candidate's room run in Chromium against it.
 * After pushes, a note, a quick tag and a score sheet were acknowledged on screen, the node is
 * killed (no shutdown hook, nothing flushed) and started again on the same port. Every
 * acknowledged item must be in the database, the candidate's room must come back by itself with
 * exactly what it showed, and the lead, after signing in again, must land on the same console
 * showing the same state.
 */
@IntegrationTest
class NodeCrashTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    private static AppNode node;

    @Autowired
    TestPanel testPanel;

    @Autowired
    InviteService invites;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcConnectionDetails database;

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.stop();
        }
    }

    @Test
    void after_kill_9_everything_acknowledged_is_there_and_both_screens_come_back_as_they_were() {
        TestPanel.Panel panel = testPanel.live();
        String[] token = new String[1];
        TestUsers.signIn(panel.lead(), "INTERVIEWER");
        token[0] = invites.issue(panel.sessionId()).token();
        TestUsers.signOut();
        node = AppNode.onDatabase(database).start();

        // The candidate joins on the node; the lead runs the session from its console there.
        Page room = chromium.page(390, 844);
        room.navigate(node.url("join/" + token[0]));
        room.locator("#join-session").click();
        room.locator("#room-content").waitFor();
        Page console = chromium.page(1440, 900);
        console.navigate(node.url("sessions/" + panel.sessionId()));
        PanelPages.signIn(console, node.url(""), panel.lead(), TestPanel.PASSWORD);
        assertThat(console.url()).endsWith("/sessions/" + panel.sessionId());
        console.locator("#candidate-presence[data-online='true']").waitFor();

        for (int push = 0; push < 4; push++) {
            console.locator("#push-next").click();
        }
        room.locator(".room-questions li.newest").waitFor();
        String note = "CRASH-NOTE " + panel.sessionId() + " framed the incident before the fix";
        PanelPages.writeNote(console, note);
        console.locator("#tag-star_situation").click();
        console.locator("#tag-status").getByText("Tagged").waitFor();
        PanelPages.submitSheet(console, 3);
        String newestBefore = room.locator(".room-questions li.newest p").innerText();
        List<String> roomSectionsBefore = room.locator(".room-section h2").allInnerTexts();
        // The mirror's countdown runs on; what was pushed must be the same.
        String mirrorBefore = console.locator("#mirror .room-title").innerText() + "\n"
                + console.locator("#mirror .room-questions").innerText();
        // Marks the page as it is now: a page the browser reloaded no longer has the mark.
        room.evaluate("() => window.__beforeCrash = true");

        Instant killed = Instant.now();
        node.kill();
        node.start();
        long restartMillis = Duration.between(killed, Instant.now()).toMillis();

        // Everything acknowledged on screen is stored.
        long id = panel.sessionId();
        assertThat(jdbc.sql("select text from session_note where session_id = ?").param(id).query(String.class).list())
                .containsExactly(note);
        assertThat(count(id, "PROMPT_PUSHED")).isEqualTo(4);
        assertThat(count(id, "TAG_ADDED")).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from score_sheet where session_id = ? and author = ? and state = 'SUBMITTED'")
                .params(id, panel.lead()).query(Long.class).single()).isEqualTo(1);

        // The candidate's room comes back by itself (the page reloads, the same browser is let in
        // again by its cookie), with exactly what it showed.
        Instant restarted = Instant.now();
        room.waitForFunction("() => window.__beforeCrash === undefined", null,
                new Page.WaitForFunctionOptions().setTimeout(90_000));
        Locator newest = room.locator(".room-questions li.newest p");
        newest.getByText(newestBefore).waitFor(new Locator.WaitForOptions().setTimeout(30_000));
        long roomBackMillis = Duration.between(restarted, Instant.now()).toMillis();
        assertThat(room.url()).endsWith("/room");
        assertThat(room.locator(".room-section h2").allInnerTexts()).isEqualTo(roomSectionsBefore);
        assertThat(room.locator("#invite-message").count()).isZero();

        // The lead's page lands on the sign-in form; signed in again, it is back on the same console.
        console.waitForURL(url -> url.contains("/login"), new Page.WaitForURLOptions().setTimeout(90_000));
        long consoleAtSignInMillis = Duration.between(restarted, Instant.now()).toMillis();
        PanelPages.signIn(console, node.url(""), panel.lead(), TestPanel.PASSWORD);
        assertThat(console.url()).endsWith("/sessions/" + panel.sessionId());
        console.locator("#notes-timeline").getByText(note).waitFor();
        console.locator("#notes-timeline .timeline-tag").getByText("Situation").waitFor();
        PanelPages.openPane(console, "score");
        console.locator("#my-sheet-state").getByText("submitted").waitFor();
        console.waitForLoadState(LoadState.NETWORKIDLE);
        assertThat(console.locator("#mirror .room-title").innerText() + "\n"
                + console.locator("#mirror .room-questions").innerText()).isEqualTo(mirrorBefore);
        console.locator("#candidate-presence[data-online='true']").waitFor();

        // Both are live again: the next push reaches the room.
        console.locator("#push-next").click();
        room.locator(".room-questions li").nth(1).waitFor();
        assertThat(count(id, "PROMPT_PUSHED")).isEqualTo(5);

        System.out.printf("FIGURE kill -9 of the node: started again in %d ms; the candidate's room was back "
                + "%d ms later, the lead's page at the sign-in form %d ms later%n", restartMillis, roomBackMillis,
                consoleAtSignInMillis);
    }

    private long count(long sessionId, String type) {
        return jdbc.sql("select count(*) from session_event where session_id = ? and type = ?")
                .params(sessionId, type).query(Long.class).single();
    }
}
