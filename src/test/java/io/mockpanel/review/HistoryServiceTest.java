package io.mockpanel.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mockpanel.panel.NoteService;
import io.mockpanel.panel.SessionState;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

/** The history as each role sees it: whose sessions, which filters, and what a search may find. */
@IntegrationTest
class HistoryServiceTest {

    @Autowired
    HistoryService history;
    @Autowired
    TestPanel testPanel;
    @Autowired
    NoteService notes;
    @Autowired
    JdbcClient jdbc;

    TestPanel.Panel live;
    TestPanel.Panel scheduled;
    String word;
    String secret;

    @BeforeEach
    void twoPanels() {
        live = testPanel.live();
        scheduled = testPanel.scheduled();
        word = "falcon" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50), 36);
        secret = "zebra" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50), 36);
        TestUsers.as(live.lead(), "INTERVIEWER", () -> {
            notes.saveNote(live.sessionId(), null, 0, "Clear structure; mentioned " + word + " twice.", false);
            notes.saveNote(live.sessionId(), null, 0, "My own doubt: " + secret + " <b>not</b> for the others.", true);
        });
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void an_interviewer_sees_only_the_sessions_they_sat_on() {
        assertThat(ids(live.lead(), "INTERVIEWER", HistoryFilter.NONE)).contains(live.sessionId())
                .doesNotContain(scheduled.sessionId());
        assertThat(ids(live.outsider(), "INTERVIEWER", HistoryFilter.NONE)).isEmpty();
        assertThat(TestUsers.as(live.outsider(), "INTERVIEWER", () -> history.count(HistoryFilter.NONE).value()))
                .isZero();
        // Naming someone else's session in a filter does not reveal it either.
        assertThat(ids(live.outsider(), "INTERVIEWER", HistoryFilter.NONE.withInterviewer(live.lead()))).isEmpty();
    }

    @Test
    void an_observing_coach_sat_on_it_too() {
        assertThat(ids(live.coach(), "COACH", HistoryFilter.NONE.withInterviewer(live.coach())))
                .containsExactly(live.sessionId());
    }

    @Test
    void coaches_and_admins_see_every_session() {
        var filter = HistoryFilter.NONE.withInterviewer(scheduled.lead());
        assertThat(ids(live.coach(), "COACH", filter)).containsExactly(scheduled.sessionId());
        assertThat(ids("some-admin", "ADMIN", filter)).containsExactly(scheduled.sessionId());
    }

    @Test
    void a_row_says_when_who_and_how_it_went() {
        HistoryRow row = TestUsers.as(live.lead(), "INTERVIEWER",
                () -> history.page(HistoryFilter.NONE.withInterviewer(live.lead()), 0, 10)).getFirst();
        assertThat(row.id()).isEqualTo(live.sessionId());
        assertThat(row.title()).startsWith("Test panel");
        assertThat(row.candidateName()).isEqualTo("Casey Candidate");
        assertThat(row.leadName()).isEqualTo("Lee Lead");
        assertThat(row.panelSize()).isEqualTo(2);
        assertThat(row.state()).isEqualTo(SessionState.LIVE);
        assertThat(row.verdict()).isNull();
        assertThat(row.verdictLabel()).isEqualTo("—");
        assertThat(row.excerpt()).isEmpty();
    }

    @Test
    void a_search_finds_shared_notes_and_shows_a_marked_excerpt() {
        List<HistoryRow> rows = TestUsers.as(live.panelist(), "INTERVIEWER",
                () -> history.page(HistoryFilter.NONE.withText(word), 0, 10));
        assertThat(rows).extracting(HistoryRow::id).containsExactly(live.sessionId());
        assertThat(rows.getFirst().excerpt()).anySatisfy(part -> {
            assertThat(part.match()).isTrue();
            assertThat(part.text()).isEqualTo(word);
        });
        assertThat(rows.getFirst().excerpt()).noneMatch(part -> part.text().contains(secret));
    }

    @Test
    void another_authors_private_note_is_never_found_nor_shown() {
        var filter = HistoryFilter.NONE.withText(secret);
        assertThat(ids(live.panelist(), "INTERVIEWER", filter)).isEmpty();
        assertThat(ids(live.coach(), "COACH", filter)).isEmpty();
        assertThat(ids("some-admin", "ADMIN", filter)).isEmpty();
        assertThat(TestUsers.as(live.coach(), "COACH", () -> history.count(filter).value())).isZero();
        // A search that matches both notes shows the shared one to others.
        List<HistoryRow> both = TestUsers.as(live.coach(), "COACH",
                () -> history.page(HistoryFilter.NONE.withText(word + " or " + secret), 0, 10));
        assertThat(both).extracting(HistoryRow::id).containsExactly(live.sessionId());
        assertThat(both.getFirst().excerpt()).noneMatch(part -> part.text().contains(secret));
        // Its author finds it, with its text as plain text.
        List<HistoryRow> mine = TestUsers.as(live.lead(), "INTERVIEWER", () -> history.page(filter, 0, 10));
        assertThat(mine).extracting(HistoryRow::id).containsExactly(live.sessionId());
        assertThat(mine.getFirst().excerpt()).anyMatch(part -> part.match() && part.text().equals(secret));
    }

    @Test
    void each_filter_narrows_the_list() {
        String coach = live.coach();
        long candidate = jdbc.sql("select candidate_id from panel_session where id = ?").param(live.sessionId())
                .query(Long.class).single();
        assertThat(ids(coach, "COACH", HistoryFilter.NONE.withCandidate(candidate))).containsExactly(live.sessionId());

        var both = HistoryFilter.NONE.withInterviewer(live.lead());
        assertThat(ids(coach, "COACH", both.withState(SessionState.LIVE))).containsExactly(live.sessionId());
        assertThat(ids(coach, "COACH", both.withState(SessionState.COMPLETED))).isEmpty();

        long onAgenda = jdbc.sql("select source_scenario_id from session_scenario where session_id = ? order by position"
                + " limit 1").param(live.sessionId()).query(Long.class).single();
        long elsewhere = jdbc.sql("select min(id) from scenario where id not in (select source_scenario_id"
                + " from session_scenario where session_id = ? and source_scenario_id is not null)")
                .param(live.sessionId()).query(Long.class).single();
        assertThat(ids(coach, "COACH", both.withScenario(onAgenda))).containsExactly(live.sessionId());
        assertThat(ids(coach, "COACH", both.withScenario(elsewhere))).isEmpty();

        LocalDate today = LocalDate.now();
        assertThat(ids(coach, "COACH", both.withDates(today, today))).containsExactly(live.sessionId());
        assertThat(ids(coach, "COACH", both.withDates(today.plusDays(1), null))).isEmpty();
        assertThat(ids(coach, "COACH", both.withDates(null, today.minusDays(1)))).isEmpty();

        jdbc.sql("insert into session_verdict (session_id, recommendation, recorded_by, recorded_at) values (?, 3, ?, ?)")
                .params(live.sessionId(), live.lead(), OffsetDateTime.now()).update();
        assertThat(ids(coach, "COACH", both.withVerdict(VerdictFilter.YES))).containsExactly(live.sessionId());
        assertThat(ids(coach, "COACH", both.withVerdict(VerdictFilter.STRONG_YES))).isEmpty();
        assertThat(ids(coach, "COACH", both.withVerdict(VerdictFilter.NOT_RECORDED))).isEmpty();
        assertThat(ids(coach, "COACH", HistoryFilter.NONE.withInterviewer(scheduled.lead())
                .withVerdict(VerdictFilter.NOT_RECORDED))).containsExactly(scheduled.sessionId());
        assertThat(TestUsers.as(coach, "COACH", () -> history.page(both, 0, 1)).getFirst().verdictLabel())
                .isEqualTo("3 · Yes");
    }

    @Test
    void pages_follow_each_other_without_gaps_or_repeats() {
        testPanel.scheduled();
        testPanel.scheduled();
        String coach = live.coach();
        List<Long> whole = TestUsers.as(coach, "COACH", () -> history.page(HistoryFilter.NONE, 0, 6))
                .stream().map(HistoryRow::id).toList();
        List<Long> paged = new java.util.ArrayList<>();
        for (int offset = 0; offset < 6; offset += 2) {
            int at = offset;
            TestUsers.as(coach, "COACH", () -> history.page(HistoryFilter.NONE, at, 2))
                    .forEach(row -> paged.add(row.id()));
        }
        assertThat(whole).hasSize(6).doesNotHaveDuplicates();
        assertThat(paged).isEqualTo(whole);
    }

    @Test
    void bad_input_gets_a_message_not_an_error() {
        TestUsers.signIn(live.lead(), "INTERVIEWER");
        LocalDate today = LocalDate.now();
        assertThatThrownBy(() -> history.check(HistoryFilter.NONE.withDates(today, today.minusDays(3))))
                .isInstanceOf(ReviewException.class).hasMessageContaining("after the end date");
        assertThatThrownBy(() -> history.check(HistoryFilter.NONE.withText("x".repeat(2000))))
                .isInstanceOf(ReviewException.class).hasMessageContaining("at most 200");
        assertThatThrownBy(() -> history.check(HistoryFilter.NONE.withText(":*&|!()'\"")))
                .isInstanceOf(ReviewException.class).hasMessageContaining("Nothing to search for");
        assertThatThrownBy(() -> history.check(HistoryFilter.NONE.withText("the")))
                .isInstanceOf(ReviewException.class).hasMessageContaining("Nothing to search for");
        // Operators and odd characters around a real word are searched, never a syntax error.
        for (String odd : List.of(word + ":*", "(" + word + ") & !", "'" + word + "\"", word + " | ",
                "-nothing " + word, word + "\u0000")) {
            var filter = history.check(HistoryFilter.NONE.withText(odd));
            assertThat(history.page(filter, 0, 10)).as(odd).extracting(HistoryRow::id).contains(live.sessionId());
        }
        // Even unchecked, the page and count do not fail on odd text.
        assertThat(history.page(HistoryFilter.NONE.withText(":*&|!()'\""), 0, 10)).isEmpty();
        assertThat(history.count(HistoryFilter.NONE.withText(":*&|!()'\"")).value()).isZero();
    }

    @Test
    void an_interviewer_is_offered_only_their_own_candidates() {
        jdbc.sql("update candidate set display_name = ? where id = (select candidate_id from panel_session where id = ?)")
                .params("Quincy " + word, live.sessionId()).update();
        var mine = TestUsers.as(live.lead(), "INTERVIEWER", () -> history.candidates(word, 0, 10));
        assertThat(mine).extracting(HistoryChoice::label).containsExactly("Quincy " + word);
        assertThat(TestUsers.as(live.outsider(), "INTERVIEWER", () -> history.candidates(word, 0, 10))).isEmpty();
        assertThat(TestUsers.as(live.outsider(), "INTERVIEWER", () -> history.candidate(mine.getFirst().key())))
                .isEmpty();
        assertThat(TestUsers.as(live.coach(), "COACH", () -> history.candidates("%_" , 0, 10))).isEmpty();
    }

    @Test
    void candidates_and_visitors_cannot_read_the_history() {
        assertThatThrownBy(() -> history.page(HistoryFilter.NONE, 0, 10))
                .isInstanceOfAny(AccessDeniedException.class, AuthenticationException.class);
        TestUsers.signIn("someone", "CANDIDATE");
        assertThatThrownBy(() -> history.page(HistoryFilter.NONE, 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> history.count(HistoryFilter.NONE)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> history.candidates("", 0, 10)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_count_reads_well_and_stops_at_the_cap() {
        assertThat(new HistoryCount(1, false).label()).isEqualTo("1 session");
        assertThat(new HistoryCount(1204, false).label()).isEqualTo("1\u202F204 sessions");
        assertThat(new HistoryCount(HistoryCount.CAP, true).label()).isEqualTo("10\u202F000+ sessions");
    }

    private List<Long> ids(String user, String role, HistoryFilter filter) {
        return TestUsers.as(user, role, () -> history.page(filter, 0, 100)).stream().map(HistoryRow::id).toList();
    }
}
