package io.mockpanel.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyContainer;
import net.fortuna.ical4j.model.component.VEvent;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Delivering the due mails to a test's SMTP server, and reading a delivered mail as its recipient's
 * programs do: its recipient, its parts by type, its text, its calendar and event.
 */
public final class ReceivedMail {

    private ReceivedMail() {
    }

    /** Every leaf part of this type, depth first. */
    public static List<Part> parts(Part part, String type) throws Exception {
        List<Part> found = new ArrayList<>();
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                found.addAll(parts(child, type));
            }
        } else if (part.isMimeType(type)) {
            found.add(part);
        }
        return found;
    }

    /** The calendar's one event. */
    public static VEvent event(Calendar calendar) {
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    /** A property's value, failing the test when it is missing. */
    public static String value(PropertyContainer container, String name) {
        return container.getProperty(name).map(Property::getValue).orElseThrow(() -> new AssertionError("no " + name));
    }

    /**
     * Sends what is due now to the test's GreenMail server and returns what it delivered (GreenMail
     * lists by mailbox, not by arrival: so emptied first).
     */
    static List<MimeMessage> deliverDue(GreenMailExtension smtp, OutboxSender sender, MutableClock clock)
            throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        JavaMailSenderImpl mailSender = new JavaMailSenderImpl();
        mailSender.setHost("127.0.0.1");
        mailSender.setPort(smtp.getSmtp().getPort());
        clock.catchUp();
        sender.sendDue(mailSender, clock);
        return List.of(smtp.getReceivedMessages());
    }

    /** The first recipient's address. */
    public static String to(MimeMessage message) {
        try {
            return ((InternetAddress) message.getAllRecipients()[0]).getAddress();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain text part. */
    public static String text(Part message) throws Exception {
        try (InputStream in = parts(message, "text/plain").get(0).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The attached calendar, parsed as a calendar app does. */
    public static Calendar calendar(Part message) throws Exception {
        try (InputStream in = parts(message, "text/calendar").get(0).getInputStream()) {
            return new CalendarBuilder().build(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }
}
