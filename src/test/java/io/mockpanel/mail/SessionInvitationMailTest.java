package io.mockpanel.mail;

import static io.mockpanel.mail.ReceivedMail.event;
import static io.mockpanel.mail.ReceivedMail.parts;
import static io.mockpanel.mail.ReceivedMail.text;
import static io.mockpanel.mail.ReceivedMail.calendar;
import static io.mockpanel.mail.ReceivedMail.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.mockpanel.panel.InviteService;
import io.mockpanel.panel.IssuedInvite;
import io.mockpanel.panel.NewSchedule;
import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.panel.SessionException;
import io.mockpanel.panel.SessionScheduling;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The session's own mails (decision 0039), from the panel's services to a real SMTP server: the
 * candidate's invitation queued with the link's issue, an update on a reschedule, a cancellation.
 */
@IntegrationTest
class SessionInvitationMailTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Autowired
    InviteService invites;

    @Autowired
    SessionScheduling scheduling;

    @Autowired
    PanelSessionService sessions;

    @Autowired
    MailOutbox outbox;

    @Autowired
    OutboxSender sender;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    TestPanel testPanel;

    private final MutableClock clock = new MutableClock(Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS));
    private long sessionId;

    @BeforeEach
    void setUp() {
        jdbc.sql("delete from mail_outbox").update();
        TestPanel.Panel panel = testPanel.scheduled();
        sessionId = panel.sessionId();
        jdbc.sql("update panel_session set candidate_email = 'casey@example.org' where id = ?").param(sessionId)
                .update();
        TestUsers.signIn(panel.lead(), "INTERVIEWER");
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private static NewSchedule tomorrowAt(int hour) {
        return new NewSchedule(LocalDateTime.of(LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(2),
                LocalTime.of(hour, 0)), "Europe/Berlin", 60);
    }

    private List<MailStatus> mails(MailKind kind) {
        return outbox.statesOf(sessionId).stream().filter(mail -> mail.kind() == kind).toList();
    }

    private List<MimeMessage> sendAll() {
        int before = smtp.getReceivedMessages().length;
        JavaMailSenderImpl mailSender = new JavaMailSenderImpl();
        mailSender.setHost("127.0.0.1");
        mailSender.setPort(smtp.getSmtp().getPort());
        clock.catchUp();
        sender.sendDue(mailSender, clock);
        MimeMessage[] received = smtp.getReceivedMessages();
        return List.of(received).subList(before, received.length);
    }

    @Test
    void issuing_with_email_queues_exactly_one_candidate_invitation_with_the_link_in_the_same_transaction() throws Exception {
        scheduling.reschedule(sessionId, tomorrowAt(15));

        IssuedInvite invite = invites.issue(sessionId, true);

        assertThat(mails(MailKind.INVITATION)).singleElement().satisfies(mail -> {
            assertThat(mail.recipientAddress()).isEqualTo("casey@example.org");
            assertThat(mail.recipientName()).isEqualTo("Casey Candidate");
        });
        assertThat(mails(MailKind.REMINDER)).hasSize(1);
        List<MimeMessage> sent = sendAll();
        assertThat(sent).hasSize(1);
        assertThat(((jakarta.mail.internet.InternetAddress) sent.get(0).getAllRecipients()[0]).getAddress())
                .isEqualTo("casey@example.org");
        assertThat(text(sent.get(0))).contains("Join the panel: ").contains(invite.path());

        new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
            invites.issue(sessionId, true);
            tx.setRollbackOnly();
        });
        assertThat(mails(MailKind.INVITATION)).hasSize(1);
    }

    @Test
    void issuing_with_email_is_refused_before_anything_is_written_without_a_start() {
        assertThatThrownBy(() -> invites.issue(sessionId, true)).isInstanceOf(SessionException.class)
                .hasMessageContaining("Schedule");
        assertThat(invites.status(sessionId).issued()).isFalse();
        assertThat(outbox.statesOf(sessionId)).isEmpty();
    }

    @Test
    void a_reschedule_sends_an_update_with_a_higher_sequence_and_a_cancel_a_cancellation() throws Exception {
        scheduling.reschedule(sessionId, tomorrowAt(15));
        IssuedInvite invite = invites.issue(sessionId, true);
        VEvent first = event(calendar(sendAll().get(0)));

        scheduling.reschedule(sessionId, tomorrowAt(17));

        assertThat(mails(MailKind.REMINDER)).as("the old reminder withdrawn, a new one queued").hasSize(1);
        MimeMessage update = sendAll().get(0);
        VEvent moved = event(calendar(update));
        assertThat(update.getSubject()).startsWith("Updated invitation: ");
        assertThat(value(moved, Property.UID)).isEqualTo(value(first, Property.UID));
        assertThat(Integer.parseInt(value(moved, Property.SEQUENCE)))
                .isGreaterThan(Integer.parseInt(value(first, Property.SEQUENCE)));
        assertThat(text(update)).contains("link from your invitation").doesNotContain(invite.token());

        sessions.cancel(sessionId);

        assertThat(mails(MailKind.REMINDER)).isEmpty();
        MimeMessage cancellation = sendAll().get(0);
        Calendar cancel = calendar(cancellation);
        assertThat(cancellation.getSubject()).startsWith("Cancelled: ");
        assertThat(value(cancel, Property.METHOD)).isEqualTo("CANCEL");
        assertThat(value(event(cancel), Property.UID)).isEqualTo(value(first, Property.UID));
        assertThat(Integer.parseInt(value(event(cancel), Property.SEQUENCE)))
                .isGreaterThan(Integer.parseInt(value(moved, Property.SEQUENCE)));
    }
}
