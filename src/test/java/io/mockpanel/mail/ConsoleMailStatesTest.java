package io.mockpanel.mail;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.ListItem;
import io.mockpanel.panel.NewSchedule;
import io.mockpanel.panel.SessionEvent;
import io.mockpanel.panel.SessionEventLog;
import io.mockpanel.panel.SessionEvents;
import io.mockpanel.panel.SessionScheduling;
import io.mockpanel.support.KaribuTest;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Decision 0041: the sender's outcomes reach the lead's open console through the session's log,
 * without a click: "queued, retrying" after a failed attempt, then "sent". The events carry the
 * mail's id and state only.
 */
class ConsoleMailStatesTest extends KaribuTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Autowired
    TestPanel testPanel;

    @Autowired
    SessionScheduling scheduling;

    @Autowired
    OutboxSender sender;

    @Autowired
    SessionEventLog log;

    @Autowired
    JdbcClient jdbc;

    private final MutableClock clock = new MutableClock(Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS));

    @AfterEach
    void closeConsole() {
        // Detached while the lead is still signed in, so a late wake-up finds no screen without a user.
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.getInternals().getActiveRouterTargetsChain().forEach(target -> target.getElement().removeFromParent());
            MockVaadin.clientRoundtrip(false);
        }
    }

    @Test
    void the_console_shows_a_retry_and_then_sent_as_the_sender_records_them_without_a_click() throws Exception {
        jdbc.sql("delete from mail_outbox").update();
        TestPanel.Panel panel = testPanel.scheduled();
        jdbc.sql("update panel_session set candidate_email = 'casey@example.org' where id = ?")
                .param(panel.sessionId()).update();
        TestUsers.as(panel.lead(), "INTERVIEWER", () -> scheduling.reschedule(panel.sessionId(),
                new NewSchedule(LocalDateTime.of(LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(2),
                        LocalTime.of(15, 0)), "Europe/Berlin", 60)));
        login(panel.lead(), "INTERVIEWER");
        UI.getCurrent().navigate("sessions/" + panel.sessionId());
        MockVaadin.clientRoundtrip(false);
        _get(Checkbox.class, spec -> spec.withId("invite-by-mail")).setValue(true);
        _click(_get(Button.class, spec -> spec.withId("issue-invite")));
        assertThat(invitation()).hasValueSatisfying(line -> assertThat(line).contains("Queued"));
        long before = log.lastSeq(panel.sessionId());

        clock.catchUp();
        sender.sendDue(unreachableServer(), clock);

        assertThat(await(line -> line.contains("Retrying")
                && line.contains("Attempt 1 failed: The SMTP server could not be reached")))
                .as("the failed attempt reached the console by itself").isTrue();

        clock.advance(Duration.ofMinutes(2));
        sender.sendDue(greenMail(), clock);

        assertThat(await(line -> line.contains("Sent ") && !line.contains("failed")))
                .as("the sent mail reached the console by itself").isTrue();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        List<SessionEvent> news = log.after(panel.sessionId(), before);
        assertThat(news).extracting(SessionEvent::type).containsExactly(SessionEvents.MailChanged.TYPE,
                SessionEvents.MailChanged.TYPE);
        assertThat(news).extracting(SessionEvent::decode).extracting(p -> ((SessionEvents.MailChanged) p).state())
                .containsExactly("QUEUED", "SENT");
        assertThat(news).allSatisfy(event -> assertThat(event.payload()).doesNotContain("casey")
                .doesNotContain("join").doesNotContain("Invitation"));
        assertThat(_find(Button.class, spec -> spec.withId("refresh-mails"))).as("nothing left to refresh").isEmpty();
    }

    @Test
    void a_node_that_lost_its_claim_mid_send_records_nothing_and_tells_no_console() throws Exception {
        jdbc.sql("delete from mail_outbox").update();
        TestPanel.Panel panel = testPanel.scheduled();
        long mailId = jdbc.sql("""
                insert into mail_outbox (session_id, kind, recipient_address, recipient_name, subject, text_body,
                                         html_body, dedupe_key, state, attempts, next_attempt_at, created_at)
                values (?, 'INVITATION', 'casey@example.org', 'Casey', 'Invitation', 't', 'h', ?, 'QUEUED', 0, now(), now())
                returning id""").params(panel.sessionId(), "lost-claim-" + panel.sessionId()).query(Long.class).single();
        long before = log.lastSeq(panel.sessionId());
        // While this node talks to the SMTP server, its lease runs out and another node claims the mail.
        JavaMailSenderImpl overtaken = new JavaMailSenderImpl() {
            @Override
            protected void doSend(jakarta.mail.internet.MimeMessage[] messages, Object[] originals) {
                super.doSend(messages, originals);
                jdbc.sql("update mail_outbox set attempts = attempts + 1 where id = ?").param(mailId).update();
            }
        };
        overtaken.setHost("127.0.0.1");
        overtaken.setPort(smtp.getSmtp().getPort());
        clock.catchUp();

        assertThat(sender.sendDue(overtaken, clock)).isEqualTo(1);

        assertThat(jdbc.sql("select state from mail_outbox where id = ?").param(mailId).query(String.class).single())
                .as("the other node's claim stands").isEqualTo("SENDING");
        assertThat(log.lastSeq(panel.sessionId())).as("no event for an outcome that was not recorded")
                .isEqualTo(before);
    }

    /** The candidate's invitation line, as the lead's console shows it. */
    private static Optional<String> invitation() {
        return _find(ListItem.class, spec -> spec.withClasses("invitation-mail")).stream()
                .map(item -> item.getElement().getTextRecursively()).filter(line -> line.startsWith("Invitation"))
                .findFirst();
    }

    /** Runs what reached the UI from other threads until the invitation's line matches, for up to ten seconds. */
    private static boolean await(Predicate<String> line) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            MockVaadin.clientRoundtrip(false);
            if (invitation().filter(line).isPresent()) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static JavaMailSenderImpl greenMail() {
        JavaMailSenderImpl mailSender = new JavaMailSenderImpl();
        mailSender.setHost("127.0.0.1");
        mailSender.setPort(smtp.getSmtp().getPort());
        return mailSender;
    }

    /** A port nobody listens on: the attempt fails with "connection refused". */
    private static JavaMailSenderImpl unreachableServer() throws Exception {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        JavaMailSenderImpl mailSender = new JavaMailSenderImpl();
        mailSender.setHost("127.0.0.1");
        mailSender.setPort(port);
        return mailSender;
    }
}
