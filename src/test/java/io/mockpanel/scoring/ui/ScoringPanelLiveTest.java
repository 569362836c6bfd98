package io.mockpanel.scoring.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.mockpanel.scoring.ScoringFixture.as;
import static io.mockpanel.scoring.ScoringFixture.sheet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import com.vaadin.flow.component.select.Select;
import io.mockpanel.panel.SessionEvents;
import io.mockpanel.panel.LiveControlService;
import io.mockpanel.panel.NoteService;
import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.panel.PromptKind;
import io.mockpanel.panel.PromptRef;
import io.mockpanel.panel.SessionEvent;
import io.mockpanel.panel.ui.LiveFeed;
import io.mockpanel.scoring.AreaScore;
import io.mockpanel.scoring.ScoreScale;
import io.mockpanel.scoring.ScoreSheetInput;
import io.mockpanel.scoring.ScoringService;
import io.mockpanel.support.TestPanel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.AdditionalAnswers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the panel reads when the console's feed hands it events. The services it is given are
 * Mockito spies delegating to the real beans, so every read is counted; {@code ScoringBoardStatementTest}
 * shows that one board read is one SQL statement. The feed is caught up by hand, as a wake-up would.
 */
class ScoringPanelLiveTest extends ScoringPanelTestSupport {

    @Autowired
    NoteService notes;

    @Autowired
    LiveControlService live;

    private ScoringService counted;
    private PanelSessionService countedSessions;
    private LiveFeed feed;
    private final List<SessionEvent> heard = new ArrayList<>();

    private ScoringPanel mountCounted(String username, String role, long sessionId) {
        login(username, role);
        counted = mock(ScoringService.class, AdditionalAnswers.delegatesTo(scoring));
        countedSessions = mock(PanelSessionService.class, AdditionalAnswers.delegatesTo(sessions));
        feed = feed(sessionId);
        ScoringPanel panel = add(new ScoringPanel(feed, counted, countedSessions));
        feed.onEvents(heard::addAll);
        clearInvocations(counted, countedSessions);
        return panel;
    }

    /** Catches the feed up, as a wake-up would; returns what the console heard since the last call. */
    private List<String> catchUp() {
        feed.catchUp();
        List<String> types = heard.stream().map(SessionEvent::type).toList();
        heard.clear();
        return types;
    }

    @SuppressWarnings("unchecked")
    private static Select<Integer> picker(ScoringPanel panel) {
        return _get(panel, Select.class, spec -> spec.withId("scoring-scenario"));
    }

    @Test
    void events_that_change_nothing_of_the_scoring_cost_the_panel_no_query() {
        TestPanel.Panel panel = testPanel.live();
        ScoringPanel scoringPanel = mountCounted(panel.panelist(), "INTERVIEWER", panel.sessionId());

        as(panel.lead(), "INTERVIEWER", () -> {
            notes.saveNote(panel.sessionId(), null, 0, "Named an incident commander first.", false);
            live.push(panel.sessionId(), PromptRef.of(0, PromptKind.OVERVIEW));
            // Someone else's draft: drafts are their author's alone, and nobody's status changes.
            scoring.saveDraft(panel.sessionId(), new ScoreSheetInput(0, List.of(AreaScore.of(0, 4, "Draft.")), null,
                    "", 0));
            // A scenario not on screen.
            scoring.submit(panel.sessionId(), sheet(1, 0, 3, 3, 3, 3, 3));
        });
        assertThat(catchUp()).contains(SessionEvents.NoteSaved.TYPE, SessionEvents.PromptPushed.TYPE, SessionEvents.TimerStarted.TYPE,
                "SCORE_DRAFT_SAVED", SessionEvents.ScoreSubmitted.TYPE);

        verifyNoInteractions(counted, countedSessions);
        assertThat(text(scoringPanel, "scoring-status")).startsWith("0 of 2 submitted");
    }

    @Test
    void scoring_events_for_the_scenario_on_screen_cost_one_board_read_per_batch() {
        TestPanel.Panel panel = testPanel.live();
        ScoringPanel scoringPanel = mountCounted(panel.panelist(), "INTERVIEWER", panel.sessionId());
        radio(scoringPanel, "score-area-0").setValue(ScoreScale.YES);

        as(panel.lead(), "INTERVIEWER", () -> scoring.submit(panel.sessionId(), sheet(0, 0, 3, 3, 3, 3, 3)));
        assertThat(catchUp()).containsExactly(SessionEvents.ScoreSubmitted.TYPE);
        verify(counted, times(1)).board(panel.sessionId(), 0);
        assertThat(text(scoringPanel, "scoring-status")).startsWith("1 of 2 submitted");
        assertThat(radio(scoringPanel, "score-area-0").getValue()).as("typing survives").isEqualTo(ScoreScale.YES);

        clearInvocations(counted);
        long version = boardAs(panel.lead(), panel.sessionId()).mySheet().version();
        as(panel.lead(), "INTERVIEWER", () -> {
            scoring.submit(panel.sessionId(), sheet(0, version, 2, 2, 2, 2, 2));
            scoring.submit(panel.sessionId(), sheet(0, version + 1, 1, 1, 1, 1, 1));
        });
        assertThat(catchUp()).hasSize(2);
        verify(counted, times(1)).board(anyLong(), anyInt());
        verifyNoInteractions(countedSessions);
    }

