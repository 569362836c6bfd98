package io.mockpanel.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockpanel.panel.SessionState;
import io.mockpanel.security.AccountRole;
import io.mockpanel.support.HistoryDataSet;
import io.mockpanel.support.IntegrationTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The history queries, exactly as the service builds them, planned by PostgreSQL over the big
 * generated history (50 000 sessions, 1 000 000 notes, in a database of its own): every page reads
 * its rows through the V0010 indexes, never by scanning sessions, members or notes.
 */
@IntegrationTest
class HistoryQueryPlanTest {

    private static final Reviewer COACH = new Reviewer(HistoryDataSet.COACH, AccountRole.COACH, null);
    private static final Reviewer INTERVIEWER = new Reviewer(HistoryDataSet.INTERVIEWER, AccountRole.INTERVIEWER, null);
    private static final List<String> BIG_TABLES = List.of("panel_session", "session_note", "session_member",
            "session_scenario", "session_verdict");

    private static HistoryDataSet data;

    @Autowired
    JdbcConnectionDetails database;

    @BeforeEach
    void openDataSet() {
        if (data == null) {
            data = HistoryDataSet.open(database, HistoryDataSet.Size.PLANS);
            System.out.printf("history data set: %s, built in %.1f s%n", data.size(), data.buildSeconds());
        }
    }

    @AfterAll
    static void closeDataSet() {
        if (data != null) {
            data.close();
            data = null;
        }
    }

    @Test
    void a_coachs_first_page_walks_the_history_index() {
        JsonNode plan = explain(HistoryQuery.page(COACH, HistoryFilter.NONE, 0, 50));
        assertNoBigSeqScan(plan);
        assertThat(indexes(plan)).contains("panel_session_history_idx");
    }

    @Test
    void a_deep_page_still_walks_the_history_index() {
        JsonNode plan = explain(HistoryQuery.page(COACH, HistoryFilter.NONE, 20_000, 50));
        assertNoBigSeqScan(plan);
        assertThat(indexes(plan)).contains("panel_session_history_idx");
    }

    @Test
    void an_interviewers_first_page_starts_from_their_seats() {
        JsonNode plan = explain(HistoryQuery.page(INTERVIEWER, HistoryFilter.NONE, 0, 50));
        assertNoBigSeqScan(plan);
        assertThat(indexes(plan)).containsAnyOf("session_member_username_session_idx", "panel_session_history_idx");
    }

    @Test
    void filtered_pages_use_indexes() {
        var filters = List.of(
                HistoryFilter.NONE.withState(SessionState.COMPLETED).withVerdict(VerdictFilter.YES),
                HistoryFilter.NONE.withInterviewer("big-int-042").withDates(LocalDate.now().minusYears(1), LocalDate.now()),
                HistoryFilter.NONE.withScenario(7L),
                HistoryFilter.NONE.withCandidate(1234L),
                HistoryFilter.NONE.withState(SessionState.LIVE),
                HistoryFilter.NONE.withVerdict(VerdictFilter.NOT_RECORDED));
        for (HistoryFilter filter : filters) {
            JsonNode plan = explain(HistoryQuery.page(COACH, filter, 0, 50));
            assertNoBigSeqScan(plan);
            assertNoBigSeqScan(explain(HistoryQuery.count(COACH, filter)));
        }
        assertThat(indexes(explain(HistoryQuery.page(COACH, filters.get(3), 0, 50))))
                .contains("panel_session_candidate_history_idx");
        assertThat(indexes(explain(HistoryQuery.page(COACH, filters.get(4), 0, 50))))
                .contains("panel_session_state_history_idx");
    }

    @Test
    void a_text_search_uses_the_note_search_index() {
        for (Reviewer reader : List.of(COACH, INTERVIEWER)) {
            var filter = HistoryFilter.NONE.withText(HistoryDataSet.RARE_WORD);
            JsonNode plan = explain(HistoryQuery.page(reader, filter, 0, 50));
            assertNoBigSeqScan(plan);
            assertThat(indexes(plan)).contains("session_note_search_idx");
            assertNoBigSeqScan(explain(HistoryQuery.count(reader, filter)));
        }
    }

