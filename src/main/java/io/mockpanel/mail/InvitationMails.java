package io.mockpanel.mail;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import io.mockpanel.base.PublicUrl;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.HexFormat;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Writes invitations, reminders and cancellations: a plain text and an HTML body saying the same
 * (title, the time in the recipient's zone with the zone named, what to expect, the links), and
 * for invitations and cancellations a calendar object ({@link CalendarInvites}). Everything
 * anyone typed is escaped in the HTML and cleaned in the subject.
 */
@Component
public class InvitationMails {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);

    private final CalendarInvites calendar;
    private final MailProperties properties;

    InvitationMails(PublicUrl publicUrl, Clock clock, MailProperties properties) {
        this.calendar = new CalendarInvites(URI.create(publicUrl.base()).getHost(), clock);
        this.properties = properties;
    }

    /** The invitation, or, when {@link Invitation#cancelled()}, the cancellation. */
    public OutgoingMail invitation(Invitation invitation) {
        if (invitation.cancelled()) {
            return cancellation(invitation);
        }
        return invitation(invitation, invitation.sequence() > 0);
    }

    /**
     * A first invitation for someone who joins the invited after the session's details changed (an
     * account that got its address late, decision 0045): worded as an invitation, not an update,
     * though its calendar SEQUENCE is the session's current one, so that later updates replace it.
     */
    public OutgoingMail lateInvitation(Invitation invitation) {
        if (invitation.cancelled()) {
            throw new IllegalArgumentException("Nobody is invited late to a cancelled session.");
        }
        return invitation(invitation, false);
    }

    private OutgoingMail invitation(Invitation invitation, boolean update) {
        boolean candidate = invitation.audience() == Invitation.Audience.CANDIDATE;
        MailKind kind = candidate ? MailKind.INVITATION : MailKind.PANEL_INVITATION;
        String prefix = update ? "Updated invitation: " : "Invitation: ";
        String subject = prefix + invitation.title() + " — " + shortWhen(invitation);
        Body body = new Body();
        body.greet(invitation.recipient());
        body.paragraph(candidate
                ? "You are invited to a mock interview panel: " + invitation.title() + "."
                : "You are on the panel of " + invitation.title() + ".");
        if (update) {
            body.paragraph("The details changed: this invitation replaces the earlier one, and your calendar "
                    + "entry moves with it.");
        }
        body.when(when(invitation), invitation.length());
        body.heading("What to expect");
        body.paragraph(candidate
                ? "A panel of interviewers takes you through a few leadership scenarios, as in a real interview: "
                        + "they ask, you answer and think aloud, they take notes. Nothing to install: the link below "
                        + "opens your room in the browser, where you can wait a few minutes before the start."
                : "Open the console a few minutes early to see the agenda; sign in with your mockpanel account. "
                        + "The candidate gets their own link.");
        body.joinLink(candidate, invitation.joinLink());
        if (candidate && invitation.joinLink() != null) {
            body.paragraph("This link is yours alone: please do not forward it. If you get a newer invitation, "
                    + "only its link works.");
        }
        if (invitation.meetingLink() != null) {
            body.link("Open the call", invitation.meetingLink());
            body.paragraph("The panel talks with you over this call; keep the room open beside it.");
        }
        body.organiser(invitation.organiser());
        return new OutgoingMail(invitation.sessionId(), kind, invitation.recipient(), subject, body.text(),
                body.html(subject), calendar.request(invitation), dedupeKey(invitation, kind), null,
                invitation.requestedBy());
    }

    /** The reminder, to be sent {@code mockpanel.mail.reminder-before} before the start. */
    public OutgoingMail reminder(Invitation invitation) {
        boolean candidate = invitation.audience() == Invitation.Audience.CANDIDATE;
        ZonedDateTime start = invitation.start().atZone(invitation.zone());
        String subject = "Reminder: " + invitation.title() + " starts at " + TIME.format(start) + " "
                + zoneName(start);
        Body body = new Body();
        body.greet(invitation.recipient());
        body.paragraph(invitation.title() + " starts soon.");
        body.when(when(invitation), invitation.length());
        body.joinLink(candidate, invitation.joinLink());
        if (invitation.meetingLink() != null) {
            body.link("Open the call", invitation.meetingLink());
        }
        body.organiser(invitation.organiser());
        return new OutgoingMail(invitation.sessionId(), MailKind.REMINDER, invitation.recipient(), subject,
                body.text(), body.html(subject), null, dedupeKey(invitation, MailKind.REMINDER),
                invitation.start().minus(properties.reminderBefore()), invitation.requestedBy());
    }

    private OutgoingMail cancellation(Invitation invitation) {
        String subject = "Cancelled: " + invitation.title() + " — " + shortWhen(invitation);
        Body body = new Body();
        body.greet(invitation.recipient());
        body.paragraph(invitation.title() + " is cancelled; it will not take place at the time below. "
                + "The attached update removes it from your calendar.");
        body.when(when(invitation), invitation.length());
        body.organiser(invitation.organiser());
        return new OutgoingMail(invitation.sessionId(), MailKind.CANCELLATION, invitation.recipient(), subject,
                body.text(), body.html(subject), calendar.cancel(invitation),
                dedupeKey(invitation, MailKind.CANCELLATION), null, invitation.requestedBy());
    }

    /**
     * The organiser of a session's invitations: this app's sender address with the lead's name
     * (accounts have no e-mail address of their own), so that a reply reaches a real mailbox.
     */
    public MailAddress organiser(String leadName) {
        return MailAddress.of(properties.from(), leadName.isBlank() ? properties.fromName() : leadName);
    }

    /** The calendar object alone (REQUEST, or CANCEL when cancelled). */
    String calendarOf(Invitation invitation) {
        return invitation.cancelled() ? calendar.cancel(invitation) : calendar.request(invitation);
    }

    /**
     * One mail per session, kind, sequence, recipient, time and links: a double click queues it
     * once, a reissued link (a new link) is sent again. Hashed, so no link is kept in the key.
     */
    static String dedupeKey(Invitation invitation, MailKind kind) {
        String content = invitation.recipient().address() + '\n' + invitation.joinLink() + '\n'
                + invitation.meetingLink() + '\n' + invitation.start() + '\n' + invitation.length();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return "session-" + invitation.sessionId() + ":" + kind + ":" + invitation.sequence() + ":"
                    + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** "Wednesday 2 December 2026, 15:00–16:00 Central European Time (Europe/Berlin, UTC+01:00)". */
    static String when(Invitation invitation) {
        ZonedDateTime start = invitation.start().atZone(invitation.zone());
        ZonedDateTime end = invitation.end().atZone(invitation.zone());
        String until = end.toLocalDate().equals(start.toLocalDate())
                ? TIME.format(end) : DAY.format(end) + ", " + TIME.format(end);
        return DAY.format(start) + ", " + TIME.format(start) + "–" + until + " " + zoneName(start);
    }

    private static String shortWhen(Invitation invitation) {
        ZonedDateTime start = invitation.start().atZone(invitation.zone());
        return SHORT.format(start) + " " + zoneName(start);
    }

    private static String zoneName(ZonedDateTime time) {
        String offset = time.getOffset().equals(ZoneOffset.UTC) ? "UTC" : "UTC" + time.getOffset().getId();
        if (time.getZone() instanceof ZoneOffset) {
            return offset;
        }
        return time.getZone().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " (" + time.getZone().getId() + ", "
                + offset + ")";
    }

    /** The two bodies, written side by side so that they always say the same. */
    private static final class Body {

        private final StringBuilder text = new StringBuilder();
        private final StringBuilder html = new StringBuilder();

        void greet(MailAddress recipient) {
            String greeting = recipient.name().isEmpty() ? "Hello," : "Hello " + recipient.name() + ",";
            paragraph(greeting);
        }

        void paragraph(String line) {
            text.append(line).append("\n\n");
            html.append("<p style=\"margin:0 0 16px\">").append(htmlEscape(line)).append("</p>\n");
        }

        void heading(String line) {
            text.append(line).append('\n').append("-".repeat(line.length())).append('\n');
            html.append("<h2 style=\"font-size:16px;margin:24px 0 8px\">").append(htmlEscape(line)).append("</h2>\n");
        }

        void when(String when, Duration length) {
            String minutes = length.toMinutes() + " min";
            text.append("When: ").append(when).append('\n').append("Length: ").append(minutes).append("\n\n");
            html.append("<p style=\"margin:0 0 16px\"><strong>When:</strong> ").append(htmlEscape(when))
                    .append("<br><strong>Length:</strong> ").append(minutes).append("</p>\n");
        }

        void link(String label, URI link) {
            String href = link.toASCIIString();
            text.append(label).append(": ").append(href).append("\n\n");
            html.append("<p style=\"margin:0 0 16px\"><a href=\"").append(htmlEscape(href))
                    .append("\" rel=\"noopener noreferrer\" style=\"display:inline-block;padding:10px 16px;"
                            + "background:#1a56db;color:#ffffff;border-radius:6px;text-decoration:none\">")
                    .append(htmlEscape(label)).append("</a><br><span style=\"font-size:12px;color:#555\">")
                    .append(htmlEscape(href)).append("</span></p>\n");
        }

        /** The join (or console) link; without one, where to find the link the recipient already has. */
        void joinLink(boolean candidate, @Nullable URI link) {
            if (link != null) {
                link(candidate ? "Join the panel" : "Open the console", link);
            } else {
                paragraph(candidate
                        ? "Join with the link from your invitation: it still works. Only a newer link replaces it."
                        : "Open the console from mockpanel, signed in with your account.");
            }
        }

        void organiser(MailAddress organiser) {
            String who = organiser.name().isEmpty() ? organiser.address()
                    : organiser.name() + " <" + organiser.address() + ">";
            paragraph("Organised by " + who + ". Reply to them with any question.");
        }

        String text() {
            return text.toString().stripTrailing() + "\n";
        }

        String html(String subject) {
            return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"UTF-8\"><title>" + htmlEscape(subject)
                    + "</title></head>\n<body style=\"font-family:Arial,Helvetica,sans-serif;font-size:15px;"
                    + "line-height:1.5;color:#1f2937;max-width:600px;margin:0 auto;padding:24px\">\n" + html
                    + "</body></html>\n";
        }
    }
}
