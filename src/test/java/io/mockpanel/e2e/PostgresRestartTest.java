package io.mockpanel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.mockpanel.support.AppNode;
import io.mockpanel.support.Chromium;
import io.mockpanel.support.PanelPages;
import io.mockpanel.support.RestartablePostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * PostgreSQL restarted in the middle of a live session. One app node (a separate JVM) runs on a
 * PostgreSQL that only this test uses, so the test can stop it: a lead's console and a
 * candidate's room are open in Chromium. While the database is away both pages say they are
 * reconnecting, a click gets a calm answer within seconds, and readiness reports the node out of
 * service; once it is back the pages recover by themselves, the next push reaches the candidate,
 * and everything acknowledged before is still stored.
 *
 * <p>Nothing is typed into the note composer during the outage: keeping a note typed meanwhile is
 * the notes panel's own retry, tested with it.
 */
class PostgresRestartTest {

    private static final String PASSWORD = "restart-test-password";
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    private static final String CALM_MESSAGE = "The database cannot be reached right now.";

    /** Started before {@link #start()}: without a Chromium the class is skipped before any database starts. */
    @RegisterExtension
    static final Chromium chromium = new Chromium();

    private static RestartablePostgres postgres;
    private static AppNode node;

    @BeforeAll
    static void start() {
        postgres = RestartablePostgres.start();
        node = AppNode.onDatabase(postgres.jdbcUrl(), postgres.username(), postgres.password()).start();
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void a_live_session_survives_a_postgresql_restart_and_loses_nothing_acknowledged() {
        String suffix = Long.toString(ThreadLocalRandom.current().nextLong(1L << 30, 1L << 40), 36);
        String lead = "restart-lead-" + suffix;
        createInterviewer(lead);

        // A live session: the lead's console and the candidate's room, a note saved and two pushes seen.
        Page console = signedIn(lead);
        long sessionId = createSession(console, "Restart panel " + suffix);
        console.locator("#issue-invite").click();
        String link = console.locator("#invite-link input").inputValue();
        Page room = chromium.browser().newContext().newPage();
        PanelPages.join(room, link);
        room.locator("#room-content").getByText("has not started yet").waitFor();
        console.locator("#start-session").click();
        console.locator("#session-state").getByText("Live").waitFor();
        String note = "NOTE-" + suffix + " asked about the blast radius first";
        PanelPages.writeNote(console, note);
        console.locator("#push-next").click();
        console.locator("#push-next").click();
        room.locator(".room-section").getByText("critical production system").waitFor();
        assertThat(banner(console).textContent()).isEmpty();
        // The room's text also changes every second (the running countdown): count its sections instead.
        int sectionsBefore = room.locator(".room-section").count();

        // PostgreSQL goes away.
        Instant stopped = Instant.now();
        postgres.stop();
        shownBanner(console).waitFor(new Locator.WaitForOptions().setTimeout(30_000));
        long consoleBannerMillis = millisSince(stopped);
        shownBanner(room).waitFor(new Locator.WaitForOptions().setTimeout(30_000));
        long roomBannerMillis = millisSince(stopped);
        assertThat(shownBanner(room).textContent())
                .isEqualTo("Reconnecting to the live session… updates will resume by themselves");
        assertThat(shownBanner(room).getAttribute("role")).isEqualTo("status");

        AppNode.Response readiness = node.get("actuator/health/readiness");
        assertThat(readiness.code()).isEqualTo(503);
        assertThat(readiness.componentStatus("sessionListener")).isEqualTo("OUT_OF_SERVICE");
        assertThat(node.get("actuator/health/liveness").code()).isEqualTo(200);

        // A click meanwhile is answered calmly, within seconds, on both sides.
        Instant clicked = Instant.now();
        console.locator("#push-next").click();
        console.getByText(CALM_MESSAGE).waitFor(new Locator.WaitForOptions().setTimeout(30_000));
        long consoleAnswerMillis = millisSince(clicked);
        clicked = Instant.now();
        room.locator("#request-clarification").click();
        room.getByText(CALM_MESSAGE).waitFor(new Locator.WaitForOptions().setTimeout(30_000));
        long roomAnswerMillis = millisSince(clicked);

        // A note typed meanwhile is kept in the browser, said to be not saved yet, and retried.
        String typedDuringOutage = "OUTAGE-NOTE-" + suffix + " answered while the database was away";
        console.locator("#new-note").click();
        console.locator("#note-text textarea").fill(typedDuringOutage);
        console.locator("#note-text textarea").blur();
        console.locator("#note-pending.problem").getByText("Not saved yet").waitFor(
                new Locator.WaitForOptions().setTimeout(30_000));
        assertThat((String) console.evaluate("() => Object.keys(localStorage).filter(k => "
                + "k.startsWith('mockpanel.note-draft')).map(k => localStorage.getItem(k)).join()"))
                .as("the browser's mirror holds the text").contains(typedDuringOutage);

        // PostgreSQL comes back after the outage.
        sleepUntil(stopped.plus(OUTAGE));
        Instant restarted = Instant.now();
        postgres.startAgain();
        long downMillis = Duration.between(stopped, restarted).toMillis();
        hiddenBanner(console).waitFor(attachedWithin(60_000));
        long consoleBackMillis = millisSince(restarted);
        hiddenBanner(room).waitFor(attachedWithin(60_000));
        long roomBackMillis = millisSince(restarted);
        await(() -> node.get("actuator/health/readiness").code() == 200);
        long readyMillis = millisSince(restarted);

        // The note typed during the outage is saved by itself once the database is back.
        console.locator("#note-status").getByText("Saved").waitFor(new Locator.WaitForOptions().setTimeout(60_000));
        long noteSavedMillis = millisSince(restarted);
        console.locator("#notes-timeline").getByText(typedDuringOutage).waitFor();

        // The next push reaches the candidate.
        Instant pushed = Instant.now();
        console.locator("#push-next").click();
        await(() -> room.locator(".room-section").count() > sectionsBefore);
        long candidateSawMillis = millisSince(pushed);

        // Everything acknowledged is stored, and what the screens show is exactly what is stored:
        // both notes; the two pushes before and the one after (a click made during the outage may
        // still go through once the database is back, if the page had not sent it yet when the
        // calm message came from its heartbeat; then the console shows it too).
        JdbcClient database = postgres.jdbc();
        assertThat(database.sql("select text from session_note where session_id = ? order by id").param(sessionId)
                .query(String.class).list()).containsExactly(note, typedDuringOutage);
        console.waitForTimeout(1_000);
        long pushesShown = console.locator(".agenda-tree .agenda-status").allInnerTexts().stream()
                .filter(text -> !text.isBlank()).count();
        long pushesStored = database.sql("select count(*) from session_event where session_id = ? "
                + "and type = 'PROMPT_PUSHED'").param(sessionId).query(Long.class).single();
        assertThat(pushesStored).isBetween(3L, 4L).isEqualTo(pushesShown);
        long clarificationsStored = database.sql("select count(*) from session_event where session_id = ? "
                + "and type = 'CLARIFICATION_REQUESTED'").param(sessionId).query(Long.class).single();
        assertThat(clarificationsStored).isEqualTo(console.locator("#clarifications li").count());

        System.out.printf("FIGURE PostgreSQL stopped for %d ms: banner after %d ms (console) / %d ms (room); a click "
                + "answered calmly after %d ms (console) / %d ms (room); after PostgreSQL was back: banners gone after "
                + "%d ms (console) / %d ms (room), readiness UP after %d ms, the note typed meanwhile saved after %d ms; "
                + "the candidate saw the next push %d ms after the click%n", downMillis, consoleBannerMillis,
                roomBannerMillis, consoleAnswerMillis, roomAnswerMillis, consoleBackMillis, roomBackMillis, readyMillis,
                noteSavedMillis, candidateSawMillis);
    }

    /** The node's database is the test's own: an interviewer account is one row. */
    private static void createInterviewer(String username) {
        String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD);
        postgres.jdbc().sql("""
                insert into user_account (username, display_name, role, password_hash, created_at, updated_at)
                values (?, 'Rita Restart', 'INTERVIEWER', ?, now(), now())""").params(username, hash).update();
    }

