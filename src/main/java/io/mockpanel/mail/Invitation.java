package io.mockpanel.mail;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What an invitation (or its reminder or cancellation) says, in plain values: the feature that
 * owns the session fills it in, {@link InvitationMails} writes the mail.
 *
 * @param sessionId   the session; the calendar entry's UID is made from it, so every update of the
 *                    session replaces the same entry
 * @param audience    the candidate (their own join link) or a panel member (the console link)
 * @param title       the session's title
 * @param start       when it starts
 * @param length      how long it is planned to last
 * @param zone        the zone the recipient sees the time in (theirs when known, else the session's)
 * @param joinLink    the candidate's join link, or the console link for the panel; http(s) only. Null
 *                    in a candidate's update, reminder or cancellation written after the link was issued:
 *                    only its hash is kept, so the mail points to the link of the earlier invitation
 * @param meetingLink the video call, or null; http(s) only
 * @param recipient   who gets it
 * @param organiser   the lead, as the calendar entry's organiser
 * @param sequence    0 for the first invitation, higher after every reschedule (iCalendar SEQUENCE)
 * @param cancelled   the session was cancelled: the mail says so and the calendar entry is removed
 * @param requestedBy the account that asked for the mail (rate limited), or null when the app sends it
 */
public record Invitation(long sessionId, Audience audience, String title, Instant start, Duration length, ZoneId zone,
        @Nullable URI joinLink, @Nullable URI meetingLink, MailAddress recipient, MailAddress organiser, int sequence,
        boolean cancelled, @Nullable String requestedBy) {

    /** Who the invitation is for: it decides the link's meaning and the words around it. */
    public enum Audience {
        CANDIDATE, PANEL
    }

    public Invitation {
        title = HeaderText.clean(title, 200);
        if (title.isEmpty()) {
            throw new IllegalArgumentException("An invitation needs a title.");
        }
        if (length.isNegative() || length.isZero() || length.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("An invitation's length is between a minute and 24 hours.");
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("An invitation's sequence starts at 0.");
        }
        if (joinLink != null) {
            requireWebLink(joinLink, "join link");
        }
        if (meetingLink != null) {
            requireWebLink(meetingLink, "meeting link");
        }
    }

    /** The same invitation after a reschedule: a new time and the next sequence number. */
    public Invitation rescheduled(Instant newStart, Duration newLength) {
        return new Invitation(sessionId, audience, title, newStart, newLength, zone, joinLink, meetingLink, recipient,
                organiser, sequence + 1, false, requestedBy);
    }

    /** The same invitation, cancelled (the next sequence number). */
    public Invitation cancel() {
        return new Invitation(sessionId, audience, title, start, length, zone, joinLink, meetingLink, recipient,
                organiser, sequence + 1, true, requestedBy);
    }

    Instant end() {
        return start.plus(length);
    }

    /** A link that goes into an href must be a web address: never javascript:, data: or the like. */
    private static void requireWebLink(URI link, String what) {
        String scheme = link.getScheme() == null ? "" : link.getScheme().toLowerCase(Locale.ROOT);
        if (!link.isAbsolute() || !(scheme.equals("https") || scheme.equals("http")) || link.getHost() == null) {
            throw new IllegalArgumentException("The " + what + " must be an http or https address.");
        }
    }
}
