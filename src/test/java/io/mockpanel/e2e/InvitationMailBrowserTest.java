package io.mockpanel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import io.mockpanel.mail.OutboxDriver;
import io.mockpanel.mail.ReceivedMail;
import io.mockpanel.support.Chromium;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.PanelPages;
import io.mockpanel.support.TestPanel;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 10 end to end in Chromium: the lead creates a scheduled session with the candidate's
 * address and issues the link by e-mail; the mail arrives at a real SMTP server (GreenMail); the
 * candidate opens the join link from the mail in a browser of their own and is in the waiting
 * room; the lead's console shows the mail as sent without a click (decision 0041). The calendar
 * attachment is a REQUEST for the session's UID. Screenshots of the invite card in target/screenshots.
 */
@IntegrationTest
class InvitationMailBrowserTest {

    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final Pattern JOIN_LINK = Pattern.compile("https?://[^\\s\"<>]+/join/[A-Za-z0-9_-]{43}");

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @LocalServerPort
    int port;

    @Autowired
    TestPanel testPanel;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    private String base() {
        return "http://localhost:" + port + "/";
    }

    private Page lead(String username, int width, int height) {
        Page page = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(width, height)
                .setTimezoneId("Europe/Berlin").setLocale("en-US")).newPage();
        PanelPages.signIn(page, base(), username, TestPanel.PASSWORD);
        return page;
    }

    @Test
    void the_candidate_joins_with_the_link_from_the_delivered_mail_and_the_console_shows_it_sent() throws Exception {
        jdbc.sql("delete from mail_outbox").update();
        TestPanel.Panel accounts = testPanel.scheduled();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String address = "casey." + suffix + "@example.org";
        Page console = lead(accounts.lead(), 1440, 900);

        console.navigate(base() + "sessions/new");
        console.waitForLoadState(LoadState.NETWORKIDLE);
        console.locator("vaadin-text-field").nth(0).locator("input").fill("Mailed panel " + suffix);
        console.locator("vaadin-text-field").nth(1).locator("input").fill("Casey Candidate");
        console.locator("vaadin-email-field input").fill(address);
        console.locator("#scenario-picker input").click();
        console.keyboard().type("Crisis");
        console.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("Crisis")).first().click();
        console.locator("#agenda-list").getByText("Crisis Management").waitFor();
        LocalDate day = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(2);
        console.locator("#schedule-start vaadin-date-picker input").fill(day.format(DateTimeFormatter.ofPattern("M/d/yyyy")));
        console.locator("#schedule-start vaadin-date-picker input").press("Enter");
        console.locator("#schedule-start vaadin-time-picker input").fill("3:00 PM");
        console.locator("#schedule-start vaadin-time-picker input").press("Enter");
        console.locator("#create-session").click();
        console.waitForURL(url -> url.matches(".*/sessions/\\d+$"));
        long sessionId = Long.parseLong(console.url().replaceAll(".*/sessions/(\\d+)$", "$1"));
        console.locator("#session-when").getByText("15:00").waitFor();

        console.locator("#invite-by-mail").click();
        console.locator("#issue-invite").click();
        console.locator(".invitation-mail[data-state='QUEUED']").first().waitFor();
        assertThat(console.locator(".invitation-mail").first().innerText()).startsWith("Invitation")
                .contains("Queued").contains("to Casey Candidate <" + address + ">");

        // The sending job's run, against the test's SMTP server; then the mail as the candidate gets it.
        assertThat(OutboxDriver.sendDue(context, smtp.getSmtp().getPort())).isEqualTo(1);
        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage mail = List.of(smtp.getReceivedMessages()).stream()
                .filter(m -> recipient(m).equals(address)).findFirst().orElseThrow();

        // The console shows it sent by itself: no click, no reload.
        console.locator(".invitation-mail[data-state='SENT']").first().waitFor();
        assertThat(console.locator(".invitation-mail").first().innerText()).contains("Sent ");
        assertThat(console.locator("#refresh-mails").count()).as("nothing left to refresh").isZero();
        shot(console, "invite-card-mails-1440x900");
        Page phone = lead(accounts.lead(), 390, 844);
        phone.navigate(base() + "sessions/" + sessionId);
        phone.locator("#workspace").waitFor();
        if (phone.locator("#tab-see").isVisible()) {
            phone.locator("#tab-see").click();
        }
        phone.locator(".invitation-mail[data-state='SENT']").first().waitFor();
        shot(phone, "invite-card-mails-390x844");

        String text = body(mail, "text/plain");
        String html = body(mail, "text/html");
        Matcher inText = JOIN_LINK.matcher(text);
        assertThat(inText.find()).as("the join link in the text part").isTrue();
        String link = inText.group();
        assertThat(html).as("and in the HTML part").contains(link);
        assertThat(link).startsWith(base());

        Calendar calendar = calendar(mail);
        assertThat(ReceivedMail.value(calendar, Property.METHOD)).isEqualTo("REQUEST");
        assertThat(ReceivedMail.value(ReceivedMail.event(calendar), Property.UID)).startsWith("session-" + sessionId + "@");

        Page candidate = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setTimezoneId("Europe/Berlin")).newPage();
        PanelPages.join(candidate, link);
        candidate.locator("#room-content").getByText("has not started yet").waitFor();
        assertThat(candidate.locator("#room-when").innerText()).contains("15:00");
        candidate.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("room-from-mail-390x844.png")));
    }

    private static void shot(Page page, String name) {
        page.waitForLoadState(LoadState.NETWORKIDLE);
        page.locator(".invite-card").screenshot(new Locator.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")));
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name.replace("invite-card", "console") + ".png")));
    }

    private static String recipient(MimeMessage message) {
        try {
            return ((InternetAddress) message.getAllRecipients()[0]).getAddress().toLowerCase(Locale.ROOT);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage message, String type) throws Exception {
        try (InputStream in = ReceivedMail.parts(message, type).get(0).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The attachment a calendar app imports: the part named invite.ics. */
    private static Calendar calendar(MimeMessage message) throws Exception {
        Part attachment = ReceivedMail.parts(message, "text/calendar").stream()
                .filter(part -> hasName(part, "invite.ics")).findFirst().orElseThrow();
        assertThat(attachment.getDisposition()).isEqualToIgnoringCase(Part.ATTACHMENT);
        try (InputStream in = attachment.getInputStream()) {
            return new CalendarBuilder().build(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    private static boolean hasName(Part part, String name) {
        try {
            return name.equals(part.getFileName());
        } catch (jakarta.mail.MessagingException e) {
            return false;
        }
    }
}
