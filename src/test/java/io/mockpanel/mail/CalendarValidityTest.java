package io.mockpanel.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockpanel.support.IntegrationTest;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every kind of calendar object the app writes passes ical4j's RFC 5545 and iTIP (RFC 5546)
 * validators after a round trip through text, as a calendar app reads it: invitations to the
 * candidate (with and without their link) and to the panel, with and without a call, updates and
 * cancellations.
 */
@IntegrationTest
class CalendarValidityTest {

    private static final Instant START = Instant.parse("2031-03-12T14:00:00Z");

    @Autowired
    InvitationMails mails;

    private static Invitation invitation(Invitation.Audience audience, @Nullable URI link, @Nullable URI call,
            String organiserName) {
        return new Invitation(42, audience, "Director panel; \"quotes\", commas, and a long title that folds "
                + "over the 75-octet line limit of iCalendar — with ünïcödé", START, Duration.ofMinutes(90),
                ZoneId.of("Europe/Berlin"), link, call, MailAddress.of("alex@example.org", "Alex, the \"Candidate\""),
                MailAddress.of("mockpanel@localhost.localdomain", organiserName), 0, false, null);
    }

    private List<Invitation> everyShape() {
        URI join = URI.create("https://panel.example.org/join/SECRET");
        URI console = URI.create("https://panel.example.org/sessions/42");
        URI call = URI.create("https://meet.google.com/abc-defg-hij?pwd=1&x=2");
        List<Invitation> shapes = new ArrayList<>();
        for (Invitation base : List.of(invitation(Invitation.Audience.CANDIDATE, join, call, "Lee Lead"),
                invitation(Invitation.Audience.CANDIDATE, null, null, ""),
                invitation(Invitation.Audience.PANEL, console, call, "Lee Lead"),
                invitation(Invitation.Audience.PANEL, console, null, "Lee: Lead; Panel"))) {
            shapes.add(base);
            shapes.add(base.rescheduled(START.plus(Duration.ofDays(1)), Duration.ofMinutes(60)));
            shapes.add(base.cancel());
        }
        return shapes;
    }

    @Test
    void every_calendar_object_the_app_writes_is_valid_for_a_calendar_app() throws Exception {
        for (Invitation invitation : everyShape()) {
            String text = mails.calendarOf(invitation);
            Calendar parsed = new CalendarBuilder().build(new StringReader(text));

            assertThat(CalendarValidity.problems(parsed)).as(text).isEmpty();
            assertThat(parsed.getComponents("VEVENT").get(0).getProperties("DTSTAMP")).as(text).hasSize(1);
            assertThat(text.split("\r\n")).as("lines folded at 75 octets, CRLF-separated: " + text)
                    .allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length)
                            .isLessThanOrEqualTo(75));
        }
    }
}
