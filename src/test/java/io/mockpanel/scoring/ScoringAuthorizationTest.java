package io.mockpanel.scoring;

import static io.mockpanel.scoring.ScoringFixture.as;
import static io.mockpanel.scoring.ScoringFixture.sheet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import java.util.List;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/** Who may do what: members only, observers never score, only the lead reveals and records consensus. */
@IntegrationTest
class ScoringAuthorizationTest {

    @Autowired
    ScoringService scoring;

    @Autowired
    TestPanel testPanel;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    /** Every public operation of the service, on one session. */
    private List<LongConsumer> everything() {
        return List.of(
                id -> scoring.board(id, 0),
                id -> scoring.saveDraft(id, sheet(0, 0, 3, 3, 3, 3, 3)),
                id -> scoring.submit(id, sheet(0, 0, 3, 3, 3, 3, 3)),
                id -> scoring.reveal(id, 0),
                id -> scoring.recordConsensus(id, new ConsensusInput(0, 0, 3, "", 0)));
    }

    private int rows(long sessionId) {
        return jdbc.sql("select (select count(*) from score_sheet where session_id = :id) "
                        + "+ (select count(*) from score_reveal where session_id = :id) "
                        + "+ (select count(*) from consensus_score where session_id = :id)")
                .param("id", sessionId).query(Integer.class).single();
    }

    @Test
    void an_interviewer_not_on_the_panel_can_neither_read_nor_change_its_scoring() {
        TestPanel.Panel panel = testPanel.live();
        as(panel.lead(), "INTERVIEWER", () -> scoring.submit(panel.sessionId(), sheet(0, 0, 3, 3, 3, 3, 3)));
        as(panel.panelist(), "INTERVIEWER", () -> scoring.submit(panel.sessionId(), sheet(0, 0, 3, 3, 3, 3, 3)));
        int before = rows(panel.sessionId());

        for (LongConsumer operation : everything()) {
            assertThatThrownBy(() -> as(panel.outsider(), "INTERVIEWER", () -> operation.accept(panel.sessionId())))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(rows(panel.sessionId())).isEqualTo(before);
    }

    @Test
    void a_panelist_of_one_session_can_neither_read_nor_change_another_session() {
        TestPanel.Panel mine = testPanel.live();
        TestPanel.Panel other = testPanel.live();
        as(other.lead(), "INTERVIEWER", () -> scoring.submit(other.sessionId(), sheet(0, 0, 3, 3, 3, 3, 3)));
        as(mine.panelist(), "INTERVIEWER", () -> scoring.submit(mine.sessionId(), sheet(0, 0, 3, 3, 3, 3, 3)));
        int before = rows(other.sessionId());

        for (LongConsumer operation : everything()) {
            assertThatThrownBy(() -> as(mine.panelist(), "INTERVIEWER", () -> operation.accept(other.sessionId())))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as(mine.lead(), "INTERVIEWER", () -> operation.accept(other.sessionId())))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(rows(other.sessionId())).isEqualTo(before);
    }

    @Test
    void an_observing_coach_cannot_score_reveal_or_record_consensus_but_can_read_the_board() {
        TestPanel.Panel panel = testPanel.live();

        List<LongConsumer> changes = everything().subList(1, 5);
        for (LongConsumer change : changes) {
            assertThatThrownBy(() -> as(panel.coach(), "COACH", () -> change.accept(panel.sessionId())))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(as(panel.coach(), "COACH", () -> scoring.board(panel.sessionId(), 0)).canScore()).isFalse();
        assertThat(rows(panel.sessionId())).isZero();
    }

    @Test
    void an_interviewer_who_observes_a_session_is_refused_by_the_membership_check() {
        TestPanel.Panel panel = testPanel.live();
        // Observers are coaches when the panel sets a session up; this checks the second line of defence.
        jdbc.sql("insert into session_member (session_id, username, role) values (?, ?, 'OBSERVER')")
                .params(panel.sessionId(), panel.outsider()).update();

        assertThatThrownBy(() -> as(panel.outsider(), "INTERVIEWER",
                () -> scoring.submit(panel.sessionId(), sheet(0, 0, 3, 3, 3, 3, 3))))
                .isInstanceOf(ScoringException.class)
                .hasMessage("Observers follow the scoring; only the lead and the panelists score.");
        assertThatThrownBy(() -> as(panel.outsider(), "INTERVIEWER",
                () -> scoring.saveDraft(panel.sessionId(), sheet(0, 0, 3, 3, 3, 3, 3))))
                .isInstanceOf(ScoringException.class);
        assertThatThrownBy(() -> as(panel.outsider(), "INTERVIEWER", () -> scoring.reveal(panel.sessionId(), 0)))
                .isInstanceOf(ScoringException.class);
        ScoringBoard board = as(panel.outsider(), "INTERVIEWER", () -> scoring.board(panel.sessionId(), 0));
        assertThat(board.scorers()).extracting(ScorerStatus::username).doesNotContain(panel.outsider());
        assertThat(rows(panel.sessionId())).isZero();
    }

    @Test
    void an_admin_and_an_anonymous_caller_are_refused() {
        TestPanel.Panel panel = testPanel.live();

        for (LongConsumer operation : everything()) {
            assertThatThrownBy(() -> as("some-admin", "ADMIN", () -> operation.accept(panel.sessionId())))
                    .isInstanceOf(AccessDeniedException.class);
            TestUsers.signOut();
            assertThatThrownBy(() -> operation.accept(panel.sessionId()))
                    .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        }
        assertThat(rows(panel.sessionId())).isZero();
    }
}
