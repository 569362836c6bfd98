package io.mockpanel.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockpanel.security.Unique;
import io.mockpanel.support.IntegrationTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The library's tables in plain SQL (decision 0046): what is written reads back the same, in the
 * same order, and a change replaces the parts instead of adding to them. Each test rolls back.
 */
@IntegrationTest
@Transactional
class LibraryRowsTest {

    @Autowired
    ScenarioRows scenarios;

    @Autowired
    GuidanceRows guidance;

    @Autowired
    JdbcClient jdbc;

    private static String unique(String title) {
        return title + " " + Unique.suffix();
    }

    private static ScenarioContent content(String title, List<String> challenges, List<DiscussionArea> areas) {
        return new ScenarioContent("Category", title, "VP Engineering", 45, null, "A situation.", challenges, areas);
    }

    @Test
    void a_scenario_reads_back_as_written_with_its_parts_in_order() {
        var content = content(unique("Order"), List.of("third", "first", "second"), List.of(
                new DiscussionArea("Zeta area", List.of("q2", "q1", "q3")),
                new DiscussionArea("Alpha area", List.of("only"))));

        long id = scenarios.insert(content, Instant.now());

        assertThat(scenarios.find(id)).contains(new ScenarioDetails(id, content));
        assertThat(scenarios.findByTitle(content.title().toUpperCase())).contains(new ScenarioDetails(id, content));
    }

    @Test
    void a_change_replaces_challenges_and_areas_and_bumps_the_version() {
        var before = content(unique("Change"), List.of("a", "b"), List.of(
                new DiscussionArea("One", List.of("1", "2")), new DiscussionArea("Two", List.of("3"))));
        long id = scenarios.insert(before, Instant.now());
        var after = new ScenarioContent("Other", before.title(), "CTO", 60, "Acme", "Changed.", List.of("c"),
                List.of(new DiscussionArea("Two", List.of("4", "3"))));

        scenarios.update(id, after, Instant.now());

        assertThat(scenarios.find(id)).contains(new ScenarioDetails(id, after));
        assertThat(jdbc.sql("select count(*) from discussion_question q join discussion_area a on a.id = q.area_id "
                + "where a.scenario_id = ?").param(id).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select version from scenario where id = ?").param(id).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void an_area_without_questions_and_a_scenario_without_challenges_keep_their_shape() {
        var content = content(unique("Empty parts"), List.of(), List.of(
                new DiscussionArea("Empty", List.of()), new DiscussionArea("Full", List.of("q"))));

        long id = scenarios.insert(content, Instant.now());

        assertThat(scenarios.find(id).orElseThrow().content()).isEqualTo(content);
    }

    @Test
    void every_scenario_comes_oldest_first() {
        long older = scenarios.insert(content(unique("Older"), List.of("x"), List.of()), Instant.now());
        long newer = scenarios.insert(content(unique("Newer"), List.of("y"), List.of()), Instant.now());

        List<Long> ids = scenarios.all().stream().map(ScenarioDetails::id).toList();

        assertThat(ids).containsSubsequence(older, newer);
        assertThat(ids).isSorted();
    }

    @Test
    void a_new_guidance_list_goes_last_and_a_changed_one_keeps_its_place() {
        var first = new GuidanceList("Section", unique("First"), List.of(new GuidanceItem("S", "Situation"),
                new GuidanceItem("T", "Task")));
        var second = new GuidanceList("Section", unique("Second"), List.of(new GuidanceItem("A", "Action")));
        var empty = new GuidanceList("Section", unique("Empty"), List.of());
        guidance.insertLast(first);
        guidance.insertLast(empty);
        guidance.insertLast(second);
        var changed = new GuidanceList("Other section", first.title(), List.of(new GuidanceItem("R", "Result")));

        guidance.update(guidance.findByTitle(first.title().toLowerCase()).orElseThrow().id(), changed);

        List<GuidanceList> all = guidance.all();
        assertThat(all).containsSubsequence(changed, empty, second);
        assertThat(all.getLast()).isEqualTo(second);
    }
}