    /** Signed in on the node (its own base URL), not on a test application. */
    private static Page signedIn(String username) {
        Page page = chromium.page(1366, 900);
        PanelPages.signIn(page, node.url(""), username, PASSWORD);
        return page;
    }

    /** Through the new-session form, on the seed scenario "Crisis Management"; returns the session id. */
    private static long createSession(Page page, String title) {
        page.navigate(node.url("sessions/new"));
        page.waitForLoadState(LoadState.NETWORKIDLE);
        page.locator("vaadin-text-field").nth(0).locator("input").fill(title);
        page.locator("vaadin-text-field").nth(1).locator("input").fill("Casey Candidate");
        page.locator("#scenario-picker input").click();
        page.keyboard().type("Crisis");
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("Crisis")).first().click();
        page.locator("#agenda-list").getByText("Crisis Management").waitFor();
        page.locator("#create-session").click();
        page.waitForURL(u -> u.matches(".*/sessions/\\d+$"));
        return Long.parseLong(page.url().replaceAll(".*/sessions/", ""));
    }

    private static Locator banner(Page page) {
        return page.locator("#reconnecting-banner");
    }

    private static Locator shownBanner(Page page) {
        return page.locator("#reconnecting-banner.shown");
    }

    private static Locator hiddenBanner(Page page) {
        return page.locator("#reconnecting-banner:not(.shown)");
    }

    /** An empty banner has no size, so Playwright never calls it visible: wait for it to be there. */
    private static Locator.WaitForOptions attachedWithin(double millis) {
        return new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED).setTimeout(millis);
    }

    private static long millisSince(Instant start) {
        return Duration.between(start, Instant.now()).toMillis();
    }

    private static void sleepUntil(Instant when) {
        long millis = Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) {
            sleep(millis);
        }
    }

    private static void await(BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition not met within 60 s").isBefore(deadline);
            sleep(100);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
