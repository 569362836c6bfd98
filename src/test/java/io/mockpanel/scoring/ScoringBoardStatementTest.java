package io.mockpanel.scoring;

import static io.mockpanel.scoring.ScoringFixture.as;
import static io.mockpanel.scoring.ScoringFixture.sheet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.panel.SessionEventLog;
import io.mockpanel.support.IntegrationTest;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.mockito.AdditionalAnswers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A board is one SQL statement (decision 0024): the scoring service is built here on a JdbcClient
 * that counts the statements it starts (a Mockito mock delegating to the real one), and on a
 * session service it must not need for reading.
 */
@IntegrationTest
class ScoringBoardStatementTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SessionEventLog log;

    @Autowired
    JsonMapper json;

    @Autowired
    ScoringService scoring;

    @Autowired
    ScoringFixture fixture;

    @Test
    void every_board_is_one_statement_whatever_the_role_and_the_state_and_the_same_board() {
        var panel = fixture.threeScorers();
        JdbcClient counting = mock(JdbcClient.class, AdditionalAnswers.delegatesTo(jdbc));
        PanelSessionService unused = mock(PanelSessionService.class);
        var locks = new ScenarioLock(counting);
        var counted = new ScoringService(unused, new ScoringBoardQuery(counting, json),
                new ScoreSheets(counting, unused, log, Clock.systemUTC(), locks),
                new RevealAndConsensus(counting, unused, log, Clock.systemUTC(), locks));
        long id = panel.sessionId();

        Runnable everyoneReads = () -> {
            for (String[] reader : new String[][] {{panel.lead(), "INTERVIEWER"}, {panel.panelist(), "INTERVIEWER"},
                    {panel.coach(), "COACH"}}) {
                ScoringBoard board = as(reader[0], reader[1], () -> counted.board(id, 0));
                verify(counting, times(1)).sql(anyString());
                clearInvocations(counting);
                assertThat(board).isEqualTo(as(reader[0], reader[1], () -> scoring.board(id, 0)));
            }
        };
        everyoneReads.run();
        as(panel.lead(), "INTERVIEWER", () -> scoring.submit(id, sheet(0, 0, 3, 3, 1, 3, 3)));
        as(panel.panelist(), "INTERVIEWER", () -> scoring.submit(id, sheet(0, 0, 2, 2, 4, 2, 2)));
        everyoneReads.run();
        as(panel.panelist2(), "INTERVIEWER", () -> scoring.submit(id, sheet(0, 0, 4, 4, 4, 4, 4)));
        as(panel.lead(), "INTERVIEWER", () -> scoring.reveal(id, 0));
        as(panel.lead(), "INTERVIEWER", () -> scoring.recordConsensus(id, new ConsensusInput(0, 1, 3, "Agreed.", 0)));
        everyoneReads.run();

        ScoringBoard revealed = as(panel.coach(), "COACH", () -> counted.board(id, 0));
        assertThat(revealed.otherSheets()).hasSize(3);
        assertThat(revealed.spread().get(1).disagreement()).isTrue();
        assertThat(revealed.consensus(1).orElseThrow().recordedByName()).isEqualTo("Ada Lead");
        verifyNoInteractions(unused);
    }
}
