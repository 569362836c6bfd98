package io.mockpanel.scoring;

import static io.mockpanel.scoring.ScoringFixture.as;
import static io.mockpanel.scoring.ScoringFixture.sheet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mockpanel.panel.SessionEvent;
import io.mockpanel.panel.SessionEventLog;
import io.mockpanel.panel.SessionEvents;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The same person in two tabs: a stale save is refused visibly and overwrites nothing. */
@IntegrationTest
class ScoringConcurrencyTest {

    @Autowired
    ScoringService scoring;

    @Autowired
    TestPanel testPanel;

    @Autowired
    SessionEventLog log;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void a_save_from_a_tab_that_opened_an_older_version_is_refused_and_the_newer_save_stays() {
        TestPanel.Panel panel = testPanel.live();
        long id = panel.sessionId();
        ScoreSheet opened = as(panel.panelist(), "INTERVIEWER", () -> scoring.saveDraft(id, sheet(0, 0, 2, 2, 2)));

        // Both tabs show version n; the first saves, the second saves from the same version.
        ScoreSheet firstTab = as(panel.panelist(), "INTERVIEWER",
                () -> scoring.submit(id, sheet(0, opened.version(), 3, 3, 3, 3, 3)));
        assertThatThrownBy(() -> as(panel.panelist(), "INTERVIEWER",
                () -> scoring.saveDraft(id, sheet(0, opened.version(), 1, 1, 1, 1, 1))))
                .isInstanceOf(ScoringConflictException.class)
                .hasMessageStartingWith("Your sheet was saved elsewhere (in another tab or window?)");
        assertThatThrownBy(() -> as(panel.panelist(), "INTERVIEWER",
                () -> scoring.submit(id, sheet(0, opened.version(), 4, 4, 4, 4, 4))))
                .isInstanceOf(ScoringConflictException.class);

        ScoreSheet stored = as(panel.panelist(), "INTERVIEWER", () -> scoring.board(id, 0)).mySheet();
        assertThat(firstTab.version()).isEqualTo(opened.version() + 1);
        assertThat(stored.version()).isEqualTo(firstTab.version());
        assertThat(stored.areas()).extracting(AreaScore::score).containsExactly(3, 3, 3, 3);
        assertThat(stored.state()).isEqualTo(SheetState.SUBMITTED);
        // Continuing from the stored version works.
        as(panel.panelist(), "INTERVIEWER", () -> scoring.submit(id, sheet(0, stored.version(), 4, 4, 4, 4, 4)));
    }

    @Test
    void two_tabs_that_both_start_a_new_sheet_do_not_both_save_it() {
        TestPanel.Panel panel = testPanel.live();
        long id = panel.sessionId();

        as(panel.panelist(), "INTERVIEWER", () -> scoring.saveDraft(id, sheet(0, 0, 2, 2)));

        assertThatThrownBy(() -> as(panel.panelist(), "INTERVIEWER", () -> scoring.saveDraft(id, sheet(0, 0, 4, 4))))
                .isInstanceOf(ScoringConflictException.class);
        assertThat(as(panel.panelist(), "INTERVIEWER", () -> scoring.board(id, 0)).mySheet().areas())
                .extracting(AreaScore::score).containsExactly(2);
    }

    @Test
    void a_consensus_from_a_stale_tab_is_refused() {
        TestPanel.Panel panel = testPanel.live();
        long id = panel.sessionId();
        as(panel.lead(), "INTERVIEWER", () -> scoring.submit(id, sheet(0, 0, 3, 3, 3, 3, 3)));
        as(panel.panelist(), "INTERVIEWER", () -> scoring.submit(id, sheet(0, 0, 3, 3, 3, 3, 3)));
        as(panel.lead(), "INTERVIEWER", () -> scoring.reveal(id, 0));
        as(panel.lead(), "INTERVIEWER", () -> scoring.recordConsensus(id, new ConsensusInput(0, 0, 3, "First.", 0)));

        assertThatThrownBy(() -> as(panel.lead(), "INTERVIEWER",
                () -> scoring.recordConsensus(id, new ConsensusInput(0, 0, 1, "Stale.", 0))))
                .isInstanceOf(ScoringConflictException.class);
        assertThat(as(panel.lead(), "INTERVIEWER", () -> scoring.board(id, 0)).consensus(0).orElseThrow().note())
                .isEqualTo("First.");
    }

