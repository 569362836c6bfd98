package io.mockpanel.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

/**
 * Turns an outbox row into a MIME message the way calendar apps expect an invitation: text and
 * HTML as alternatives, the calendar object as a third alternative (Outlook and Gmail show their
 * accept buttons from it) and again as an {@code invite.ics} attachment (for everything else),
 * both {@code text/calendar; method=...; charset=UTF-8}.
 */
final class MimeMessages {

    private MimeMessages() {
    }

    static void fill(MimeMessage message, OutboxRow row, MailAddress from, Instant now)
            throws MessagingException, UnsupportedEncodingException {
        // Checked again here: the row came from the database, and a header is no place for surprises.
        MailAddress to = new MailAddress(row.recipientAddress(), row.recipientName());
        message.setFrom(new InternetAddress(from.address(), from.name(), "UTF-8"));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to.address(), to.name(), "UTF-8"));
        message.setSubject(HeaderText.clean(row.subject(), OutgoingMail.MAX_SUBJECT), "UTF-8");
        message.setSentDate(Date.from(now));
        // The same id on every attempt, so that a mail sent twice (at-least-once) can be recognised.
        message.setHeader("Message-ID", "<mail-" + row.id() + "." + Integer.toHexString(row.dedupeKey().hashCode())
                + "@" + from.address().substring(from.address().lastIndexOf('@') + 1) + ">");

        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(row.text(), "UTF-8", "plain");
        alternative.addBodyPart(text);
        MimeBodyPart html = new MimeBodyPart();
        html.setText(row.html(), "UTF-8", "html");
        alternative.addBodyPart(html);
        if (row.ics() == null) {
            message.setContent(alternative);
            return;
        }
        String type = calendarType(row.kind());
        alternative.addBodyPart(calendarPart(row.ics(), type));
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);
        MimeBodyPart attachment = calendarPart(row.ics(), type + "; name=invite.ics");
        attachment.setDisposition(Part.ATTACHMENT);
        attachment.setFileName("invite.ics");
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(body);
        mixed.addBodyPart(attachment);
        message.setContent(mixed);
    }

    static String calendarType(MailKind kind) {
        return "text/calendar; method=" + (kind == MailKind.CANCELLATION ? "CANCEL" : "REQUEST") + "; charset=UTF-8";
    }

    private static MimeBodyPart calendarPart(String ics, String contentType) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(ics.getBytes(StandardCharsets.UTF_8), contentType)));
        part.setHeader("Content-Type", contentType);
        return part;
    }
}
