package io.mockpanel.mail;

import static io.mockpanel.mail.ReceivedMail.event;
import static io.mockpanel.mail.ReceivedMail.parts;
import static io.mockpanel.mail.ReceivedMail.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Invitations as a recipient gets them: delivered by a real SMTP server (GreenMail), read back and
 * their calendar object parsed with ical4j, as a calendar app would.
 */
@IntegrationTest
class InvitationMailTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final URI JOIN = URI.create("https://panel.example.org/join/SECRET-TOKEN-abc");
    private static final URI CALL = URI.create("https://meet.example.com/abc-defg-hij");

    @Autowired
    InvitationMails mails;

    @Autowired
    MailOutbox outbox;

    @Autowired
    OutboxSender sender;

    @Autowired
    MailProperties properties;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestPanel testPanel;

    private final MutableClock clock = new MutableClock(Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS));
    private long sessionId;
    private Instant start;

    @BeforeEach
    void setUp() {
        jdbc.sql("delete from mail_outbox").update();
        sessionId = testPanel.scheduled().sessionId();
        TestUsers.signIn("someone-" + UUID.randomUUID(), "INTERVIEWER");
        start = ZonedDateTime.of(2031, 3, 12, 15, 0, 0, 0, ZoneId.of("Europe/Berlin")).toInstant();
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private Invitation invitation(Invitation.Audience audience, String name, String title) {
        return new Invitation(sessionId, audience, title, start, Duration.ofMinutes(90), ZoneId.of("Europe/Berlin"),
                JOIN, CALL, MailAddress.of("alex@example.org", name), MailAddress.of("lead@example.org", "Lee Lead"),
                0, false, null);
    }

    private MimeMessage deliver(OutgoingMail mail) {
        int before = smtp.getReceivedMessages().length;
        outbox.enqueue(mail).orElseThrow();
        JavaMailSenderImpl mailSender = new JavaMailSenderImpl();
        mailSender.setHost("127.0.0.1");
        mailSender.setPort(smtp.getSmtp().getPort());
        clock.catchUp();
        assertThat(sender.sendDue(mailSender, clock)).isEqualTo(1);
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(before + 1);
        return received[before];
    }

    @Test
    void the_candidate_gets_text_html_and_a_calendar_request_with_the_time_in_their_zone() throws Exception {
        MimeMessage message = deliver(mails.invitation(invitation(Invitation.Audience.CANDIDATE, "Alex Rivera",
                "VP Engineering mock panel")));

        assertThat(message.getSubject()).isEqualTo(
                "Invitation: VP Engineering mock panel — Wed 12 Mar, 15:00 Central European Time (Europe/Berlin, UTC+01:00)");
        String text = part(message, "text/plain");
        assertThat(text).contains("Hello Alex Rivera,",
                "When: Wednesday 12 March 2031, 15:00–16:30 Central European Time (Europe/Berlin, UTC+01:00)",
                "Length: 90 min", "Join the panel: " + JOIN, "Open the call: " + CALL, "yours alone",
                "Lee Lead <lead@example.org>");
        String html = part(message, "text/html");
        assertThat(html).contains("href=\"" + JOIN + "\"", "rel=\"noopener noreferrer\"", "Wednesday 12 March 2031");

        List<Part> calendars = parts(message, "text/calendar");
        assertThat(calendars).hasSize(2);
        assertThat(calendars).allSatisfy(part -> assertThat(part.getContentType())
                .contains("method=REQUEST").containsIgnoringCase("charset=UTF-8"));
        assertThat(calendars).anySatisfy(part -> {
            assertThat(part.getDisposition()).isEqualTo(Part.ATTACHMENT);
            assertThat(part.getFileName()).isEqualTo("invite.ics");
        });
        Calendar calendar = parse(calendars.get(0));
        VEvent event = event(calendar);
        assertThat(value(calendar, Property.METHOD)).isEqualTo("REQUEST");
        assertThat(value(event, Property.UID)).isEqualTo("session-" + sessionId + "@localhost");
        assertThat(value(event, Property.SEQUENCE)).isEqualTo("0");
        assertThat(value(event, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(start(event)).isEqualTo(start);
        assertThat(value(event, Property.DTEND)).isEqualTo("20310312T153000Z");
        assertThat(value(event, Property.ORGANIZER)).isEqualToIgnoringCase("mailto:lead@example.org");
        assertThat(value(event, Property.ATTENDEE)).isEqualToIgnoringCase("mailto:alex@example.org");
        assertThat(value(event, Property.LOCATION)).isEqualTo(CALL.toString());
    }

    @Test
    void a_reschedule_updates_the_same_calendar_entry_and_a_cancellation_removes_it() throws Exception {
        Invitation first = invitation(Invitation.Audience.CANDIDATE, "Alex", "Director panel");
        Invitation moved = first.rescheduled(start.plus(Duration.ofDays(1)), Duration.ofMinutes(60));
        Invitation cancelled = moved.cancel();

        VEvent original = event(parse(parts(deliver(mails.invitation(first)), "text/calendar").get(0)));
        MimeMessage update = deliver(mails.invitation(moved));
        VEvent rescheduled = event(parse(parts(update, "text/calendar").get(0)));
        MimeMessage cancellation = deliver(mails.invitation(cancelled));
        Calendar cancel = parse(parts(cancellation, "text/calendar").get(0));

        assertThat(update.getSubject()).startsWith("Updated invitation: Director panel");
        assertThat(value(rescheduled, Property.UID)).isEqualTo(value(original, Property.UID));
        assertThat(value(rescheduled, Property.SEQUENCE)).isEqualTo("1");
        assertThat(start(rescheduled)).isEqualTo(start.plus(Duration.ofDays(1)));

        assertThat(cancellation.getSubject()).startsWith("Cancelled: Director panel");
        assertThat(parts(cancellation, "text/calendar"))
                .allSatisfy(part -> assertThat(part.getContentType()).contains("method=CANCEL"));
        assertThat(part(cancellation, "text/plain")).doesNotContain(JOIN.toString());
        assertThat(value(cancel, Property.METHOD)).isEqualTo("CANCEL");
        assertThat(value(event(cancel), Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(value(event(cancel), Property.UID)).isEqualTo(value(original, Property.UID));
        assertThat(value(event(cancel), Property.SEQUENCE)).isEqualTo("2");
        assertThat(outbox.statesOf(sessionId)).extracting(MailStatus::kind).containsExactly(MailKind.INVITATION,
                MailKind.INVITATION, MailKind.CANCELLATION);
    }

    @Test
    void the_panel_gets_the_console_link_and_never_anything_of_the_candidate() throws Exception {
        URI console = URI.create("https://panel.example.org/sessions/" + sessionId + "/console");
        Invitation panelist = new Invitation(sessionId, Invitation.Audience.PANEL, "Director panel", start,
                Duration.ofMinutes(60), ZoneId.of("America/New_York"), console, null,
                MailAddress.of("pat@example.org", "Pat"), MailAddress.of("lead@example.org", "Lee"), 0, false, "lead");

        MimeMessage message = deliver(mails.invitation(panelist));

        assertThat(message.getSubject()).startsWith("Invitation: Director panel — Wed 12 Mar, 10:00 Eastern Time");
        assertThat(part(message, "text/plain")).contains("Open the console: " + console, "(America/New_York, UTC-04:00)")
                .doesNotContain("Open the call", "yours alone");
        assertThat(outbox.statesOf(sessionId)).extracting(MailStatus::kind).containsExactly(MailKind.PANEL_INVITATION);
    }

    @Test
    void a_reminder_waits_until_an_hour_before_the_start() throws Exception {
        clock.advance(Duration.between(clock.instant(), start.minus(Duration.ofHours(3))));
        OutgoingMail reminder = mails.reminder(invitation(Invitation.Audience.CANDIDATE, "Alex", "Director panel"));
        assertThat(reminder.sendAt()).isEqualTo(start.minus(properties.reminderBefore()));
        long id = outbox.enqueue(reminder).orElseThrow();

        JavaMailSenderImpl mailSender = new JavaMailSenderImpl();
        mailSender.setHost("127.0.0.1");
        mailSender.setPort(smtp.getSmtp().getPort());
        assertThat(sender.sendDue(mailSender, clock)).isZero();
        clock.advance(Duration.ofHours(2));
        assertThat(sender.sendDue(mailSender, clock)).isEqualTo(1);

        MimeMessage message = smtp.getReceivedMessages()[0];
        assertThat(message.getSubject()).isEqualTo(
                "Reminder: Director panel starts at 15:00 Central European Time (Europe/Berlin, UTC+01:00)");
        assertThat(parts(message, "text/calendar")).isEmpty();
        assertThat(outbox.status(id).orElseThrow().state()).isEqualTo(MailState.SENT);
    }

    @Test
    void a_name_with_a_line_break_cannot_add_a_header_and_markup_is_escaped() throws Exception {
        Invitation invitation = invitation(Invitation.Audience.CANDIDATE, "Eve\r\nBcc: x@y.org",
                "<script>alert(1)</script>\r\nBcc: x@y.org");

        MimeMessage message = deliver(mails.invitation(invitation));

        assertThat(message.getHeader("Bcc")).isNull();
        assertThat(message.getHeader("Cc")).isNull();
        assertThat(message.getAllRecipients()).hasSize(1);
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("\"Eve Bcc: x@y.org\" <alex@example.org>");
        // An injected Bcc would have been a second delivery, into a mailbox of its own.
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(smtp.getUserManager().getUserByEmail("x@y.org")).isNull();
        assertThat(message.getSubject()).startsWith("Invitation: <script>alert(1)</script> Bcc: x@y.org —")
                .doesNotContain("\r", "\n");
        String raw = GreenMailUtil.getWholeMessage(message);
        assertThat(raw.lines().filter(line -> line.startsWith("Bcc:"))).isEmpty();
        String html = part(message, "text/html");
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html).contains("Hello Eve Bcc: x@y.org,");
    }

    @Test
    void links_other_than_web_addresses_are_refused() {
        assertThatThrownBy(() -> new Invitation(sessionId, Invitation.Audience.CANDIDATE, "t", start,
                Duration.ofMinutes(60), ZoneId.of("UTC"), URI.create("javascript:alert(1)"), null,
                MailAddress.of("a@example.org", ""), MailAddress.of("b@example.org", ""), 0, false, null))
                .hasMessageContaining("http or https");
        assertThatThrownBy(() -> new Invitation(sessionId, Invitation.Audience.CANDIDATE, "t", start,
                Duration.ofMinutes(60), ZoneId.of("UTC"), JOIN, URI.create("data:text/html,x"),
                MailAddress.of("a@example.org", ""), MailAddress.of("b@example.org", ""), 0, false, null))
                .hasMessageContaining("meeting link");
    }

    @Test
    void a_double_click_queues_an_invitation_once_but_a_new_link_is_sent_again() {
        Invitation invitation = invitation(Invitation.Audience.CANDIDATE, "Alex", "Director panel");
        Invitation reissued = new Invitation(sessionId, Invitation.Audience.CANDIDATE, "Director panel", start,
                Duration.ofMinutes(90), ZoneId.of("Europe/Berlin"), URI.create("https://panel.example.org/join/NEW"),
                CALL, invitation.recipient(), invitation.organiser(), 0, false, null);

        assertThat(outbox.enqueue(mails.invitation(invitation))).isPresent();
        assertThat(outbox.enqueue(mails.invitation(invitation))).isEmpty();
        assertThat(outbox.enqueue(mails.invitation(reissued))).isPresent();
        assertThat(mails.invitation(invitation).dedupeKey()).doesNotContain("SECRET");
    }

    private static Calendar parse(Part part) throws Exception {
        try (InputStream in = part.getInputStream()) {
            return new CalendarBuilder().build(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    private static Instant start(VEvent event) {
        DtStart<?> dtStart = event.getStartDate().orElseThrow();
        return Instant.from(dtStart.getDate());
    }

    private static String part(MimeMessage message, String type) throws Exception {
        List<Part> found = parts(message, type);
        assertThat(found).as(type).hasSize(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = found.get(0).getInputStream()) {
            in.transferTo(out);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
