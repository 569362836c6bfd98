package io.mockpanel.mail;

/** What a mail is for; the console shows it beside each mail's state. */
public enum MailKind {
    /** The candidate's invitation, with their join link and a calendar entry. */
    INVITATION,
    /** A co-panelist's or observing coach's invitation, with the console link. */
    PANEL_INVITATION,
    /** Sent some time before the start to everyone invited. */
    REMINDER,
    /** The session was cancelled; removes the calendar entry. */
    CANCELLATION
}