    @Test
    void concurrent_saves_of_one_sheet_from_the_same_version_let_exactly_one_through() throws Exception {
        TestPanel.Panel panel = testPanel.live();
        long id = panel.sessionId();
        ScoreSheet opened = as(panel.panelist(), "INTERVIEWER", () -> scoring.saveDraft(id, sheet(0, 0, 2, 2)));
        int tabs = 6;
        var start = new CountDownLatch(1);
        var saved = new AtomicInteger();
        var conflicts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(tabs);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int tab = 0; tab < tabs; tab++) {
                int score = tab % 4 + 1;
                done.add(pool.submit(() -> {
                    TestUsers.signIn(panel.panelist(), "INTERVIEWER");
                    start.await();
                    try {
                        scoring.saveDraft(id, sheet(0, opened.version(), score, score, score));
                        saved.incrementAndGet();
                    } catch (ScoringConflictException e) {
                        conflicts.incrementAndGet();
                    } finally {
                        TestUsers.signOut();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(saved.get()).isEqualTo(1);
        assertThat(conflicts.get()).isEqualTo(tabs - 1);
        assertThat(as(panel.panelist(), "INTERVIEWER", () -> scoring.board(id, 0)).mySheet().version())
                .isEqualTo(opened.version() + 1);
    }

    @Test
    void corrections_racing_the_reveal_all_land_before_it_or_are_refused() throws Exception {
        TestPanel.Panel panel = testPanel.live();
        long id = panel.sessionId();
        as(panel.lead(), "INTERVIEWER", () -> scoring.submit(id, sheet(0, 0, 3, 3, 3, 3, 3)));
        as(panel.panelist(), "INTERVIEWER", () -> scoring.submit(id, sheet(0, 0, 3, 3, 3, 3, 3)));
        var start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> corrections = pool.submit(() -> {
                TestUsers.signIn(panel.panelist(), "INTERVIEWER");
                start.await();
                try {
                    for (int i = 0; i < 200; i++) {
                        long version = scoring.board(id, 0).mySheet().version();
                        int score = i % 4 + 1;
                        scoring.submit(id, sheet(0, version, score, score, score, score, score));
                    }
                } catch (ScoringException refusedAfterTheReveal) {
                    assertThat(refusedAfterTheReveal).hasMessageContaining("revealed");
                } finally {
                    TestUsers.signOut();
                }
                return null;
            });
            Future<?> reveal = pool.submit(() -> {
                TestUsers.signIn(panel.lead(), "INTERVIEWER");
                start.await();
                try {
                    Thread.sleep(30);
                    scoring.reveal(id, 0);
                } finally {
                    TestUsers.signOut();
                }
                return null;
            });
            start.countDown();
            reveal.get(60, TimeUnit.SECONDS);
            corrections.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        List<SessionEvent> events = log.after(id, 0);
        long revealSeq = events.stream().filter(e -> e.is(SessionEvents.ScoresRevealed.class))
                .mapToLong(SessionEvent::seq).findFirst().orElseThrow();
        assertThat(events).filteredOn(e -> e.is(SessionEvents.ScoreSubmitted.class))
                .allSatisfy(e -> assertThat(e.seq()).isLessThan(revealSeq));
        // What was revealed is what is stored: the last correction before the reveal.
        ScoringBoard board = as(panel.coach(), "COACH", () -> scoring.board(id, 0));
        long lastCorrection = events.stream().filter(e -> e.is(SessionEvents.ScoreSubmitted.class)
                && e.actor().equals(panel.panelist())).count();
        assertThat(board.otherSheets()).filteredOn(s -> s.author().equals(panel.panelist())).singleElement()
                .extracting(ScoreSheet::version).isEqualTo(lastCorrection);
    }
}
