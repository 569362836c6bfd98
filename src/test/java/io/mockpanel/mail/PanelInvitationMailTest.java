package io.mockpanel.mail;

import static io.mockpanel.mail.ReceivedMail.event;
import static io.mockpanel.mail.ReceivedMail.parts;
import static io.mockpanel.mail.ReceivedMail.to;
import static io.mockpanel.mail.ReceivedMail.calendar;
import static io.mockpanel.mail.ReceivedMail.value;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.mockpanel.panel.InviteService;
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
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The panel's own invitations (decision 0040), from the panel's services to a real SMTP server:
 * every member with an address gets the console link when the session first gets a start, an
 * update on a reschedule and a cancellation on cancel, and never anything of the candidate's.
 */
@IntegrationTest
class PanelInvitationMailTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Autowired
    PanelSessionService sessions;

    @Autowired
    SessionScheduling scheduling;

    @Autowired
    InviteService invites;

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
    private final String panelist = "pan-" + suffix;
    private final String silent = "quiet-" + suffix;
    private final String coach = "coach-" + suffix;
    private final String candidate = "casey." + suffix + "@example.org";

    @BeforeEach
    void accounts() {
        jdbc.sql("delete from mail_outbox").update();
        TestUsers.signIn("fixture-admin", "ADMIN");
        accounts.createAccount(new NewAccount(lead, "Lee Lead", AccountRole.INTERVIEWER, TestPanel.PASSWORD,
                address(lead)));
        accounts.createAccount(new NewAccount(panelist, "Pat Panelist", AccountRole.INTERVIEWER, TestPanel.PASSWORD,
                address(panelist)));
        accounts.createAccount(new NewAccount(silent, "Quinn Quiet", AccountRole.INTERVIEWER, TestPanel.PASSWORD));
        accounts.createAccount(new NewAccount(coach, "Cory Coach", AccountRole.COACH, TestPanel.PASSWORD,
                address(coach)));
        TestUsers.signIn(lead, "INTERVIEWER");
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private static String address(String username) {
        return username + "@example.org";
    }

    private long create(NewSchedule schedule) {
        List<Long> agenda = scenarios.search(ScenarioFilter.ALL).stream().limit(2).map(ScenarioSummary::id).toList();
        return sessions.create(new NewSession("Director panel " + suffix, "Casey Candidate", candidate, agenda,
                List.of(panelist, silent), List.of(coach), schedule, "https://meet.google.com/abc-defg-hij"));
    }

    static NewSchedule inTwoDaysAt(int hour) {
        return new NewSchedule(LocalDateTime.of(LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(2),
                LocalTime.of(hour, 0)), "Europe/Berlin", 60);
    }

    private List<MailStatus> mails(long sessionId, MailKind kind) {
        return outbox.statesOf(sessionId).stream().filter(mail -> mail.kind() == kind).toList();
    }

    private static String raw(MimeMessage message) throws Exception {
        var out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private String console(long sessionId) {
        return "/sessions/" + sessionId;
    }

    @Test
    void creating_a_scheduled_session_invites_every_member_with_an_address_with_the_console_link() throws Exception {
        long sessionId = create(inTwoDaysAt(15));

        assertThat(mails(sessionId, MailKind.PANEL_INVITATION)).extracting(MailStatus::recipientAddress)
                .as("lead first, the member without an address skipped")
                .containsExactly(address(lead), address(panelist), address(coach));
        assertThat(mails(sessionId, MailKind.REMINDER)).as("a reminder for each").extracting(MailStatus::recipientAddress)
                .containsExactlyInAnyOrder(address(lead), address(panelist), address(coach));
        assertThat(mails(sessionId, MailKind.INVITATION)).as("the candidate waits for their link").isEmpty();

        List<MimeMessage> sent = sendAll();
        assertThat(sent).hasSize(3);
        for (MimeMessage message : sent) {
            assertThat(message.getSubject()).startsWith("Invitation: Director panel " + suffix);
            assertThat(raw(message)).contains(console(sessionId)).doesNotContain("/join/");
            Calendar calendar = calendar(message);
            VEvent event = event(calendar);
            assertThat(value(calendar, Property.METHOD)).isEqualTo("REQUEST");
            assertThat(value(event, Property.SEQUENCE)).isEqualTo("0");
            assertThat(value(event, Property.ATTENDEE)).isEqualToIgnoringCase("mailto:" + to(message));
            assertThat(value(event, Property.URL)).endsWith(console(sessionId));
            assertThat(value(event, Property.LOCATION)).isEqualTo("https://meet.google.com/abc-defg-hij");
            assertThat(CalendarValidity.problems(calendar)).isEmpty();
        }
    }

    @Test
    void a_session_created_without_a_start_invites_the_panel_when_first_scheduled_and_a_rollback_queues_nothing() {
        long unscheduled = sessions.create(new NewSession("Later panel " + suffix, "Casey Candidate", null,
                scenarios.search(ScenarioFilter.ALL).stream().limit(1).map(ScenarioSummary::id).toList(),
                List.of(panelist), List.of(coach)));
        assertThat(outbox.statesOf(unscheduled)).isEmpty();

        new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
            scheduling.reschedule(unscheduled, inTwoDaysAt(10));
            tx.setRollbackOnly();
        });
        assertThat(outbox.statesOf(unscheduled)).as("rolled back with the change").isEmpty();

        scheduling.reschedule(unscheduled, inTwoDaysAt(10));
        assertThat(mails(unscheduled, MailKind.PANEL_INVITATION)).hasSize(3);
        scheduling.reschedule(unscheduled, inTwoDaysAt(11));
        assertThat(mails(unscheduled, MailKind.PANEL_INVITATION)).as("the second start is an update").hasSize(6);
        assertThat(mails(unscheduled, MailKind.REMINDER)).as("reminders moved, one per person").hasSize(3);
    }

    @Test
    void a_reschedule_updates_candidate_and_panel_and_a_cancel_cancels_for_all_never_mixing_their_mails()
            throws Exception {
        long sessionId = create(inTwoDaysAt(15));
        String token = invites.issue(sessionId, true).token();
        List<MimeMessage> first = sendAll();
        assertThat(first).hasSize(4);
        String uid = value(event(calendar(first.get(0))), Property.UID);
        assertThat(mails(sessionId, MailKind.REMINDER)).as("re-issuing kept the panel's reminders").hasSize(4);

        scheduling.reschedule(sessionId, inTwoDaysAt(17));

        List<MimeMessage> updates = sendAll();
        assertThat(updates).extracting(ReceivedMail::to).containsExactlyInAnyOrder(candidate,
                address(lead), address(panelist), address(coach));
        assertThat(mails(sessionId, MailKind.REMINDER)).extracting(MailStatus::recipientAddress)
                .containsExactlyInAnyOrder(candidate, address(lead), address(panelist), address(coach));
        for (MimeMessage update : updates) {
            VEvent event = event(calendar(update));
            assertThat(update.getSubject()).startsWith("Updated invitation: ");
            assertThat(value(event, Property.UID)).isEqualTo(uid);
            assertThat(value(event, Property.SEQUENCE)).isEqualTo("1");
            boolean forCandidate = to(update).equals(candidate);
            assertThat(raw(update).contains(console(sessionId))).as("console link only to the panel")
                    .isEqualTo(!forCandidate);
        }

        sessions.cancel(sessionId);

        List<MimeMessage> cancellations = sendAll();
        assertThat(cancellations).extracting(ReceivedMail::to).containsExactlyInAnyOrder(candidate,
                address(lead), address(panelist), address(coach));
        for (MimeMessage cancellation : cancellations) {
            Calendar calendar = calendar(cancellation);
            assertThat(value(calendar, Property.METHOD)).isEqualTo("CANCEL");
            assertThat(value(event(calendar), Property.UID)).isEqualTo(uid);
            assertThat(value(event(calendar), Property.SEQUENCE)).isEqualTo("2");
            assertThat(CalendarValidity.problems(calendar)).isEmpty();
        }
        assertThat(mails(sessionId, MailKind.REMINDER)).isEmpty();

        for (MimeMessage message : concat(first, updates, cancellations)) {
            if (raw(message).contains(token)) {
                assertThat(to(message)).as("the join token goes to the candidate alone").isEqualTo(candidate);
            }
            if (!to(message).equals(candidate)) {
                assertThat(raw(message)).doesNotContain(token).doesNotContain("/join/");
            }
        }
        assertThat(outbox.statesOf(sessionId)).filteredOn(mail -> mail.kind() == MailKind.INVITATION)
                .extracting(MailStatus::recipientAddress).containsOnly(candidate);
    }

    @Test
    void a_six_member_panel_can_be_moved_several_times_and_cancelled_within_the_rate_limits() {
        TestUsers.signIn("fixture-admin", "ADMIN");
        List<String> more = List.of("p2-" + suffix, "p3-" + suffix, "o2-" + suffix);
        for (String username : more) {
            accounts.createAccount(new NewAccount(username, "Extra " + username, username.startsWith("o")
                    ? AccountRole.COACH : AccountRole.INTERVIEWER, TestPanel.PASSWORD, address(username)));
        }
        TestUsers.signIn(lead, "INTERVIEWER");
        List<Long> agenda = scenarios.search(ScenarioFilter.ALL).stream().limit(1).map(ScenarioSummary::id).toList();
        long sessionId = sessions.create(new NewSession("Big panel " + suffix, "Casey Candidate", candidate, agenda,
                List.of(panelist, more.get(0), more.get(1)), List.of(coach, more.get(2)), inTwoDaysAt(9), null));
        assertThat(mails(sessionId, MailKind.PANEL_INVITATION)).hasSize(6);
        invites.issue(sessionId, true);

        for (int hour = 10; hour <= 14; hour++) {
            scheduling.reschedule(sessionId, inTwoDaysAt(hour));
        }
        sessions.cancel(sessionId);

        assertThat(mails(sessionId, MailKind.PANEL_INVITATION)).hasSize(6 * 6);
        assertThat(mails(sessionId, MailKind.CANCELLATION)).hasSize(7);
    }

    @SafeVarargs
    private static List<MimeMessage> concat(List<MimeMessage>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }

    private List<MimeMessage> sendAll() throws Exception {
        return ReceivedMail.deliverDue(smtp, sender, clock);
    }
}
