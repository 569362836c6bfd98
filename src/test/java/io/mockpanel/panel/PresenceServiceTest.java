package io.mockpanel.panel;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Presence is per screen: a person is online exactly while at least one of their screens is
 * connected, whatever order tabs open, reload and close in.
 */
@IntegrationTest
class PresenceServiceTest {

    @Autowired
    PresenceService presence;

    @Autowired
    SessionEventLog log;

    @Autowired
    TestPanel testPanel;

    @Autowired
    JdbcClient jdbc;

    private TestPanel.Panel panel;

    @BeforeEach
    void setUp() {
        panel = testPanel.live();
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void closing_one_of_two_tabs_keeps_the_person_online_and_closing_both_takes_them_offline() {
        TestUsers.signIn(panel.panelist(), "INTERVIEWER");
        UUID first = presence.enter(panel.sessionId());
        UUID second = presence.enter(panel.sessionId());
        assertThat(online(panel.panelist())).isTrue();

        presence.leave(panel.sessionId(), first);
        assertThat(online(panel.panelist())).as("the other tab is still open").isTrue();

        presence.leave(panel.sessionId(), second);
        assertThat(online(panel.panelist())).isFalse();
        assertThat(changes(panel.panelist())).containsExactly(true, false);
    }

    @Test
    void a_reload_whose_old_page_is_cleaned_up_late_never_shows_the_person_offline() {
        TestUsers.signIn(panel.panelist(), "INTERVIEWER");
        UUID before = presence.enter(panel.sessionId());

        UUID reloaded = presence.enter(panel.sessionId());
        presence.leave(panel.sessionId(), before);

        assertThat(online(panel.panelist())).isTrue();
        assertThat(changes(panel.panelist())).containsExactly(true);
        presence.heartbeat(panel.sessionId(), reloaded);
        assertThat(changes(panel.panelist())).as("a heartbeat of a live screen writes nothing").containsExactly(true);
    }

    @Test
    void a_screen_that_stops_beating_drops_out_and_comes_back_when_it_wakes() {
        TestUsers.signIn(panel.panelist(), "INTERVIEWER");
        UUID phone = presence.enter(panel.sessionId());
        jdbc.sql("update session_connection set seen_at = now() - interval '5 minutes' where connection_id = ?")
                .param(phone).update();
        assertThat(online(panel.panelist())).as("a phone asleep for minutes").isFalse();

        presence.heartbeat(panel.sessionId(), phone);

        assertThat(online(panel.panelist())).isTrue();
        assertThat(changes(panel.panelist())).as("consoles hear that it is back").containsExactly(true, true);
    }

    @Test
    void a_screen_whose_row_was_lost_is_restored_by_its_next_heartbeat() {
        TestUsers.signIn(panel.panelist(), "INTERVIEWER");
        UUID screen = presence.enter(panel.sessionId());
        jdbc.sql("delete from session_connection where connection_id = ?").param(screen).update();

        presence.heartbeat(panel.sessionId(), screen);

        assertThat(online(panel.panelist())).isTrue();
        assertThat(screens(panel.panelist())).isEqualTo(1);
    }

    @Test
    void the_candidate_counts_each_tab_and_leaving_one_keeps_them_connected() {
        TestPanel.Candidate candidate = testPanel.join(panel, "Casey");
        TestPanel.signInCandidate(candidate.principal());
        UUID tab1 = presence.enter(panel.sessionId());
        UUID tab2 = presence.enter(panel.sessionId());
        assertThat(screens(PresenceService.CANDIDATE)).isEqualTo(2);

        TestPanel.signInCandidate(candidate.principal());
        presence.leave(panel.sessionId(), tab1);
        assertThat(screens(PresenceService.CANDIDATE)).isEqualTo(1);
        assertThat(online(PresenceService.CANDIDATE)).isTrue();
        TestPanel.signInCandidate(candidate.principal());
        presence.leave(panel.sessionId(), tab2);
        assertThat(online(PresenceService.CANDIDATE)).isFalse();
    }

    @Test
    void one_person_cannot_close_another_persons_screen() {
        TestUsers.signIn(panel.panelist(), "INTERVIEWER");
        UUID panelists = presence.enter(panel.sessionId());
        TestUsers.signIn(panel.lead(), "INTERVIEWER");
        presence.leave(panel.sessionId(), panelists);
        assertThat(online(panel.panelist())).isTrue();
    }

    private boolean online(String participant) {
        return screens(participant) > 0;
    }

    private int screens(String participant) {
        var previous = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        TestUsers.signIn(panel.lead(), "INTERVIEWER");
        try {
            return presence.presence(panel.sessionId()).stream()
                    .filter(p -> p.participant().equals(participant))
                    .mapToInt(PresenceService.Presence::screens).findFirst().orElse(0);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    /** The "connected" flags of the participant's presence events, oldest first. */
    private List<Boolean> changes(String participant) {
        return log.after(panel.sessionId(), 0).stream()
                .filter(e -> e.is(SessionEvents.PresenceChanged.class))
                .map(e -> e.decode(SessionEvents.PresenceChanged.class))
                .filter(p -> participant.equals(p.participant()))
                .map(SessionEvents.PresenceChanged::connected)
                .toList();
    }
}
