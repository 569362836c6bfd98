package io.mockpanel.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockpanel.mail.MailOutbox;
import io.mockpanel.panel.InviteService;
import io.mockpanel.panel.NewSchedule;
import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.panel.SessionEvents;
import io.mockpanel.panel.SessionScheduling;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Anonymising a candidate also forgets their session's mails (addressed to them, naming them,
 * with the join and call links) and the video call's link, which often is a personal meeting room.
 */
@IntegrationTest
class AnonymisedMailsAndCallLinkTest {

    @Autowired
    PrivacyService privacy;

    @Autowired
    PrivacyFixture fixture;

    @Autowired
    SessionScheduling scheduling;

    @Autowired
    InviteService invites;

    @Autowired
    PanelSessionService sessions;

    @Autowired
    MailOutbox outbox;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void anonymising_erases_the_sessions_mails_and_the_call_link_in_the_session_and_its_events() {
        var person = PrivacyFixture.Person.random();
        TestPanel.Panel panel = fixture.accounts();
        long id = fixture.session(panel, person, "SCHEDULED");
        String room = "zr-" + PrivacyFixture.letters(9);
        String link = "https://meet.example.com/" + room;
        TestUsers.as(panel.lead(), "INTERVIEWER", () -> {
            scheduling.reschedule(id, new NewSchedule(LocalDateTime.of(LocalDate.now(ZoneId.of("Europe/Berlin"))
                    .plusDays(3), LocalTime.of(10, 0)), "Europe/Berlin", 60));
            scheduling.changeMeetingLink(id, link);
            invites.issue(id, true);
            sessions.cancel(id);
        });
        // What the candidate's browser said when they opened their room (decision 0045).
        jdbc.sql("update panel_session set candidate_zone = 'Asia/Tokyo' where id = ?").param(id).update();
        assertThat(mailsOf(id)).as("the invitation and the cancellation").isGreaterThanOrEqualTo(2);
        assertThat(fixture.tracesOf(room)).contains("panel_session.meeting_url", "session_event.payload");
        assertThat(fixture.tracesOf(person.email())).contains("mail_outbox.recipient_address");

        TestUsers.as("privacy-admin", "ADMIN", () -> privacy.anonymise(fixture.candidateOf(id)));

        assertThat(mailsOf(id)).isZero();
        assertThat(fixture.tracesOf(List.of(room, person.email(), person.name()))).isEmpty();
        assertThat(jdbc.sql("select meeting_url is null from panel_session where id = ?").param(id)
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select candidate_zone is null from panel_session where id = ?").param(id)
                .query(Boolean.class).single()).as("where the candidate lives").isTrue();
        assertThat(jdbc.sql("select payload::text from session_event where session_id = ? and type = ?")
                .params(id, SessionEvents.MeetingLinkChanged.TYPE).query(String.class).list())
                .singleElement().asString().isEqualToIgnoringWhitespace("{\"url\": null}");
        assertThat(jdbc.sql("select detail from audit_log where subject = ? order by id desc limit 1")
                .param("candidate " + fixture.candidateOf(id)).query(String.class).single())
                .containsPattern("[2-9] mails, 1 call link");
    }

    private long mailsOf(long sessionId) {
        return jdbc.sql("select count(*) from mail_outbox where session_id = ?").param(sessionId).query(Long.class)
                .single();
    }
}
