package io.mockpanel.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockpanel.support.IntegrationTest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The load generator's smoke run, part of the suite so that it never rots: three live panels
 * (fifteen tabs speaking Vaadin's protocol: rooms, consoles, push websockets) for about twenty
 * seconds against this test's app. Every push the server acknowledged must reach its candidate in
 * order, every note save and score-sheet draft it acknowledged must be in the database, and nothing
 * may fail.
 */
@IntegrationTest
class LoadGeneratorSmokeTest {

    @LocalServerPort
    int port;

    @Autowired
    LoadFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @Test
    void three_panels_run_for_twenty_seconds_and_every_acknowledged_push_note_and_score_arrives() throws Exception {
        List<PanelPlan> plans = fixture.livePanels(9_000, 3, 1);
        LoadReport report;
        Map<String, String> notes;
        List<AcknowledgedScore> scores;
        try (LoadRun run = new LoadRun(URI.create("http://localhost:" + port + "/"), Duration.ofMillis(1500))) {
            run.add(plans, Duration.ofSeconds(60));
            assertThat(run.tabsIn()).as("every tab opened").isEqualTo(15);
            run.startPushing();
            Thread.sleep(18_000);
            run.stopPushing();
            awaitSeen(run, Duration.ofSeconds(10));
            report = run.report();
            notes = run.acknowledgedNotes();
            scores = run.acknowledgedScores();
        }
        System.out.println("FIGURE load smoke: " + report.line());

        assertThat(report.errorExamples()).as("errors").isEmpty();
        assertThat(report.pushesAcknowledged()).as("pushes acknowledged").isGreaterThanOrEqualTo(3 * 5);
        assertThat(report.pushesUnseen()).as("acknowledged pushes the candidate never saw").isZero();
        assertThat(report.pushesSeen()).isEqualTo(report.pushesAcknowledged());
        assertThat(report.outOfOrder()).isZero();
        assertThat(report.latency().count()).isEqualTo((int) report.pushesSeen());
        assertThat(report.noteSaves()).as("note saves acknowledged").isGreaterThanOrEqualTo(3 * 2 * 5);
        assertThat(report.noteSavesRefused()).isZero();
        // what the server acknowledged is stored: each note holds at least the text acknowledged last
        notes.forEach((key, text) -> {
            long noteId = Long.parseLong(key.substring(key.indexOf('/') + 1));
            String stored = jdbc.sql("select text from session_note where id = ?").param(noteId).query(String.class)
                    .single();
            assertThat(stored).as(key).startsWith(text);
        });
        // every panelist saved a draft after a committed note, and each acknowledged score is stored
        assertThat(report.scoreSaves()).as("score drafts acknowledged").isGreaterThanOrEqualTo(3 * 2);
        assertThat(report.scoreSavesRefused()).isZero();
        assertThat(scores).isNotEmpty();
        assertThat(scores.stream().filter(score -> !stored(score))).as("acknowledged scores not stored").isEmpty();
        // the leads' pushes are in the sessions' logs, in the order the candidates saw them
        for (PanelPlan plan : plans) {
            long pushed = jdbc.sql("select count(*) from session_event where session_id = ? and type = 'PROMPT_PUSHED'")
                    .param(plan.sessionId()).query(Long.class).single();
            assertThat(pushed).as("pushes logged for session " + plan.sessionId()).isGreaterThanOrEqualTo(5);
        }
    }

    private boolean stored(AcknowledgedScore score) {
        return jdbc.sql(AcknowledgedScore.STORED)
                .params(score.sessionId(), score.scenario(), score.author(), score.area())
                .query((rs, row) -> score.keptBy(rs.getObject("score", Integer.class),
                        rs.getString("justification")))
                .optional().orElse(false);
    }

    /**
     * Until every acknowledged push was seen and no lead's "Push next" is still out: a click sent just
     * before the pushing stopped can show on the candidate's screen before its answer reaches the
     * lead, and read then it would count as seen but not yet acknowledged.
     */
    private static void awaitSeen(LoadRun run, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!settled(run.report()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private static boolean settled(LoadReport report) {
        return report.pushesUnseen() == 0 && report.pushesAcknowledged() == report.pushesSent();
    }
}
