package io.mockpanel.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox against a real SMTP server (GreenMail) and the real database. */
@IntegrationTest
class OutboxSenderTest {

    /** A fixed port, so that the server stopped for a test comes back where the senders look for it. */
    private static final int PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.port(PORT));

    @Autowired
    MailOutbox outbox;

    @Autowired
    OutboxSender sender;

    @Autowired
    MailProperties properties;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    TestPanel testPanel;

    // A little ahead of the app's clock, which stamps the mails queued by a test as due.
    private final MutableClock clock = new MutableClock(Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS));

    @BeforeEach
    void emptyOutbox() {
        jdbc.sql("delete from mail_outbox").update();
        TestUsers.signIn("someone-" + UUID.randomUUID(), "INTERVIEWER");
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private JavaMailSenderImpl smtpSender() {
        JavaMailSenderImpl mailSender = new JavaMailSenderImpl();
        mailSender.setHost("127.0.0.1");
        mailSender.setPort(PORT);
        mailSender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
        mailSender.getJavaMailProperties().put("mail.smtp.timeout", "5000");
        return mailSender;
    }

    private static OutgoingMail mail(String to) {
        return new OutgoingMail(null, MailKind.PANEL_INVITATION, MailAddress.of(to, "Pat Panel"), "Panel: test",
                "plain text", "<p>html</p>", null, "test:" + UUID.randomUUID(), null, null);
    }

    private long enqueue(OutgoingMail mail) {
        return outbox.enqueue(mail).orElseThrow();
    }

    private MailStatus status(long id) {
        return outbox.status(id).orElseThrow();
    }

    @Test
    void a_queued_mail_is_sent_through_smtp_once_and_its_bodies_are_dropped() throws Exception {
        long id = enqueue(mail("pat@example.org"));

        assertThat(status(id).state()).isEqualTo(MailState.QUEUED);
        assertThat(sender.sendDue(smtpSender(), clock)).isEqualTo(1);
        assertThat(sender.sendDue(smtpSender(), clock)).isZero();

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Panel: test");
        assertThat(received[0].getAllRecipients()).extracting(Object::toString)
                .containsExactly("Pat Panel <pat@example.org>");
        assertThat(received[0].getFrom()[0].toString()).contains(properties.from());
        MailStatus sent = status(id);
        assertThat(sent.state()).isEqualTo(MailState.SENT);
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(sent.sentAt()).isEqualTo(clock.instant());
        assertThat(jdbc.sql("select text_body || html_body || coalesce(ics, '') from mail_outbox where id = ?")
                .param(id).query(String.class).single()).isEmpty();
    }

    @Test
    void a_mail_queued_in_a_transaction_that_rolls_back_is_never_sent() {
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        transaction.executeWithoutResult(status -> {
            outbox.enqueue(mail("rolled-back@example.org"));
            status.setRollbackOnly();
        });

        assertThat(sender.sendDue(smtpSender(), clock)).isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void the_same_dedupe_key_is_queued_once() {
        OutgoingMail mail = mail("pat@example.org");

        assertThat(outbox.enqueue(mail)).isPresent();
        assertThat(outbox.enqueue(mail)).isEmpty();
        sender.sendDue(smtpSender(), clock);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void while_the_smtp_server_is_down_nothing_is_lost_and_after_it_is_back_the_mail_is_sent_once() {
        long id = enqueue(mail("pat@example.org"));
        smtp.stop();

        assertThat(sender.sendDue(smtpSender(), clock)).isZero();
        MailStatus first = status(id);
        assertThat(first.state()).isEqualTo(MailState.QUEUED);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.reason()).isEqualTo("The SMTP server could not be reached (connection refused).");
        assertThat(nextAttempt(id)).isEqualTo(clock.instant().plus(properties.initialBackoff()));

        // Not due before its backoff ends.
        clock.advance(properties.initialBackoff().minusSeconds(1));
        sender.sendDue(smtpSender(), clock);
        assertThat(status(id).attempts()).isEqualTo(1);

        // The second failure waits twice as long.
        clock.advance(Duration.ofSeconds(1));
        sender.sendDue(smtpSender(), clock);
        assertThat(status(id).attempts()).isEqualTo(2);
        assertThat(nextAttempt(id)).isEqualTo(clock.instant().plus(properties.initialBackoff().multipliedBy(2)));

        smtp.start();
        clock.advance(properties.initialBackoff().multipliedBy(2));
        assertThat(sender.sendDue(smtpSender(), clock)).isEqualTo(1);
        clock.advance(Duration.ofHours(2));
        assertThat(sender.sendDue(smtpSender(), clock)).isZero();

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        MailStatus sent = status(id);
        assertThat(sent.state()).isEqualTo(MailState.SENT);
        assertThat(sent.attempts()).isEqualTo(3);
        assertThat(sent.reason()).isNull();
    }

    @Test
    void while_the_smtp_server_is_down_one_mail_per_run_is_tried_and_the_others_wait_untouched() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(enqueue(mail("p" + i + "@example.org")));
        }
        smtp.stop();

        sender.sendDue(smtpSender(), clock);

        assertThat(status(ids.get(0)).attempts()).isEqualTo(1);
        assertThat(ids.subList(1, 5)).allSatisfy(id -> {
            assertThat(status(id).state()).isEqualTo(MailState.QUEUED);
            assertThat(status(id).attempts()).isZero();
            assertThat(nextAttempt(id)).isEqualTo(clock.instant());
        });
        smtp.start();
    }

    @Test
    void a_node_starts_no_mail_after_half_its_lease_so_no_other_node_can_take_one_over_mid_send() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(enqueue(mail("p" + i + "@example.org")));
        }
        // An SMTP server so slow that each mail takes a whole lease.
        JavaMailSenderImpl slow = new JavaMailSenderImpl() {
            @Override
            protected void doSend(MimeMessage[] messages, Object[] originals) {
                super.doSend(messages, originals);
                clock.advance(properties.lease());
            }
        };
        slow.setHost("127.0.0.1");
        slow.setPort(PORT);

        assertThat(sender.sendDue(slow, clock)).isEqualTo(1);
        assertThat(ids.subList(1, 3)).allSatisfy(id -> {
            assertThat(status(id).state()).isEqualTo(MailState.QUEUED);
            assertThat(status(id).attempts()).isZero();
        });
        assertThat(sender.sendDue(slow, clock)).isEqualTo(1);
        assertThat(sender.sendDue(slow, clock)).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).hasSize(3);
        assertThat(ids).allSatisfy(id -> assertThat(status(id).attempts()).isEqualTo(1));
    }

    @Test
    void after_the_last_attempt_a_mail_is_failed_with_the_reason() {
        long id = enqueue(mail("pat@example.org"));
        smtp.stop();

        for (int attempt = 1; attempt <= properties.maxAttempts(); attempt++) {
            sender.sendDue(smtpSender(), clock);
            assertThat(status(id).attempts()).isEqualTo(attempt);
            clock.advance(properties.maxBackoff());
        }
        smtp.start();
        sender.sendDue(smtpSender(), clock);

        MailStatus failed = status(id);
        assertThat(failed.state()).isEqualTo(MailState.FAILED);
        assertThat(failed.attempts()).isEqualTo(properties.maxAttempts());
        assertThat(failed.reason()).isEqualTo("The SMTP server could not be reached (connection refused).");
        assertThat(failed.sentAt()).isNull();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void the_backoff_doubles_up_to_its_ceiling() {
        assertThat(properties.backoff(1)).isEqualTo(properties.initialBackoff());
        assertThat(properties.backoff(2)).isEqualTo(properties.initialBackoff().multipliedBy(2));
        assertThat(properties.backoff(3)).isEqualTo(properties.initialBackoff().multipliedBy(4));
        assertThat(properties.backoff(40)).isEqualTo(properties.maxBackoff());
    }

    @Test
    void a_mail_whose_sender_died_mid_send_is_sent_again_when_the_lease_runs_out_but_not_before() {
        long id = enqueue(mail("pat@example.org"));
        // What a node leaves behind when it dies after its claim: SENDING, leased, attempt 1.
        jdbc.sql("update mail_outbox set state = 'SENDING', attempts = 1, next_attempt_at = ? where id = ?")
                .params(MailOutbox.utc(clock.instant().plus(properties.lease())), id).update();

        assertThat(sender.sendDue(smtpSender(), clock)).isZero();
        clock.advance(properties.lease());
        assertThat(sender.sendDue(smtpSender(), clock)).isEqualTo(1);

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(status(id).state()).isEqualTo(MailState.SENT);
        assertThat(status(id).attempts()).isEqualTo(2);
    }

    @Test
    void a_lease_that_runs_out_on_the_last_attempt_fails_the_mail() {
        long id = enqueue(mail("pat@example.org"));
        jdbc.sql("update mail_outbox set state = 'SENDING', attempts = ?, next_attempt_at = ? where id = ?")
                .params(properties.maxAttempts(), MailOutbox.utc(clock.instant()), id).update();

        sender.sendDue(smtpSender(), clock);

        assertThat(status(id).state()).isEqualTo(MailState.FAILED);
        assertThat(status(id).reason()).contains("No confirmation");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void two_senders_at_once_never_send_a_mail_twice() throws Exception {
        int count = 3 * properties.batchSize() + 7;
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(enqueue(mail("person" + i + "@example.org")));
        }
        // Queueing 67 mails can take longer than the clock's one second ahead on a busy machine.
        clock.catchUp();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                JavaMailSenderImpl mailSender = smtpSender();
                sent.add(nodes.submit(() -> {
                    go.await();
                    return sender.sendDue(mailSender, clock);
                }));
            }
            go.countDown();
            int total = 0;
            for (Future<Integer> result : sent) {
                total += result.get();
            }
            assertThat(total).isEqualTo(count);
        } finally {
            nodes.shutdownNow();
        }

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(count);
        List<String> recipients = Arrays.stream(received).map(OutboxSenderTest::recipient).toList();
        assertThat(recipients).doesNotHaveDuplicates();
        assertThat(ids).allSatisfy(id -> {
            assertThat(status(id).state()).isEqualTo(MailState.SENT);
            assertThat(status(id).attempts()).isEqualTo(1);
        });
    }

    @Test
    void a_session_shows_the_state_of_each_of_its_mails() {
        TestPanel.Panel panel = panel();
        OutgoingMail first = mail("pat@example.org");
        long sent = enqueue(new OutgoingMail(panel.sessionId(), MailKind.INVITATION, first.to(), "Invitation",
                "t", "h", null, "test:" + UUID.randomUUID(), null, null));
        clock.catchUp();
        sender.sendDue(smtpSender(), clock);
        long queued = enqueue(new OutgoingMail(panel.sessionId(), MailKind.REMINDER,
                MailAddress.of("sam@example.org", "Sam"), "Reminder", "t", "h", null, "test:" + UUID.randomUUID(),
                clock.instant().plus(Duration.ofDays(1)), null));

        List<MailStatus> states = outbox.statesOf(panel.sessionId());

        assertThat(states).extracting(MailStatus::id, MailStatus::kind, MailStatus::recipientAddress,
                MailStatus::state).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(sent, MailKind.INVITATION, "pat@example.org", MailState.SENT),
                        org.assertj.core.groups.Tuple.tuple(queued, MailKind.REMINDER, "sam@example.org",
                                MailState.QUEUED));
        assertThat(states.get(0).sentAt()).isNotNull();
        assertThat(outbox.withdraw(panel.sessionId(), MailKind.REMINDER)).isEqualTo(1);
        assertThat(outbox.statesOf(panel.sessionId())).hasSize(1);
    }

    @Test
    void a_failed_mail_can_be_sent_again_from_its_first_attempt() {
        TestPanel.Panel panel = panel();
        OutgoingMail mail = mail("pat@example.org");
        long id = enqueue(new OutgoingMail(panel.sessionId(), MailKind.INVITATION, mail.to(), "Invitation", "t", "h",
                null, mail.dedupeKey(), null, null));
        jdbc.sql("update mail_outbox set state = 'FAILED', attempts = 8, last_error = 'x' where id = ?").param(id)
                .update();

        assertThat(outbox.retry(panel.sessionId() + 1, id)).as("another session's mail").isFalse();
        assertThat(outbox.retry(panel.sessionId(), id)).isTrue();
        assertThat(outbox.retry(panel.sessionId(), id)).as("only a failed one").isFalse();
        clock.catchUp();
        sender.sendDue(smtpSender(), clock);

        assertThat(status(id).state()).isEqualTo(MailState.SENT);
        assertThat(status(id).attempts()).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void a_sessions_mails_can_be_forgotten_and_go_with_the_session() {
        TestPanel.Panel panel = panel();
        OutgoingMail mail = mail("pat@example.org");
        enqueue(new OutgoingMail(panel.sessionId(), MailKind.INVITATION, mail.to(), "Invitation", "t", "h", null,
                mail.dedupeKey(), null, null));
        assertThat(outbox.erase(panel.sessionId())).isEqualTo(1);

        TestPanel.Panel other = panel();
        enqueue(new OutgoingMail(other.sessionId(), MailKind.INVITATION, mail.to(), "Invitation", "t", "h", null,
                "test:" + UUID.randomUUID(), null, null));
        jdbc.sql("delete from panel_session where id = ?").param(other.sessionId()).update();
        assertThat(outbox.statesOf(other.sessionId())).isEmpty();
    }

    @Test
    void a_candidate_cannot_read_mail_states() {
        TestUsers.signIn("candidate-" + UUID.randomUUID(), "CANDIDATE");

        assertThatThrownBy(() -> outbox.statesOf(1))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void one_account_cannot_queue_more_than_its_limit() {
        String account = "rate-" + UUID.randomUUID();
        for (int i = 0; i < properties.senderCapacity(); i++) {
            enqueue(mail("p" + i + "@example.org").requestedBy(account));
        }

        assertThatThrownBy(() -> enqueue(mail("one-more@example.org").requestedBy(account)))
                .isInstanceOf(MailRateLimitedException.class).hasMessageContaining("Try again in");
        // The app's own mails (no account) are not limited.
        assertThat(outbox.enqueue(mail("reminder@example.org"))).isPresent();
    }

    @Test
    void one_session_cannot_queue_more_than_its_limit() {
        TestPanel.Panel panel = panel();
        for (int i = 0; i < properties.sessionCapacity(); i++) {
            OutgoingMail mail = mail("s" + i + "@example.org");
            enqueue(new OutgoingMail(panel.sessionId(), mail.kind(), mail.to(), mail.subject(), mail.text(),
                    mail.html(), null, mail.dedupeKey(), null, "lead-" + (i % 3) + UUID.randomUUID()));
        }
        OutgoingMail extra = mail("extra@example.org");

        assertThatThrownBy(() -> outbox.enqueue(new OutgoingMail(panel.sessionId(), extra.kind(), extra.to(),
                extra.subject(), extra.text(), extra.html(), null, extra.dedupeKey(), null, "another-account")))
                .isInstanceOf(MailRateLimitedException.class);
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A new session; signs the test's user in again (TestPanel leaves nobody signed in). */
    private TestPanel.Panel panel() {
        TestPanel.Panel panel = testPanel.scheduled();
        TestUsers.signIn("someone-" + UUID.randomUUID(), "INTERVIEWER");
        return panel;
    }

    private Instant nextAttempt(long id) {
        return jdbc.sql("select next_attempt_at from mail_outbox where id = ?").param(id)
                .query(java.sql.Timestamp.class).single().toInstant();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
