package io.mockpanel.benchmark;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import io.mockpanel.panel.InviteService;
import io.mockpanel.panel.NewSession;
import io.mockpanel.panel.Note;
import io.mockpanel.panel.NoteService;
import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.scenario.ScenarioFilter;
import io.mockpanel.scenario.ScenarioService;
import io.mockpanel.scenario.ScenarioSummary;
import io.mockpanel.security.AccountRole;
import io.mockpanel.security.AccountService;
import io.mockpanel.security.NewAccount;
import io.mockpanel.support.Chromium;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.PanelPages;
import io.mockpanel.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Push latency in real Chromium: click "Push next" in the lead's console → the candidate's room
 * changed, while {@value #OTHER_SESSIONS} other live sessions run: each has its candidate's room
 * open, a console open, and three panelists typing notes (an autosave a second each, through the
 * note service as the composer's autosave calls it). The click is split at the server
 * ({@link ServerTiming}): click → request arrived, request → the room's push frame handed to
 * Atmosphere (the server part: the click handling, the event, NOTIFY, the room's catch-up and
 * render), and frame → the room's DOM changed. Browser and server read the same wall clock.
 * Run: {@code ./mvnw -Pbenchmark verify} (see README). Prints figures; asserts nothing about speed.
 */
@Tag("benchmark")
@IntegrationTest
class PushLatencyBenchmark {

    /** 200; {@code -Dbenchmark.pushes=5} for a quick check of the set-up. */
    private static final Page.WaitForFunctionOptions IDLE_WAIT = new Page.WaitForFunctionOptions().setTimeout(180_000);
    private static final int PUSHES = Integer.getInteger("benchmark.pushes", 200);
    private static final int OTHER_SESSIONS = 20;
    private static final int TYPISTS_PER_SESSION = 3;
    private static final int WARM_UP = 10;
    private static final String PASSWORD = "benchmark-password";
    private static final String IDLE = "() => !Object.values(window.Vaadin.Flow.clients).some(c => c.isActive())";

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    AccountService accounts;

    @Autowired
    PanelSessionService sessions;

    @Autowired
    InviteService invites;

    @Autowired
    ScenarioService scenarios;

    @Autowired
    NoteService notes;

    /** A panelist of another session who types notes during the run. */
    private record Typist(long sessionId, String username) {
    }

    @Test
    void push_click_to_candidate_dom_while_the_other_sessions_type_notes() throws Exception {
        String suffix = Long.toString(ThreadLocalRandom.current().nextLong(1L << 30, 1L << 40), 36);
        String lead = "bench-" + suffix;
        TestUsers.signIn("bench-admin", "ADMIN");
        accounts.createAccount(new NewAccount(lead, "Bench Lead", AccountRole.INTERVIEWER, PASSWORD));
        List<Typist> typists = new ArrayList<>();
        List<List<String>> panelists = new ArrayList<>();
        for (int s = 0; s < OTHER_SESSIONS; s++) {
            List<String> names = new ArrayList<>();
            for (int p = 0; p < TYPISTS_PER_SESSION; p++) {
                String name = "bench-" + suffix + "-" + s + "-" + p;
                accounts.createAccount(new NewAccount(name, "Typist " + s + "." + p, AccountRole.INTERVIEWER,
                        PASSWORD));
                names.add(name);
            }
            panelists.add(names);
        }
        TestUsers.signIn(lead, "INTERVIEWER");
        List<Long> library = scenarios.search(ScenarioFilter.ALL).stream().map(ScenarioSummary::id).toList();
        // 12 scenarios (the seed ones, repeated) give more than 200 pushable items.
        List<Long> agenda = new ArrayList<>();
        while (agenda.size() < 12) {
            agenda.addAll(library.subList(0, Math.min(library.size(), 12 - agenda.size())));
        }
        long measured = liveSession(agenda, List.of());
        List<String> otherLinks = new ArrayList<>();
        List<Long> others = new ArrayList<>();
        for (List<String> names : panelists) {
            long other = liveSession(agenda.subList(0, 1), names);
            others.add(other);
            otherLinks.add(invites.issue(other).path());
            names.forEach(name -> typists.add(new Typist(other, name)));
        }
        String link = invites.issue(measured).path();
        TestUsers.signOut();

        for (String other : otherLinks) {
            PanelPages.join(chromium.browser().newContext().newPage(), url(other));
        }
        // The other sessions' consoles: one more person, one tab per session (so they update as notes arrive).
        Page watcher = chromium.page(1366, 900);
        PanelPages.signIn(watcher, url(""), lead, PASSWORD);
        for (long other : others) {
            Page tab = watcher.context().newPage();
            tab.navigate(url("sessions/" + other));
            tab.locator("#push-next").waitFor();
        }

        try (ServerTiming server = ServerTiming.install(context)) {
            BrowserContext candidateBrowser = chromium.browser().newContext();
            Page candidate = candidateBrowser.newPage();
            PanelPages.join(candidate, url(link));
            String candidateSession = httpSession(candidateBrowser);
            // The countdown ticks in the browser every second: its changes are not the push arriving.
            candidate.evaluate("""
                    () => {
                      window.__changes = [];
                      const ticking = record => {
                        const element = record.target.nodeType === 1 ? record.target : record.target.parentElement;
                        return element !== null && element.closest('.countdown') !== null;
                      };
                      new MutationObserver(records => {
                        if (!records.every(ticking)) {
                          window.__changes.push(performance.timeOrigin + performance.now());
                        }
                      }).observe(document.querySelector('#room-content'), {childList: true, subtree: true, characterData: true});
                    }""");
            Page console = chromium.page(1366, 900);
            PanelPages.signIn(console, url(""), lead, PASSWORD);
            console.navigate(url("sessions/" + measured));
            console.locator("#push-next").waitFor();
            String consoleSession = httpSession(console.context());

            var clickToDom = new Percentiles();
            var serverPart = new Percentiles();
            var clickToRequest = new Percentiles();
            var frameToDom = new Percentiles();
            var noteSaves = new Percentiles();
            AtomicBoolean typing = new AtomicBoolean(true);
            AtomicInteger failedSaves = new AtomicInteger();
            int lostPushes = 0;
            ExecutorService pool = Executors.newFixedThreadPool(typists.size());
            List<Future<?>> running = new ArrayList<>();
            for (Typist typist : typists) {
                running.add(pool.submit(() -> type(typist, typing, noteSaves, failedSaves)));
            }
            try {
                Thread.sleep(3_000); // every typist under way before the first measured push
                for (int i = 0; i < PUSHES + WARM_UP; i++) {
                    int before = ((Number) candidate.evaluate("() => window.__changes.length")).intValue();
                    server.clear();
                    double clickedAt = ((Number) console.evaluate("""
                            () => { const t = performance.timeOrigin + performance.now();
                                    document.querySelector('#push-next').click(); return t; }""")).doubleValue();
                    try {
                        candidate.waitForFunction("n => window.__changes.length > n", before);
                    } catch (TimeoutError e) {
                        // The click failed on the server (say, no database connection in time): counted, not timed.
                        lostPushes++;
                        console.waitForFunction(IDLE);
                        continue;
                    }
                    double changedAt = ((Number) candidate.evaluate("n => window.__changes[n]", before)).doubleValue();
                    OptionalDouble requestAt = server.firstRequest(consoleSession);
                    OptionalDouble frameAt = server.firstFrame(candidateSession);
                    if (i >= WARM_UP) {
                        clickToDom.add(changedAt - clickedAt);
                        if (requestAt.isPresent() && frameAt.isPresent()) {
                            clickToRequest.add(requestAt.getAsDouble() - clickedAt);
                            serverPart.add(frameAt.getAsDouble() - requestAt.getAsDouble());
                            frameToDom.add(changedAt - frameAt.getAsDouble());
                        }
                    }
                    // The next click only once the console has no request in flight: a queued click would
                    // otherwise count the previous round trip too.
                    // Under the full load on 2 cores a request can wait for the pool for a while: a
                    // long wait is part of the figures, not a reason to stop the run.
                    console.waitForFunction(IDLE, null, IDLE_WAIT);
                    candidate.waitForFunction(IDLE, null, IDLE_WAIT);
                }
            } finally {
                typing.set(false);
                for (Future<?> done : running) {
                    done.get(60, TimeUnit.SECONDS);
                }
                pool.shutdownNow();
            }
            String load = " (" + OTHER_SESSIONS + " other live sessions, each with its room and a console open and "
                    + TYPISTS_PER_SESSION + " panelists autosaving notes once a second)";
            System.out.println("FIGURE " + serverPart.summary("push server part: click request arrived -> room's "
                    + "push frame sent" + load));
            System.out.println("FIGURE " + clickToDom.summary("push click -> candidate DOM" + load));
            System.out.println("FIGURE " + noteSaves.summary("note save during the pushes (" + typists.size()
                    + " typists; " + failedSaves.get() + " saves failed)"));
            System.out.println("FIGURE pushes that never reached the candidate within 30 s: " + lostPushes + " of "
                    + (PUSHES + WARM_UP));
            System.out.println("FIGURE " + clickToRequest.summary("push browser part 1: click -> request arrived"));
            System.out.println("FIGURE " + frameToDom.summary("push browser part 2: frame sent -> candidate DOM"));
        }
    }

    /** Saves a growing note once a second, as the composer's autosave does while someone types. */
    private void type(Typist typist, AtomicBoolean typing, Percentiles latencies, AtomicInteger failed) {
        TestUsers.signIn(typist.username(), "INTERVIEWER");
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1000));
            Note note = null;
            StringBuilder text = new StringBuilder("Observed: ");
            long next = System.nanoTime();
            while (typing.get()) {
                text.append("names an owner and a date; ");
                if (text.length() > 15_000) {
                    note = null; // a new note, as someone does after a long one
                    text.setLength(0);
                    text.append("Next: ");
                }
                long start = System.nanoTime();
                try {
                    note = notes.saveNote(typist.sessionId(), note == null ? null : note.id(),
                            note == null ? 0 : note.version(), text.toString(), false);
                    latencies.add((System.nanoTime() - start) / 1_000_000.0);
                } catch (RuntimeException e) {
                    // As the composer's autosave: the next save sends the whole text again.
                    failed.incrementAndGet();
                }
                next += 1_000_000_000L;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            TestUsers.signOut();
        }
    }

    private long liveSession(List<Long> agenda, List<String> panelists) {
        long id = sessions.create(new NewSession("Benchmark", "Bench Candidate", null, agenda, panelists,
                List.of()));
        sessions.start(id);
        return id;
    }

    /** The browser's HTTP session, as the server knows it. */
    private static String httpSession(BrowserContext browser) {
        return browser.cookies().stream().filter(cookie -> cookie.name.equals("JSESSIONID")).map(cookie -> cookie.value)
                .findFirst().orElseThrow(() -> new IllegalStateException("no HTTP session cookie"));
    }

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }
}
