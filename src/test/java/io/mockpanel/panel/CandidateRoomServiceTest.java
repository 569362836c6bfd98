package io.mockpanel.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mockpanel.scenario.ScenarioContent;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

@IntegrationTest
class CandidateRoomServiceTest {

    @Autowired
    CandidateRoomService room;

    @Autowired
    LiveControlService control;

    @Autowired
    PanelSessionService sessions;

    @Autowired
    InviteService invites;

    @Autowired
    TestPanel testPanel;

    private TestPanel.Panel panel;
    private TestPanel.Candidate candidate;
    private List<ScenarioContent> agenda;

    @BeforeEach
    void setUp() {
        panel = testPanel.live();
        candidate = testPanel.join(panel, "Casey");
        TestUsers.signIn(panel.lead(), "INTERVIEWER");
        agenda = sessions.agendaOf(panel.sessionId());
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void before_anything_is_pushed_the_candidate_sees_no_scenario_content() {
        CandidateScreen screen = asCandidate(panel.sessionId(), room::screen);
        assertThat(screen.state()).isEqualTo(SessionState.LIVE);
        assertThat(screen.scenario()).isNull();
    }

    @Test
    void the_candidate_sees_exactly_what_was_pushed_and_nothing_more() {
        control.push(panel.sessionId(), PromptRef.of(0, PromptKind.SITUATION));
        CandidateScreen afterSituation = asCandidate(panel.sessionId(), room::screen);
        assertThat(afterSituation.scenario().title()).isEqualTo(agenda.get(0).title());
        assertThat(afterSituation.scenario().situation()).isEqualTo(agenda.get(0).situation());
        assertThat(afterSituation.scenario().keyChallenges()).isEmpty();
        assertThat(afterSituation.scenario().questions()).isEmpty();

        control.push(panel.sessionId(), PromptRef.question(0, 1, 2));
        control.push(panel.sessionId(), PromptRef.question(0, 0, 0));
        CandidateScreen screen = asCandidate(panel.sessionId(), room::screen);
        assertThat(screen.scenario().questions()).extracting(CandidateScreen.Question::text).containsExactly(
                agenda.get(0).discussionAreas().get(1).questions().get(2),
                agenda.get(0).discussionAreas().get(0).questions().get(0));
        String everything = screen.toString();
        for (String unpushed : List.of(agenda.get(0).discussionAreas().get(0).questions().get(1),
                agenda.get(0).keyChallenges().getFirst(), agenda.get(1).situation(), agenda.get(1).title())) {
            assertThat(everything).doesNotContain(unpushed);
        }
    }

    @Test
    void moving_to_the_next_scenario_shows_only_that_scenarios_pushed_items() {
        control.push(panel.sessionId(), PromptRef.of(0, PromptKind.SITUATION));
        control.push(panel.sessionId(), PromptRef.of(1, PromptKind.OVERVIEW));
        CandidateScreen screen = asCandidate(panel.sessionId(), room::screen);
        assertThat(screen.scenario().title()).isEqualTo(agenda.get(1).title());
        assertThat(screen.scenario().situation()).isNull();
        assertThat(screen.toString()).doesNotContain(agenda.get(0).situation());
    }

    @Test
    void push_next_walks_the_agenda_in_order() {
        assertThat(control.pushNext(panel.sessionId())).contains(PromptRef.of(0, PromptKind.OVERVIEW));
        assertThat(control.pushNext(panel.sessionId())).contains(PromptRef.of(0, PromptKind.SITUATION));
        assertThat(control.pushNext(panel.sessionId())).contains(PromptRef.of(0, PromptKind.CHALLENGES));
        assertThat(control.pushNext(panel.sessionId())).contains(PromptRef.question(0, 0, 0));
    }

    @Test
    void pushing_needs_a_live_session_and_a_panelist_and_an_item_of_the_agenda() {
        assertThatThrownBy(() -> control.push(panel.sessionId(), PromptRef.question(0, 9, 0)))
                .isInstanceOf(SessionException.class);
        TestUsers.signIn(panel.coach(), "COACH");
        assertThatThrownBy(() -> control.push(panel.sessionId(), PromptRef.of(0, PromptKind.SITUATION)))
                .isInstanceOf(SessionException.class);
        TestUsers.signIn(panel.outsider(), "INTERVIEWER");
        assertThatThrownBy(() -> control.push(panel.sessionId(), PromptRef.of(0, PromptKind.SITUATION)))
                .isInstanceOf(AccessDeniedException.class);
        TestUsers.signIn(panel.lead(), "INTERVIEWER");
        sessions.end(panel.sessionId());
        assertThatThrownBy(() -> control.push(panel.sessionId(), PromptRef.of(0, PromptKind.SITUATION)))
                .isInstanceOf(SessionException.class).hasMessageContaining("not live");
    }

    @Test
    void a_candidate_cannot_use_any_panel_service() {
        asCandidate(panel.sessionId(), () -> {
            assertThatThrownBy(() -> sessions.find(panel.sessionId())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> sessions.mySessions()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> control.push(panel.sessionId(), PromptRef.of(0, PromptKind.SITUATION)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> invites.issue(panel.sessionId())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> invites.status(panel.sessionId())).isInstanceOf(AccessDeniedException.class);
            return null;
        });
    }

    @Test
    void only_candidates_use_the_candidate_room() {
        assertThatThrownBy(() -> room.screen()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_clarification_request_reaches_the_panel_as_an_event() {
        control.push(panel.sessionId(), PromptRef.question(0, 0, 0));
        asCandidate(panel.sessionId(), () -> {
            room.requestClarification();
            return null;
        });
        LiveSession live = sessionsTimeline().load(panel.sessionId());
        assertThat(live.clarifications()).hasSize(1);
    }

    @Autowired
    SessionTimeline timeline;

    private SessionTimeline sessionsTimeline() {
        return timeline;
    }

    private <T> T asCandidate(long sessionId, java.util.function.Supplier<T> action) {
        assertThat(sessionId).isEqualTo(candidate.principal().sessionId());
        var previous = SecurityContextHolder.getContext().getAuthentication();
        var authentication = UsernamePasswordAuthenticationToken.authenticated(candidate.principal(),
                null, List.of(new SimpleGrantedAuthority("ROLE_CANDIDATE")));
        SecurityContextHolder.getContext().setAuthentication(authentication);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
