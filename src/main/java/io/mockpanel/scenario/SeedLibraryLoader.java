package io.mockpanel.scenario;

import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Fills an empty library with the shipped seed scenarios on the very first start. It runs once
 * per database: after any import has been recorded it does nothing, so scenarios an admin later
 * removes do not come back.
 */
@Component
@Order(10)
class SeedLibraryLoader implements ApplicationRunner {

    static final String SEED_RESOURCE = "/scenarios/seed-library.md";
    private static final Logger log = LoggerFactory.getLogger(SeedLibraryLoader.class);

    private final ScenarioLibraryStore store;

    SeedLibraryLoader(ScenarioLibraryStore store) {
        this.store = store;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException, ScenarioFormatException {
        // Every start after the first: nothing to read or parse. (The check is repeated under the
        // lock in the store, for two nodes starting at once.)
        if (store.everImported()) {
            return;
        }
        byte[] seed;
        try (InputStream in = SeedLibraryLoader.class.getResourceAsStream(SEED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The seed library " + SEED_RESOURCE + " is missing from the build");
            }
            seed = in.readAllBytes();
        }
        LibraryDocument document = new ScenarioMarkdownReader().read(ScenarioService.decodeUtf8(seed));
        store.applyIfLibraryNeverImported(document, "seed-library.md")
                .ifPresent(result -> log.info("Scenario library seeded: {}", result.describe()));
    }
}