    @Test
    void an_event_of_a_scenario_not_on_screen_only_makes_it_read_again_when_shown() {
        TestPanel.Panel panel = testPanel.live();
        ScoringPanel scoringPanel = mountCounted(panel.panelist(), "INTERVIEWER", panel.sessionId());
        scoringPanel.selectScenario(1);
        scoringPanel.selectScenario(0);
        verify(counted, times(1)).board(panel.sessionId(), 1);
        verify(counted, times(0)).board(panel.sessionId(), 0);

        as(panel.lead(), "INTERVIEWER", () -> scoring.submit(panel.sessionId(), sheet(1, 0, 3, 3, 3, 3, 3)));
        catchUp();
        verify(counted, times(1)).board(anyLong(), anyInt());

        scoringPanel.selectScenario(1);
        verify(counted, times(2)).board(panel.sessionId(), 1);
        assertThat(text(scoringPanel, "scoring-status")).startsWith("1 of 2 submitted");
        // Scenario 0 did not change meanwhile: showing it again reads nothing.
        scoringPanel.selectScenario(0);
        verify(counted, times(2)).board(anyLong(), anyInt());
        assertThat(text(scoringPanel, "scoring-status")).startsWith("0 of 2 submitted");
    }

    @Test
    void saving_ones_own_sheet_reads_the_board_once_and_the_next_wake_up_reads_nothing_more() {
        TestPanel.Panel panel = testPanel.live();
        ScoringPanel scoringPanel = mountCounted(panel.panelist(), "INTERVIEWER", panel.sessionId());
        radio(scoringPanel, "score-area-0").setValue(ScoreScale.NO);

        _click(button(scoringPanel, "save-draft"));

        assertThat(catchUp()).as("heard during the click").containsExactly("SCORE_DRAFT_SAVED");
        verify(counted, times(1)).board(panel.sessionId(), 0);
        assertThat(text(scoringPanel, "my-sheet-state")).isEqualTo("Your sheet: draft — only you can see it.");
        assertThat(catchUp()).isEmpty();
        verify(counted, times(1)).board(anyLong(), anyInt());
    }

    @Test
    void the_panel_follows_the_scenario_the_session_is_on_until_its_user_picks_one() throws Exception {
        TestPanel.Panel panel = testPanel.live();
        ScoringPanel scoringPanel = mountCounted(panel.panelist(), "INTERVIEWER", panel.sessionId());
        assertThat(scoringPanel.selectedScenario()).isZero();

        as(panel.lead(), "INTERVIEWER", () -> live.push(panel.sessionId(), PromptRef.of(1, PromptKind.OVERVIEW)));
        catchUp();
        assertThat(scoringPanel.selectedScenario()).isEqualTo(1);
        assertThat(picker(scoringPanel).getItemLabelGenerator().apply(1)).endsWith(" · now");
        verify(counted, times(1)).board(panel.sessionId(), 1);

        asUser(picker(scoringPanel), 0);
        as(panel.lead(), "INTERVIEWER", () -> live.push(panel.sessionId(), PromptRef.of(0, PromptKind.OVERVIEW)));
        catchUp();
        as(panel.lead(), "INTERVIEWER", () -> live.push(panel.sessionId(), PromptRef.of(1, PromptKind.OVERVIEW)));
        catchUp();
        assertThat(scoringPanel.selectedScenario()).as("the user's choice stands").isZero();
        assertThat(picker(scoringPanel).getItemLabelGenerator().apply(1)).endsWith(" · now");
        assertThat(picker(scoringPanel).getItemLabelGenerator().apply(0)).doesNotContain("now");
    }

    @Test
    void the_sheet_opens_live_when_the_lead_starts_the_session() {
        TestPanel.Panel panel = testPanel.scheduled();
        ScoringPanel scoringPanel = mountCounted(panel.panelist(), "INTERVIEWER", panel.sessionId());
        assertThat(shows(scoringPanel, "my-sheet")).isFalse();
        assertThat(text(scoringPanel, "scoring-closed")).startsWith("Scoring is open while the session is live");

        as(panel.lead(), "INTERVIEWER", () -> sessions.start(panel.sessionId()));
        assertThat(catchUp()).containsExactly(SessionEvents.SessionStarted.TYPE);

        assertThat(shows(scoringPanel, "my-sheet")).isTrue();
        assertThat(shows(scoringPanel, "scoring-closed")).isFalse();
        verify(counted, times(1)).board(anyLong(), anyInt());
    }
}
