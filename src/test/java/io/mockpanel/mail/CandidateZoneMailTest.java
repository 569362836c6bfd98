package io.mockpanel.mail;

import static io.mockpanel.mail.ReceivedMail.parts;
import static io.mockpanel.mail.ReceivedMail.to;
import static io.mockpanel.mail.ReceivedMail.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import io.mockpanel.panel.CandidatePrincipal;
import io.mockpanel.panel.CandidateRoomService;
import io.mockpanel.panel.InviteService;
import io.mockpanel.panel.IssuedInvite;
import io.mockpanel.panel.NewSchedule;
import io.mockpanel.panel.SessionScheduling;
import io.mockpanel.support.KaribuTest;
import io.mockpanel.support.KaribuUi;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The candidate's own zone (decision 0045): their room records what their browser names, and later
 * mails to them give the time in it; the panel's keep the session's zone; a bad id changes nothing.
 */
class CandidateZoneMailTest extends KaribuTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Autowired
    InviteService invites;

    @Autowired
    SessionScheduling scheduling;

    @Autowired
    CandidateRoomService room;

    @Autowired
    OutboxSender sender;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestPanel testPanel;

    private final MutableClock clock = new MutableClock(Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS));
    private TestPanel.Panel panel;
    private final LocalDate day = LocalDate.now(BERLIN).plusDays(2);

    @BeforeEach
    void scheduledWithAnInvitedCandidate() {
        jdbc.sql("delete from mail_outbox").update();
        panel = testPanel.scheduled();
        jdbc.sql("update panel_session set candidate_email = 'casey@example.org' where id = ?")
                .param(panel.sessionId()).update();
        TestUsers.as(panel.lead(), "INTERVIEWER", () -> scheduling.reschedule(panel.sessionId(),
                new NewSchedule(LocalDateTime.of(day, LocalTime.of(15, 0)), "Europe/Berlin", 60)));
    }

    private CandidatePrincipal joinedCandidate() {
        IssuedInvite invite = TestUsers.as(panel.lead(), "INTERVIEWER", () -> invites.issue(panel.sessionId(), true));
        return invites.join(invite.token(), InviteService.newBrowserKey(), "Casey", "10.78.1.2");
    }

    private String recordedZone() {
        return jdbc.sql("select candidate_zone from panel_session where id = ?").param(panel.sessionId())
                .query(String.class).optional().orElse(null);
    }

    @Test
    void a_candidate_in_tokyo_opens_the_room_and_the_update_after_a_reschedule_is_in_tokyo_time() throws Exception {
        CandidatePrincipal candidate = joinedCandidate();
        sendAll();
        KaribuUi.signInCandidate(candidate);
        ExtendedClientDetails.updateFromValues(UI.getCurrent(),
                Map.of("v-sw", "390", "v-sh", "844", "v-tzid", TOKYO.getId())::get);
        UI.getCurrent().navigate("room");
        assertThat(recordedZone()).isEqualTo("Asia/Tokyo");
        TestUsers.signOut();

        TestUsers.as(panel.lead(), "INTERVIEWER", () -> scheduling.reschedule(panel.sessionId(),
                new NewSchedule(LocalDateTime.of(day, LocalTime.of(17, 0)), "Europe/Berlin", 60)));

        MimeMessage update = sendAll().stream().filter(m -> to(m).equals("casey@example.org")).findFirst()
                .orElseThrow();
        ZonedDateTime inTokyo = ZonedDateTime.of(day, LocalTime.of(17, 0), BERLIN).withZoneSameInstant(TOKYO);
        String tokyoTime = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm", Locale.ENGLISH).format(inTokyo);
        String zoneNamed = TOKYO.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " (Asia/Tokyo, UTC+09:00)";
        assertThat(update.getSubject()).startsWith("Updated invitation: ")
                .endsWith(DateTimeFormatter.ofPattern("HH:mm").format(inTokyo) + " " + zoneNamed);
        assertThat(text(update)).contains("When: " + tokyoTime + "–").contains(zoneNamed)
                .doesNotContain("Europe/Berlin");
    }

    @Test
    void an_unknown_zone_or_an_offset_is_ignored_and_a_new_zone_replaces_the_old() {
        KaribuUi.signInCandidate(joinedCandidate());

        room.rememberZone("Asia/Tokyo");
        room.rememberZone("Mars/Olympus_Mons");
        room.rememberZone("+09:00");
        room.rememberZone("GMT+9");
        room.rememberZone("");
        room.rememberZone(null);
        assertThat(recordedZone()).isEqualTo("Asia/Tokyo");

        room.rememberZone("America/Sao_Paulo");
        assertThat(recordedZone()).isEqualTo("America/Sao_Paulo");
    }

    private List<MimeMessage> sendAll() throws Exception {
        return ReceivedMail.deliverDue(smtp, sender, clock);
    }
}
