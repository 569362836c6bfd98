package io.mockpanel.scenario;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Library Markdown files for the tests that import. Every test database is shared by all
 * integration tests, so titles (and the categories test scenarios go in) carry a random suffix
 * and never collide with the seed or with another test.
 */
public final class LibraryFiles {

    /** The eight seed scenario titles, in the order of the seed file. */
    public static final List<String> SEED_TITLES = List.of(
            "Technology Transformation Leadership",
            "Crisis Management and Incident Response",
            "Architecture Decision Making",
            "Team Performance and Development",
            "Product-Technology Alignment",
            "Vendor and Partner Management",
            "Technology Innovation and R&D",
            "Competitive Response and Market Pressure");

    /** A category no seed scenario uses, so tests that filter on seed categories are not disturbed. */
    public static final String TEST_CATEGORY = "Imported In Tests";

    private LibraryFiles() {
    }

    /** A title nobody else uses: the prefix and a random suffix. */
    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A library file holding the given scenario blocks under {@link #TEST_CATEGORY}. */
    public static String library(String... scenarioBlocks) {
        var file = new StringBuilder("# Test library\n\n## " + TEST_CATEGORY + "\n");
        for (String block : scenarioBlocks) {
            file.append('\n').append(block);
        }
        return file.toString();
    }

    /** One complete, valid scenario: company, two challenges, two areas. */
    public static String scenario(String title, String situation) {
        return """
                ### Scenario 1: %s
                **Level**: Senior Manager
                **Duration**: 45 minutes
                **Company**: Acme

                **Situation**: %s

                **Key Challenges**:
                - Budget is frozen
                - Two teams disagree

                **Expected Discussion Points**:

                #### 1. Alignment
                - How would you align the teams?
                - Who would you talk to first?

                #### 2. Delivery
                - How would you keep delivering?
                """.formatted(title, situation);
    }

    /** A valid one-scenario library file. */
    public static String oneScenario(String title, String situation) {
        return library(scenario(title, situation));
    }

    /** The id of the scenario with exactly this title, found through the service's search. */
    public static Optional<Long> idOf(ScenarioService service, String title) {
        return service.search(new ScenarioFilter(title, null, null)).stream()
                .filter(s -> s.title().equals(title)).map(ScenarioSummary::id).findFirst();
    }

    /** How many rows the database holds with this title, ignoring case (the library's identity). */
    public static long rowsTitled(JdbcClient jdbc, String title) {
        return jdbc.sql("select count(*) from scenario where lower(title) = lower(?)").param(title)
                .query(Long.class).single();
    }
}
