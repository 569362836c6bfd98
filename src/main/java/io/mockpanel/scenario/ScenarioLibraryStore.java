package io.mockpanel.scenario;

import io.mockpanel.scenario.ImportPreview.GuidanceImport;
import io.mockpanel.scenario.ImportPreview.ScenarioImport;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and writes the library without any access check: the secured {@link ScenarioService} and
 * the start-up seed loader both go through here. A scenario or guidance list is matched by its
 * title, ignoring case, which is what makes re-importing a file idempotent.
 */
@Component
class ScenarioLibraryStore {

    /** Arbitrary but fixed key of the advisory lock that serialises library imports. */
    private static final long LIBRARY_LOCK = 0x6d6f636b_6c696200L;

    private final ScenarioRows scenarios;
    private final GuidanceRows guidance;
    private final JdbcClient jdbc;
    private final Clock clock;

    ScenarioLibraryStore(ScenarioRows scenarios, GuidanceRows guidance, JdbcClient jdbc, Clock clock) {
        this.scenarios = scenarios;
        this.guidance = guidance;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    ImportPreview plan(LibraryDocument document) {
        List<ScenarioImport> scenarioChanges = document.scenarios().stream()
                .map(content -> new ScenarioImport(content, change(
                        scenarios.findByTitle(content.title()).map(ScenarioDetails::content), content)))
                .toList();
        List<GuidanceImport> guidanceChanges = document.guidance().stream()
                .map(list -> new GuidanceImport(list, change(
                        guidance.findByTitle(list.title()).map(GuidanceRows.Stored::list), list)))
                .toList();
        return new ImportPreview(scenarioChanges, guidanceChanges);
    }

    /**
     * Applies the whole document in one transaction: all of it is saved, or none of it. Imports
     * are serialised across app nodes by a transaction-scoped advisory lock, so two people
     * importing the same new title never collide on the unique index.
     */
    @Transactional
    ImportResult apply(LibraryDocument document, String importedBy, String sourceName) {
        lockLibrary();
        Instant now = clock.instant();
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        for (ScenarioContent content : document.scenarios()) {
            Optional<ScenarioDetails> existing = scenarios.findByTitle(content.title());
            if (existing.isEmpty()) {
                scenarios.insert(content, now);
                added++;
            } else if (existing.get().content().equals(content)) {
                unchanged++;
            } else {
                scenarios.update(existing.get().id(), content, now);
                updated++;
            }
        }
        int guidanceChanged = 0;
        for (GuidanceList list : document.guidance()) {
            Optional<GuidanceRows.Stored> existing = guidance.findByTitle(list.title());
            if (existing.isEmpty()) {
                guidance.insertLast(list);
                guidanceChanged++;
            } else if (!existing.get().list().equals(list)) {
                guidance.update(existing.get().id(), list);
                guidanceChanged++;
            }
        }
        jdbc.sql("""
                insert into scenario_import (imported_at, imported_by, source_name, scenarios_added,
                    scenarios_updated, scenarios_unchanged, guidance_changed)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(now.atOffset(ZoneOffset.UTC), importedBy, truncate(sourceName, 255), added, updated,
                        unchanged, guidanceChanged)
                .update();
        return new ImportResult(added, updated, unchanged, guidanceChanged);
    }

    @Transactional(readOnly = true)
    boolean everImported() {
        return jdbc.sql("select exists (select 1 from scenario_import)").query(Boolean.class).single();
    }

    /** The first-start seed: applied only while no import at all has been recorded. */
    @Transactional
    Optional<ImportResult> applyIfLibraryNeverImported(LibraryDocument document, String sourceName) {
        lockLibrary();
        if (everImported()) {
            return Optional.empty();
        }
        return Optional.of(apply(document, "system", sourceName));
    }

    private void lockLibrary() {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(LIBRARY_LOCK).query(Object.class).single();
    }

    @Transactional(readOnly = true)
    LibraryDocument wholeLibrary() {
        return new LibraryDocument(
                scenarios.all().stream().map(ScenarioDetails::content).toList(),
                allGuidance());
    }

    @Transactional(readOnly = true)
    List<GuidanceList> allGuidance() {
        return guidance.all();
    }

    @Transactional(readOnly = true)
    Optional<ScenarioDetails> find(long id) {
        return scenarios.find(id);
    }

    private static <T> ImportChange change(Optional<T> existing, T incoming) {
        if (existing.isEmpty()) {
            return ImportChange.NEW;
        }
        return existing.get().equals(incoming) ? ImportChange.UNCHANGED : ImportChange.UPDATED;
    }

    /** PostgreSQL counts characters as code points: cut there, so an emoji is never split in half. */
    private static String truncate(String value, int max) {
        return value.codePointCount(0, value.length()) <= max ? value
                : value.substring(0, value.offsetByCodePoints(0, max));
    }
}