    @Test
    void an_interviewers_search_finds_the_same_sessions_from_the_index_as_from_their_seats() {
        String author = data.jdbc().sql("select author from session_note where private and search @@ to_tsquery('english', ?)"
                + " order by id limit 1").param(HistoryDataSet.PRIVATE_WORD).query(String.class).single();
        var privateAuthor = new Reviewer(author, AccountRole.INTERVIEWER, null);
        // A rare word has fewer visible notes than SEARCH_HITS (read from the index), common words
        // more (checked seat by seat); a private word counts only for its author.
        assertThat(visibleMatches(INTERVIEWER, HistoryDataSet.RARE_WORD)).isBetween(1, HistoryQuery.SEARCH_HITS);
        assertThat(visibleMatches(INTERVIEWER, "cache database")).isGreaterThan(HistoryQuery.SEARCH_HITS);
        for (Reviewer reader : List.of(INTERVIEWER, privateAuthor)) {
            for (String text : List.of(HistoryDataSet.RARE_WORD, "cache database", HistoryDataSet.PRIVATE_WORD,
                    HistoryDataSet.RARE_WORD + " or " + HistoryDataSet.PRIVATE_WORD)) {
                var query = HistoryQuery.page(reader, HistoryFilter.NONE.withText(text), 0, 50);
                List<Long> found = data.inTransaction(jdbc -> jdbc.sql(query.sql()).params(query.params())
                        .query((rs, n) -> rs.getLong("id")).list());
                assertThat(found).as("%s searching %s", reader.username(), text)
                        .isEqualTo(seatsWithVisibleMatch(reader, text));
            }
        }
        assertThat(seatsWithVisibleMatch(privateAuthor, HistoryDataSet.PRIVATE_WORD)).isNotEmpty();
    }

    /** The plain definition: the reader's seats with a note they may read that matches, newest first. */
    private List<Long> seatsWithVisibleMatch(Reviewer reader, String text) {
        return data.jdbc().sql("""
                select s.id from panel_session s
                 where s.id in (select m.session_id from session_member m where m.username = :me)
                   and exists (select 1 from session_note n where n.session_id = s.id
                                and n.search @@ websearch_to_tsquery('english', :text)
                                and (not n.private or n.author = :me))
                 order by s.held_at desc, s.id desc limit 50""")
                .param("me", reader.username()).param("text", text).query(Long.class).list();
    }

    private int visibleMatches(Reviewer reader, String text) {
        return data.jdbc().sql("select count(*) from session_note n where n.search @@ websearch_to_tsquery('english', :text)"
                + " and (not n.private or n.author = :me)").param("me", reader.username()).param("text", text)
                .query(Integer.class).single();
    }

    private JsonNode explain(HistoryQuery query) {
        String json = data.inTransaction(jdbc -> {
            jdbc.sql(HistoryQuery.PLANNER_SETTINGS).query().singleRow();
            return jdbc.sql("explain (format json) " + query.sql()).params(query.params()).query(String.class).single();
        });
        return JsonMapper.shared().readTree(json);
    }

    private static void assertNoBigSeqScan(JsonNode plan) {
        List<String> scanned = new ArrayList<>();
        plan.findParents("Node Type").forEach(node -> {
            if ("Seq Scan".equals(node.path("Node Type").asString())
                    && BIG_TABLES.contains(node.path("Relation Name").asString())) {
                scanned.add(node.path("Relation Name").asString());
            }
        });
        assertThat(scanned).as("sequential scans in %s", plan).isEmpty();
    }

    private static List<String> indexes(JsonNode plan) {
        return plan.findValues("Index Name").stream().map(JsonNode::asString).toList();
    }
}
