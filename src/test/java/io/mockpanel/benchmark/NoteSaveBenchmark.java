package io.mockpanel.benchmark;

import io.mockpanel.panel.Note;
import io.mockpanel.panel.NoteService;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Server-side note save latency under load: 100 writers (two per live session, 50 sessions), each
 * saving its growing note once per second, as the autosave does while someone types. Measures the
 * whole secured service call: access checks, the note row and its event with NOTIFY, the commit.
 * Run: {@code ./mvnw -Pbenchmark verify}. Prints figures; asserts nothing about speed.
 */
@Tag("benchmark")
@IntegrationTest
class NoteSaveBenchmark {

    private static final int SESSIONS = 50;
    private static final int SECONDS = 30;
    private static final int WARM_UP_SECONDS = 3;

    @Autowired
    TestPanel testPanel;

    @Autowired
    NoteService notes;

    record Writer(long sessionId, String username) {
    }

    @Test
    void note_save_latency_with_100_writers_saving_once_per_second() throws Exception {
        List<Writer> writers = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            TestPanel.Panel panel = testPanel.live();
            writers.add(new Writer(panel.sessionId(), panel.lead()));
            writers.add(new Writer(panel.sessionId(), panel.panelist()));
        }
        var latencies = new Percentiles();
        ExecutorService pool = Executors.newFixedThreadPool(writers.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Writer writer : writers) {
                running.add(pool.submit(() -> write(writer, latencies)));
            }
            for (Future<?> done : running) {
                done.get(SECONDS + 60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println("BENCHMARK " + latencies.summary("note save (" + writers.size()
                + " writers, once per second each, " + SECONDS + " s)"));
    }

    private void write(Writer writer, Percentiles latencies) {
        TestUsers.signIn(writer.username(), "INTERVIEWER");
        try {
            // Writers start spread over the first second, as people do.
            Thread.sleep(ThreadLocalRandom.current().nextLong(1000));
            Note note = null;
            StringBuilder text = new StringBuilder("Observed: ");
            long next = System.nanoTime();
            for (int second = 0; second < SECONDS + WARM_UP_SECONDS; second++) {
                text.append("the candidate named a clear owner and a timeline; ");
                long start = System.nanoTime();
                note = notes.saveNote(writer.sessionId(), note == null ? null : note.id(),
                        note == null ? 0 : note.version(), text.toString(), false);
                double millis = (System.nanoTime() - start) / 1_000_000.0;
                if (second >= WARM_UP_SECONDS) {
                    latencies.add(millis);
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
}
