package io.mockpanel.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockpanel.support.IntegrationTest;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How much the event table grows per panel (issue 9, decision 0035): one typical panel through the
 * real services, its events counted by kind, and the bytes per event row with the table's indexes,
 * measured on a scratch copy of the table holding 200 copies of that panel (one panel's few pages
 * would round to whole 8 KiB pages). Prints FIGURE lines; asserts only what the archive relies on.
 */
@IntegrationTest
class SessionEventGrowthTest {

    private static final int COPIES = 200;

    @Autowired
    RealisticPanel realistic;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_typical_panel_writes_a_few_hundred_event_rows_and_compaction_drops_only_wake_ups() {
        long id = realistic.finished("Gita Growth").sessionId();

        Map<String, Long> byType = new TreeMap<>();
        jdbc.sql("select type, count(*) as n from session_event where session_id = ? group by type").param(id)
                .query((rs, row) -> byType.put(rs.getString("type"), rs.getLong("n"))).list();
        long events = byType.values().stream().mapToLong(Long::longValue).sum();
        long wakeUps = EventArchiveJob.NOT_READ_AFTER_THE_SESSION.stream().mapToLong(t -> byType.getOrDefault(t, 0L)).sum();
        System.out.printf("FIGURE events per typical panel (4 scenarios, 20 prompts, 3 writers, 36 notes with autosave): %d%n",
                events);
        byType.forEach((type, n) -> System.out.printf("FIGURE   events of kind %s: %d%n", type, n));
        System.out.printf("FIGURE events per panel after compaction (without %s): %d%n",
                EventArchiveJob.NOT_READ_AFTER_THE_SESSION, events - wakeUps);

        jdbc.sql("drop table if exists event_growth_scratch").update();
        jdbc.sql("create table event_growth_scratch (like session_event including all)").update();
        jdbc.sql("""
                insert into event_growth_scratch
                select session_id + copy::bigint * 1000000000, seq, type, payload, actor, created_at, archived
                  from session_event, generate_series(1, ?) copy where session_id = ?""")
                .params(COPIES, id).update();
        jdbc.sql("vacuum analyze event_growth_scratch").update();
        long rows = events * COPIES;
        long heap = size("pg_relation_size('event_growth_scratch')");
        long total = size("pg_total_relation_size('event_growth_scratch')");
        long payload = size("(select sum(pg_column_size(payload)) from session_event where session_id = " + id + ")");
        jdbc.sql("drop table event_growth_scratch").update();
        System.out.printf("FIGURE bytes per event row: %d with indexes (%d table only; payload %d on average)%n",
                total / rows, heap / rows, payload / events);
        System.out.printf("FIGURE bytes per typical panel in session_event: %d KiB (%d KiB after compaction)%n",
                total / COPIES / 1024, total / rows * (events - wakeUps) / 1024);
        System.out.printf("FIGURE 1000 panels a month: %d MiB a month in session_event%n",
                total / COPIES * 1000 / (1024 * 1024));

        assertThat(events).isBetween(150L, 2000L);
        assertThat(byType).containsKeys("PROMPT_PUSHED", "NOTE_SAVED", "TAG_ADDED", "PRESENCE_CHANGED",
                "SCORE_DRAFT_SAVED", "SCORE_SUBMITTED", "SCORES_REVEALED", "CONSENSUS_RECORDED", "VERDICT_RECORDED");
        assertThat(byType.get("PROMPT_PUSHED")).isEqualTo(20);
    }

    private long size(String expression) {
        return jdbc.sql("select " + expression).query(Long.class).single();
    }
}
