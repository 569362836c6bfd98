package io.mockpanel.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A joined candidate's access follows the invite at once: after a revoke, a re-issue or a
 * release, the room's next wake-up closes it, and every candidate request is refused.
 */
@IntegrationTest
class CandidateAccessTest {

    @Autowired
    CandidateRoomService room;

    @Autowired
    InviteService invites;

    @Autowired
    LiveControlService control;

    @Autowired
    PanelSessionService sessions;

    @Autowired
    SessionEventLog log;

    @Autowired
    TestPanel testPanel;

    @Autowired
    JdbcClient jdbc;

    private TestPanel.Panel panel;
    private TestPanel.Candidate candidate;

    @BeforeEach
    void setUp() {
        panel = testPanel.live();
        candidate = testPanel.join(panel, "Casey");
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    static Stream<Arguments> endsOfTheLink() {
        return Stream.of(
                Arguments.of("revoke", (Consumer<Fixture>) f -> f.invites().revoke(f.sessionId())),
                Arguments.of("re-issue", (Consumer<Fixture>) f -> f.invites().issue(f.sessionId())),
                Arguments.of("release", (Consumer<Fixture>) f -> f.invites().release(f.sessionId())));
    }

    record Fixture(InviteService invites, long sessionId) {
    }

    @ParameterizedTest(name = "after a {0}")
    @MethodSource("endsOfTheLink")
    void the_joined_candidate_is_out_at_the_next_wake_up_and_every_request_is_refused(String what,
            Consumer<Fixture> end) {
        TestPanel.signInCandidate(candidate.principal());
        CandidateRoomService.CandidateRoom open = room.open();
        assertThat(room.screen(open).state()).isEqualTo(SessionState.LIVE);

        asLead(() -> end.accept(new Fixture(invites, panel.sessionId())));
        asLead(() -> control.push(panel.sessionId(), PromptRef.of(0, PromptKind.SITUATION)));

        TestPanel.signInCandidate(candidate.principal());
        assertThatThrownBy(() -> room.screen(open)).isInstanceOfSatisfying(RoomClosedException.class,
                e -> assertThat(e.access()).isEqualTo(CandidateAccess.REVOKED));
        assertThatThrownBy(room::open).isInstanceOf(RoomClosedException.class);
        assertThatThrownBy(room::requestClarification).isInstanceOf(RoomClosedException.class);
        assertThat(invites.access(candidate.principal())).isEqualTo(CandidateAccess.REVOKED);
        assertThat(invites.returnTo(candidate.browserKey())).as("the browser's cookie no longer brings it back")
                .isEmpty();
        assertThat(log.after(panel.sessionId(), 0)).extracting(SessionEvent::type)
                .doesNotContain(SessionEvents.ClarificationRequested.TYPE);
    }

    @Test
    void a_released_link_opens_once_more_in_a_new_browser_and_the_first_browser_stays_out() {
        asLead(() -> invites.release(panel.sessionId()));
        String phone = InviteService.newBrowserKey();

        CandidatePrincipal onPhone = invites.join(candidate.token(), phone, "Casey", "10.99.0.1");

        assertThat(invites.access(onPhone)).isEqualTo(CandidateAccess.ALLOWED);
        assertThat(invites.access(candidate.principal())).isEqualTo(CandidateAccess.REVOKED);
        assertThat(onPhone.grant()).isNotEqualTo(candidate.principal().grant());
        TestPanel.signInCandidate(onPhone);
        assertThat(room.open().candidate()).isEqualTo(onPhone);
    }

    @Test
    void a_returning_browser_keeps_its_grant_and_writes_no_second_join_event() {
        CandidatePrincipal again = invites.join(candidate.token(), candidate.browserKey(), "Casey", "10.99.0.2");

        assertThat(again).isEqualTo(candidate.principal());
        assertThat(log.after(panel.sessionId(), 0)).filteredOn(e -> e.is(SessionEvents.CandidateJoined.class))
                .hasSize(1);
    }

    @Test
    void after_the_session_ends_the_room_closes_calmly_and_requests_are_refused() {
        TestPanel.signInCandidate(candidate.principal());
        CandidateRoomService.CandidateRoom open = room.open();

        asLead(() -> sessions.end(panel.sessionId()));

        TestPanel.signInCandidate(candidate.principal());
        assertThat(room.screen(open).state()).isEqualTo(SessionState.COMPLETED);
        assertThatThrownBy(room::open).isInstanceOfSatisfying(RoomClosedException.class,
                e -> assertThat(e.sessionEnded()).isTrue());
        assertThatThrownBy(room::requestClarification).isInstanceOf(RoomClosedException.class);
        assertThat(invites.returnTo(candidate.browserKey())).get()
                .extracting(InviteService.Return::sessionEnded).isEqualTo(true);
    }

    @Test
    void a_browser_that_lost_its_http_session_comes_back_by_its_key_and_nothing_else_does() {
        assertThat(invites.returnTo(candidate.browserKey())).contains(
                new InviteService.Return(candidate.principal(), false));
        assertThat(invites.returnTo(InviteService.newBrowserKey())).isEmpty();
        assertThat(invites.returnTo("not a key")).isEmpty();
        assertThat(invites.returnTo(null)).isEmpty();
    }

    @Test
    void an_expired_link_ends_access_even_without_an_event() {
        TestPanel.signInCandidate(candidate.principal());
        CandidateRoomService.CandidateRoom open = room.open();
        assertThat(room.access(open)).isEqualTo(CandidateAccess.ALLOWED);

        jdbc.sql("update session_invite set expires_at = now() - interval '1 second' where session_id = ?")
                .param(panel.sessionId()).update();

        assertThat(invites.access(candidate.principal())).isEqualTo(CandidateAccess.REVOKED);
        assertThatThrownBy(room::open).isInstanceOf(RoomClosedException.class);
        CandidateRoomService.CandidateRoom stale = new CandidateRoomService.CandidateRoom(open.candidate(),
                open.agenda(), open.cursor(), java.time.Instant.now().minusSeconds(1));
        assertThat(room.access(stale)).isEqualTo(CandidateAccess.REVOKED);
    }

    @Test
    void clarification_requests_are_limited_and_the_refusal_writes_nothing() {
        TestPanel.signInCandidate(candidate.principal());
        room.requestClarification();
        room.requestClarification();

        assertThatThrownBy(room::requestClarification).isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.getMessage()).startsWith("The panel already has your request for a clarification.")
                    .containsPattern("Try again in \\d+ s\\.");
            assertThat(e.retryAfter()).isPositive();
        });
        List<SessionEvent> requests = log.after(panel.sessionId(), 0).stream()
                .filter(e -> e.is(SessionEvents.ClarificationRequested.class)).toList();
        assertThat(requests).hasSize(2);
    }

    @Test
    void joins_from_one_address_are_limited_and_other_addresses_are_not() {
        int allowed = 0;
        RateLimitedException refused = null;
        String address = "10.98." + System.nanoTime() % 250 + ".7";
        for (int attempt = 0; attempt < 1_000 && refused == null; attempt++) {
            try {
                invites.join(candidate.token(), candidate.browserKey(), "Casey", address);
                allowed++;
            } catch (RateLimitedException e) {
                refused = e;
            }
        }
        assertThat(refused).as("refused once the address's joins are used up").isNotNull();
        assertThat(refused.getMessage()).contains("Too many attempts to join");
        // The test profile allows 200 at once (refilling 200 per 10 minutes while the loop runs).
        assertThat(allowed).isBetween(200, 210);
        assertThat(invites.join(candidate.token(), candidate.browserKey(), "Casey", "10.98.251.8"))
                .isEqualTo(candidate.principal());
    }

    private void asLead(Runnable action) {
        TestUsers.as(panel.lead(), "INTERVIEWER", action);
    }
}
