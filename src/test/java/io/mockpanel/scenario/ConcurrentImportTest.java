package io.mockpanel.scenario;

import static io.mockpanel.scenario.LibraryFiles.idOf;
import static io.mockpanel.scenario.LibraryFiles.oneScenario;
import static io.mockpanel.scenario.LibraryFiles.rowsTitled;
import static io.mockpanel.scenario.LibraryFiles.unique;
import static io.mockpanel.scenario.LibraryFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestUsers;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two people importing the same new title at the same moment. Imports are serialised by an
 * advisory lock, so the second one sees the first one's row instead of colliding with it on the
 * unique title index. Several rounds make an overlap of the two transactions very likely; the
 * assertions hold whichever import wins.
 */
@IntegrationTest
class ConcurrentImportTest {

    private static final int ROUNDS = 8;

    @Autowired
    ScenarioService service;

    @Autowired
    JdbcClient jdbc;

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        TestUsers.signOut();
    }

    /** Both files imported at once, each by its own signed-in user on its own thread. */
    private List<ImportResult> importTogether(byte[] first, byte[] second) throws Exception {
        var start = new CyclicBarrier(2);
        Future<ImportResult> a = pool.submit(() -> importAs("racer-a", first, start));
        Future<ImportResult> b = pool.submit(() -> importAs("racer-b", second, start));
        // get() rethrows whatever an import threw, such as a DataIntegrityViolationException.
        return List.of(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS));
    }

    private ImportResult importAs(String username, byte[] file, CyclicBarrier start) throws Exception {
        TestUsers.signIn(username, "INTERVIEWER");
        try {
            start.await(30, TimeUnit.SECONDS);
            return service.importLibrary(file, username + ".md");
        } finally {
            TestUsers.signOut();
        }
    }

    @Test
    void the_same_new_scenario_imported_twice_at_once_is_stored_once() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String title = unique("Race same");
            byte[] file = utf8(oneScenario(title, "Both import this."));

            List<ImportResult> results = importTogether(file, file);

            assertThat(results).as("round %d", round)
                    .containsExactlyInAnyOrder(new ImportResult(1, 0, 0, 0), new ImportResult(0, 0, 1, 0));
            assertThat(rowsTitled(jdbc, title)).as("round %d", round).isEqualTo(1);
        }
    }

    @Test
    void two_versions_of_a_new_scenario_imported_at_once_end_as_one_row_holding_the_later_version()
            throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String title = unique("Race versions");
            byte[] versionA = utf8(oneScenario(title, "Version A."));
            byte[] versionB = utf8(oneScenario(title, "Version B."));

            List<ImportResult> results = importTogether(versionA, versionB);

            assertThat(results).as("round %d", round)
                    .containsExactlyInAnyOrder(new ImportResult(1, 0, 0, 0), new ImportResult(0, 1, 0, 0));
            assertThat(rowsTitled(jdbc, title)).as("round %d", round).isEqualTo(1);
            String later = results.get(0).updated() == 1 ? "Version A." : "Version B.";
            TestUsers.signIn("referee", "INTERVIEWER");
            long id = idOf(service, title).orElseThrow();
            assertThat(service.find(id).orElseThrow().content().situation()).as("round %d", round).isEqualTo(later);
            TestUsers.signOut();
        }
    }
}
