package io.mockpanel.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class InviteServiceTest {

    @Autowired
    InviteService invites;

    @Autowired
    PanelSessionService sessions;

    @Autowired
    TestPanel testPanel;

    @Autowired
    JdbcClient jdbc;

    private TestPanel.Panel panel;

    @BeforeEach
    void setUp() {
        panel = testPanel.scheduled();
        TestUsers.signIn(panel.lead(), "INTERVIEWER");
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void issued_token_has_256_random_bits_and_only_its_hash_is_stored() {
        IssuedInvite invite = invites.issue(panel.sessionId());

        assertThat(invite.token()).matches("[A-Za-z0-9_-]{43}");
        byte[] stored = jdbc.sql("select token_hash from session_invite where session_id = ?")
                .param(panel.sessionId()).query(byte[].class).single();
        assertThat(stored).hasSize(32).isEqualTo(InviteTokens.hash(invite.token()));
        String everything = jdbc.sql("select row_to_json(i)::text from session_invite i where session_id = ?")
                .param(panel.sessionId()).query(String.class).single();
        assertThat(everything).doesNotContain(invite.token());
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(invite.token());
        assertThat(invites.issue(panel.sessionId()).token()).isNotEqualTo(invite.token());
    }

    @Test
    void a_fresh_link_is_valid_and_joining_binds_it_to_that_browser() {
        String token = invites.issue(panel.sessionId()).token();
        String browser = InviteService.newBrowserKey();

        assertThat(invites.check(token, null)).isEqualTo(new InviteCheck.Valid(panel.sessionId(), "Casey Candidate", false));
        CandidatePrincipal candidate = invites.join(token, browser, "  Casey C.  ", "127.0.0.1");

        assertThat(candidate.sessionId()).isEqualTo(panel.sessionId());
        assertThat(candidate.displayName()).isEqualTo("Casey C.");
        assertThat(candidate.grant()).isNotNull();
        assertThat(invites.check(token, browser)).isEqualTo(new InviteCheck.Valid(panel.sessionId(), "Casey C.", true));
        assertThat(invites.check(token, InviteService.newBrowserKey())).isInstanceOf(InviteCheck.InUseElsewhere.class);
        assertThat(invites.check(token, null)).isInstanceOf(InviteCheck.InUseElsewhere.class);
        assertThatThrownBy(() -> invites.join(token, InviteService.newBrowserKey(), "Intruder", "127.0.0.1"))
                .isInstanceOfSatisfying(InviteRefusedException.class,
                        e -> assertThat(e.verdict()).isInstanceOf(InviteCheck.InUseElsewhere.class));
        assertThat(invites.status(panel.sessionId()).bound()).isTrue();
    }

    @Test
    void released_link_can_be_used_in_another_browser() {
        String token = invites.issue(panel.sessionId()).token();
        invites.join(token, InviteService.newBrowserKey(), "Casey", "127.0.0.1");

        invites.release(panel.sessionId());

        String phone = InviteService.newBrowserKey();
        assertThat(invites.check(token, phone)).isInstanceOf(InviteCheck.Valid.class);
        assertThat(invites.join(token, phone, "Casey", "127.0.0.1").sessionId()).isEqualTo(panel.sessionId());
        assertThat(invites.check(token, phone)).isEqualTo(new InviteCheck.Valid(panel.sessionId(), "Casey", true));
    }

    @Test
    void revoked_replaced_expired_malformed_unknown_and_ended_links_are_all_just_invalid() {
        String revoked = invites.issue(panel.sessionId()).token();
        invites.revoke(panel.sessionId());
        assertThat(invites.check(revoked, null)).isInstanceOf(InviteCheck.Invalid.class);

        String replaced = invites.issue(panel.sessionId()).token();
        String current = invites.issue(panel.sessionId()).token();
        assertThat(invites.check(replaced, null)).isInstanceOf(InviteCheck.Invalid.class);
        assertThat(invites.check(current, null)).isInstanceOf(InviteCheck.Valid.class);

        jdbc.sql("update session_invite set expires_at = now() - interval '1 second' where session_id = ?")
                .param(panel.sessionId()).update();
        assertThat(invites.check(current, null)).isInstanceOf(InviteCheck.Invalid.class);

        assertThat(invites.check("not-a-token", null)).isInstanceOf(InviteCheck.Invalid.class);
        assertThat(invites.check("'; drop table session_invite; --", null)).isInstanceOf(InviteCheck.Invalid.class);
        assertThat(invites.check(InviteService.newBrowserKey(), null)).isInstanceOf(InviteCheck.Invalid.class);

        String live = invites.issue(panel.sessionId()).token();
        sessions.cancel(panel.sessionId());
        assertThat(invites.check(live, null)).isInstanceOf(InviteCheck.Invalid.class);
        assertThatThrownBy(() -> invites.join(live, InviteService.newBrowserKey(), "Casey", "127.0.0.1"))
                .isInstanceOf(InviteRefusedException.class);
    }

    @Test
    void a_blank_or_overlong_candidate_name_is_refused_and_the_link_stays_unbound() {
        String token = invites.issue(panel.sessionId()).token();
        assertThatThrownBy(() -> invites.join(token, InviteService.newBrowserKey(), "   ", "127.0.0.1"))
                .isInstanceOf(SessionException.class).hasMessageContaining("1 to 100 characters");
        assertThatThrownBy(() -> invites.join(token, InviteService.newBrowserKey(), "Casey \u202Eexe.txt", "127.0.0.1"))
                .isInstanceOf(SessionException.class).hasMessageContaining("text-direction");
        assertThatThrownBy(() -> invites.join(token, InviteService.newBrowserKey(), "x".repeat(101), "127.0.0.1"))
                .isInstanceOf(SessionException.class);
        assertThat(invites.status(panel.sessionId()).bound()).isFalse();
    }

    @Test
    void only_the_lead_manages_the_link_and_outsiders_see_nothing() {
        TestUsers.signIn(panel.panelist(), "INTERVIEWER");
        assertThatThrownBy(() -> invites.issue(panel.sessionId())).isInstanceOf(SessionException.class);
        assertThatThrownBy(() -> invites.revoke(panel.sessionId())).isInstanceOf(SessionException.class);
        assertThatThrownBy(() -> invites.release(panel.sessionId())).isInstanceOf(SessionException.class);
        assertThat(invites.status(panel.sessionId()).issued()).isFalse();

        TestUsers.signIn(panel.outsider(), "INTERVIEWER");
        assertThatThrownBy(() -> invites.status(panel.sessionId())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> invites.issue(panel.sessionId())).isInstanceOf(AccessDeniedException.class);

        TestUsers.signIn(panel.coach(), "COACH");
        assertThatThrownBy(() -> invites.issue(panel.sessionId())).isInstanceOf(SessionException.class);
    }
}
