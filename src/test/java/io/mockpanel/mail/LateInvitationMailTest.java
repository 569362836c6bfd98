package io.mockpanel.mail;

import static io.mockpanel.mail.ReceivedMail.parts;
import static io.mockpanel.mail.ReceivedMail.to;
import static io.mockpanel.mail.ReceivedMail.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.mockpanel.panel.NewSchedule;
import io.mockpanel.panel.NewSession;
import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.panel.SessionScheduling;
import io.mockpanel.scenario.ScenarioFilter;
import io.mockpanel.scenario.ScenarioService;
import io.mockpanel.scenario.ScenarioSummary;
import io.mockpanel.security.AccountRole;
import io.mockpanel.security.AccountService;
import io.mockpanel.security.NewAccount;
import io.mockpanel.security.Unique;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A member whose account gets its address after the session was first scheduled (decision 0045):
 * invited to their upcoming sessions in the transaction that saves the address, once per address.
 */
@IntegrationTest
class LateInvitationMailTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Autowired
    PanelSessionService sessions;

    @Autowired
    SessionScheduling scheduling;

    @Autowired
    AccountService accounts;

    @Autowired
    ScenarioService scenarios;

    @Autowired
    MailOutbox outbox;

    @Autowired
    OutboxSender sender;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    private final MutableClock clock = new MutableClock(Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS));
    private final String suffix = Unique.suffix();
    private final String lead = "lead-" + suffix;
    private final String late = "late-" + suffix;
    private final String address = "late." + suffix + "@example.org";

    @BeforeEach
    void accounts() {
        jdbc.sql("delete from mail_outbox").update();
        TestUsers.signIn("fixture-admin", "ADMIN");
        accounts.createAccount(new NewAccount(lead, "Lee Lead", AccountRole.INTERVIEWER, TestPanel.PASSWORD,
                lead + "@example.org"));
        accounts.createAccount(new NewAccount(late, "Lou Late", AccountRole.INTERVIEWER, TestPanel.PASSWORD));
        TestUsers.signIn(lead, "INTERVIEWER");
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private long create(NewSchedule schedule) {
        List<Long> agenda = scenarios.search(ScenarioFilter.ALL).stream().limit(2).map(ScenarioSummary::id).toList();
        return sessions.create(new NewSession("Late panel " + suffix, "Casey Candidate", null, agenda,
                List.of(late), List.of(), schedule, null));
    }

    private List<MailStatus> mailsTo(long sessionId, MailKind kind, String to) {
        return outbox.statesOf(sessionId).stream()
                .filter(mail -> mail.kind() == kind && mail.recipientAddress().equals(to)).toList();
    }

    private void setOwnAddress(String email) {
        TestUsers.as(late, "INTERVIEWER", () -> accounts.changeOwnEmail(email));
    }

    @Test
    void an_address_set_after_the_first_start_brings_the_missed_invitation_once() throws Exception {
        long upcoming = create(PanelInvitationMailTest.inTwoDaysAt(15));
        scheduling.reschedule(upcoming, PanelInvitationMailTest.inTwoDaysAt(16));
        long cancelled = create(PanelInvitationMailTest.inTwoDaysAt(17));
        sessions.cancel(cancelled);
        assertThat(mailsTo(upcoming, MailKind.PANEL_INVITATION, address)).isEmpty();

        setOwnAddress(address);

        assertThat(mailsTo(upcoming, MailKind.PANEL_INVITATION, address)).hasSize(1);
        assertThat(mailsTo(upcoming, MailKind.REMINDER, address)).hasSize(1);
        assertThat(outbox.statesOf(cancelled)).as("a cancelled session invites nobody late")
                .noneMatch(mail -> mail.recipientAddress().equals(address));
        MimeMessage invitation = sendAll().stream().filter(m -> to(m).equals(address)).findFirst().orElseThrow();
        assertThat(invitation.getSubject()).as("an invitation, not an update: they never had the first")
                .startsWith("Invitation: Late panel " + suffix);
        assertThat(text(invitation)).contains("/sessions/" + upcoming).contains("Organised by Lee Lead")
                .doesNotContain("/join/").doesNotContain("The details changed");

        setOwnAddress(address);
        setOwnAddress("");
        setOwnAddress(address.toUpperCase(java.util.Locale.ROOT).replace("EXAMPLE.ORG", "example.org"));
        assertThat(mailsTo(upcoming, MailKind.PANEL_INVITATION, address)).as("set again: no second invitation")
                .hasSize(1);

        scheduling.reschedule(upcoming, PanelInvitationMailTest.inTwoDaysAt(18));
        assertThat(mailsTo(upcoming, MailKind.PANEL_INVITATION, address)).as("and updates like everyone invited")
                .hasSize(2);
    }

    @Test
    void an_address_change_that_rolls_back_queues_nothing_and_a_past_or_no_session_nothing_either() {
        long upcoming = create(PanelInvitationMailTest.inTwoDaysAt(15));

        new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
            setOwnAddress(address);
            tx.setRollbackOnly();
        });
        assertThat(outbox.statesOf(upcoming)).noneMatch(mail -> mail.recipientAddress().equals(address));

        jdbc.sql("update panel_session set starts_at = now() - interval '1 hour' where id = ?").param(upcoming)
                .update();
        setOwnAddress(address);
        assertThat(outbox.statesOf(upcoming)).as("a start that passed invites nobody late")
                .noneMatch(mail -> mail.recipientAddress().equals(address));
    }

    @Test
    void an_admin_giving_a_member_a_new_address_invites_that_address_too() {
        long upcoming = create(PanelInvitationMailTest.inTwoDaysAt(15));
        setOwnAddress(address);
        long id = TestUsers.as("fixture-admin", "ADMIN", () -> accounts.listAccounts().stream()
                .filter(a -> a.username().equals(late)).findFirst().orElseThrow().id());
        String other = "other." + suffix + "@example.org";

        TestUsers.as("fixture-admin", "ADMIN", () -> accounts.changeEmail(id, other));

        assertThat(mailsTo(upcoming, MailKind.PANEL_INVITATION, other)).hasSize(1);
        assertThat(mailsTo(upcoming, MailKind.PANEL_INVITATION, address)).hasSize(1);
    }

    private List<MimeMessage> sendAll() throws Exception {
        return ReceivedMail.deliverDue(smtp, sender, clock);
    }
}
