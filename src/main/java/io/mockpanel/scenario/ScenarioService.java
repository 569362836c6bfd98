package io.mockpanel.scenario;

import io.mockpanel.security.AppRoles;
import io.mockpanel.security.CurrentUser;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scenario library's API: browse, read, import and export. Interviewers, coaches and admins
 * may read; only interviewers and admins may import. Candidates never reach the library.
 */
@Service
public class ScenarioService {

    static final String READERS = "hasAnyRole('" + AppRoles.INTERVIEWER + "','" + AppRoles.COACH + "','"
            + AppRoles.ADMIN + "')";
    static final String IMPORTERS = "hasAnyRole('" + AppRoles.INTERVIEWER + "','" + AppRoles.ADMIN + "')";

    /** A library file is text; anything larger than this is not one. */
    public static final int MAX_FILE_BYTES = 1024 * 1024;

    private final ScenarioLibraryStore store;
    private final JdbcClient jdbc;
    private final ScenarioMarkdownReader reader = new ScenarioMarkdownReader();
    private final ScenarioMarkdownWriter writer = new ScenarioMarkdownWriter();

    ScenarioService(ScenarioLibraryStore store, JdbcClient jdbc) {
        this.store = store;
        this.jdbc = jdbc;
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<ScenarioSummary> search(ScenarioFilter filter) {
        String text = filter.searchText();
        String pattern = text == null ? null : "%" + escapeLike(text) + "%";
        if (hasNul(filter.category()) || hasNul(filter.level())) {
            // Nothing stored holds a NUL (PostgreSQL cannot), and the database would refuse the query.
            return List.of();
        }
        return jdbc.sql("""
                select s.id, s.category, s.title, s.level, s.duration_minutes, s.company, s.situation,
                       (select count(*) from discussion_area a where a.scenario_id = s.id) as area_count,
                       (select count(*) from discussion_question q join discussion_area a on a.id = q.area_id
                         where a.scenario_id = s.id) as question_count
                  from scenario s
                 where (cast(:category as text) is null or s.category = :category)
                   and (cast(:level as text) is null or s.level = :level)
                   and (cast(:pattern as text) is null
                        or s.title ilike :pattern or s.situation ilike :pattern
                        or s.company ilike :pattern or s.level ilike :pattern or s.category ilike :pattern
                        or exists (select 1 from scenario_challenge c
                                    where c.scenario_id = s.id and c.text ilike :pattern)
                        or exists (select 1 from discussion_area a
                                    where a.scenario_id = s.id and a.title ilike :pattern)
                        or exists (select 1 from discussion_question q join discussion_area a on a.id = q.area_id
                                    where a.scenario_id = s.id and q.text ilike :pattern))
                 order by s.id""")
                .param("category", blankToNull(filter.category()))
                .param("level", blankToNull(filter.level()))
                .param("pattern", pattern)
                .query((rs, row) -> new ScenarioSummary(rs.getLong("id"), rs.getString("category"),
                        rs.getString("title"), rs.getString("level"), rs.getInt("duration_minutes"),
                        rs.getString("company"), rs.getString("situation"), rs.getInt("area_count"),
                        rs.getInt("question_count")))
                .list();
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<String> categories() {
        return jdbc.sql("select category from scenario group by category order by min(id)").query(String.class).list();
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<String> levels() {
        return jdbc.sql("select level from scenario group by level order by min(id)").query(String.class).list();
    }

    @PreAuthorize(READERS)
    public Optional<ScenarioDetails> find(long id) {
        return store.find(id);
    }

    @PreAuthorize(READERS)
    public List<GuidanceList> guidance() {
        return store.allGuidance();
    }

    /**
     * The STAR "Response Framework" guidance list, which candidates see as an aid in their room;
     * the only part of the library a candidate may read.
     */
    @PreAuthorize(READERS + " or hasRole('" + AppRoles.CANDIDATE + "')")
    public Optional<GuidanceList> responseFramework() {
        return store.allGuidance().stream()
                .filter(list -> list.title().toLowerCase(java.util.Locale.ROOT).contains("response framework"))
                .findFirst();
    }

    /** Parses a library file and says what importing it would change; saves nothing. */
    @PreAuthorize(IMPORTERS)
    public ImportPreview preview(byte[] file) throws ScenarioFormatException {
        return store.plan(parse(file));
    }

    /** Imports a library file whole, or nothing of it when any part is malformed. */
    @PreAuthorize(IMPORTERS)
    public ImportResult importLibrary(byte[] file, String sourceName) throws ScenarioFormatException {
        LibraryDocument document = parse(file);
        return store.apply(document, CurrentUser.username().orElse("unknown"), sourceName);
    }

    @PreAuthorize(READERS)
    public String exportLibrary() {
        return writer.write(store.wholeLibrary());
    }

    @PreAuthorize(READERS)
    public Optional<String> exportScenario(long id) {
        return store.find(id).map(details -> writer.write(details.content()));
    }

    private LibraryDocument parse(byte[] file) throws ScenarioFormatException {
        if (file.length > MAX_FILE_BYTES) {
            throw new ScenarioFormatException(0, "The file has " + file.length + " bytes; a library file may have "
                    + "at most " + MAX_FILE_BYTES + " (1 MiB).");
        }
        // The reader checks every value against the database's sizes too, so nothing fails mid-import.
        return reader.read(decodeUtf8(file));
    }

    static String decodeUtf8(byte[] file) throws ScenarioFormatException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ScenarioFormatException(0, "The file is not UTF-8 text. Save it as UTF-8 Markdown (.md) "
                    + "and upload it again.");
        }
        // Valid UTF-8, but PostgreSQL text cannot hold U+0000: refused here, not by the database mid-import.
        int nul = text.indexOf('\u0000');
        if (nul >= 0) {
            throw new ScenarioFormatException(lineOf(text, nul), "the file contains a NUL character (U+0000),"
                    + " which is not text; remove it, save the file as UTF-8 Markdown (.md) and upload it again.");
        }
        return text;
    }

    /** The 1-based line of the character at {@code index}, counting line breaks as the reader does. */
    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
            }
        }
        return line;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean hasNul(@Nullable String value) {
        return value != null && value.indexOf('\u0000') >= 0;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
