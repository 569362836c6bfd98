package io.mockpanel.scenario;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The scenario tables ({@code scenario}, its challenges, discussion areas and their questions) in
 * plain SQL (decision 0046). A scenario is read in three statements, however many it has; a change
 * replaces its challenges in one statement and each area with its questions in one, their order
 * being the arrays' order. Writes come only from library imports, which hold the library's advisory
 * lock ({@code ScenarioLibraryStore}): an update needs no version check of its own.
 */
@Repository
class ScenarioRows {

    private static final String SCENARIO_COLUMNS =
            "id, category, title, level, duration_minutes, company, situation";

    private final JdbcClient jdbc;

    ScenarioRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ScenarioDetails> find(long id) {
        return read("where id = :key", id).stream().findFirst();
    }

    /** The scenario of this title, in any case: a title names one scenario in the library. */
    Optional<ScenarioDetails> findByTitle(String title) {
        return read("where lower(title) = lower(:key)", title).stream().findFirst();
    }

    /** Every scenario, oldest first. */
    List<ScenarioDetails> all() {
        return read("", null);
    }

    long insert(ScenarioContent content, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into scenario (category, title, level, duration_minutes, company, situation, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(content.category(), content.title(), content.level(), content.durationMinutes(),
                        content.company(), content.situation(), now.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        insertParts(id, content);
        return id;
    }

    void update(long id, ScenarioContent content, Instant now) {
        jdbc.sql("""
                update scenario set category = ?, title = ?, level = ?, duration_minutes = ?, company = ?,
                                    situation = ?, updated_at = ?, version = version + 1
                where id = ?""")
                .params(content.category(), content.title(), content.level(), content.durationMinutes(),
                        content.company(), content.situation(), now.atOffset(ZoneOffset.UTC), id)
                .update();
        jdbc.sql("delete from scenario_challenge where scenario_id = ?").param(id).update();
        // the areas' questions go with them (on delete cascade)
        jdbc.sql("delete from discussion_area where scenario_id = ?").param(id).update();
        insertParts(id, content);
    }

    private void insertParts(long id, ScenarioContent content) {
        jdbc.sql("""
                insert into scenario_challenge (scenario_id, position, text)
                select ?, c.ord - 1, c.text from unnest(?::text[]) with ordinality as c(text, ord)""")
                .params(id, content.keyChallenges().toArray(String[]::new))
                .update();
        for (int position = 0; position < content.discussionAreas().size(); position++) {
            DiscussionArea area = content.discussionAreas().get(position);
            jdbc.sql("""
                    with area as (insert into discussion_area (scenario_id, position, title) values (?, ?, ?) returning id)
                    insert into discussion_question (area_id, position, text)
                    select area.id, q.ord - 1, q.text from area, unnest(?::text[]) with ordinality as q(text, ord)""")
                    .params(id, position, area.title(), area.questions().toArray(String[]::new))
                    .update();
        }
    }

    /** The scenarios a condition selects, with their challenges and areas, in three statements. */
    private List<ScenarioDetails> read(String condition, @Nullable Object key) {
        Map<Long, Row> rows = new LinkedHashMap<>();
        var select = jdbc.sql("select " + SCENARIO_COLUMNS + " from scenario " + condition + " order by id");
        if (key != null) {
            select = select.param("key", key);
        }
        select.query((rs, n) -> rows.put(rs.getLong("id"), new Row(rs.getString("category"), rs.getString("title"),
                rs.getString("level"), rs.getInt("duration_minutes"), rs.getString("company"),
                rs.getString("situation")))).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Long[] ids = rows.keySet().toArray(Long[]::new);
        jdbc.sql("select scenario_id, text from scenario_challenge where scenario_id = any(?) order by scenario_id, position")
                .param(ids)
                .query((rs, n) -> rows.get(rs.getLong(1)).challenges.add(rs.getString(2))).list();
        jdbc.sql("""
                select a.scenario_id, a.id, a.title, q.text
                from discussion_area a left join discussion_question q on q.area_id = a.id
                where a.scenario_id = any(?)
                order by a.scenario_id, a.position, q.position""")
                .param(ids)
                .query((rs, n) -> rows.get(rs.getLong(1)).question(rs.getLong(2), rs.getString(3), rs.getString(4)))
                .list();
        List<ScenarioDetails> details = new ArrayList<>(rows.size());
        rows.forEach((id, row) -> details.add(new ScenarioDetails(id, row.content())));
        return details;
    }

    /** A scenario row while its parts are read. */
    private static final class Row {
        private final String category;
        private final String title;
        private final String level;
        private final int durationMinutes;
        private final @Nullable String company;
        private final String situation;
        private final List<String> challenges = new ArrayList<>();
        private final Map<Long, String> areaTitles = new LinkedHashMap<>();
        private final Map<Long, List<String>> areaQuestions = new LinkedHashMap<>();

        Row(String category, String title, String level, int durationMinutes, @Nullable String company,
                String situation) {
            this.category = category;
            this.title = title;
            this.level = level;
            this.durationMinutes = durationMinutes;
            this.company = company;
            this.situation = situation;
        }

        /** One row of the area/question join: an area without questions comes with a null text. */
        Object question(long areaId, String areaTitle, @Nullable String text) {
            areaTitles.putIfAbsent(areaId, areaTitle);
            List<String> questions = areaQuestions.computeIfAbsent(areaId, id -> new ArrayList<>());
            if (text != null) {
                questions.add(text);
            }
            return areaId;
        }

        ScenarioContent content() {
            List<DiscussionArea> areas = new ArrayList<>();
            areaTitles.forEach((id, areaTitle) -> areas.add(new DiscussionArea(areaTitle, areaQuestions.get(id))));
            return new ScenarioContent(category, title, level, durationMinutes, company, situation, challenges, areas);
        }
    }
}
