package io.mockpanel.panel;

import io.mockpanel.mail.Invitation;
import io.mockpanel.mail.InvitationMails;
import io.mockpanel.mail.MailAddress;
import io.mockpanel.mail.MailKind;
import io.mockpanel.mail.MailOutbox;
import io.mockpanel.mail.MailStatus;
import io.mockpanel.mail.OutgoingMail;
import io.mockpanel.security.AccountPrincipal;
import io.mockpanel.security.CurrentUser;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who of a session gets which mail, queued in the transaction of the change that causes it
 * (decision 0039): the candidate's invitation when the lead issues the link with "send by e-mail",
 * an update to everyone invited on a reschedule, a cancellation on cancel, and a reminder before the
 * start. Mail composes and sends; this class only knows the session. Callers have checked the lead.
 */
@Component
class SessionInvitations {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MailOutbox outbox;
    private final InvitationMails mails;

    SessionInvitations(JdbcClient jdbc, Clock clock, MailOutbox outbox, InvitationMails mails) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.outbox = outbox;
        this.mails = mails;
    }

    /** What an invitation of the session says, read in the caller's transaction. */
    private record Facts(String title, String candidateName, @Nullable String candidateEmail,
            @Nullable SessionSchedule schedule, @Nullable String meetingUrl, int sequence) {
    }

    /**
     * Refuses, before anything is written, an e-mail that cannot be sent: the session needs a start
     * and the candidate an address.
     */
    void requireMailable(long sessionId) {
        mailable(sessionId);
    }

    private Facts mailable(long sessionId) {
        Facts facts = facts(sessionId);
        if (facts.schedule() == null) {
            throw new SessionException("Schedule the session first: the e-mail gives the candidate its date and time.");
        }
        if (facts.candidateEmail() == null) {
            throw new SessionException("The candidate has no e-mail address; copy the link to them instead.");
        }
        MailAddress.of(facts.candidateEmail(), facts.candidateName());
        return facts;
    }

    /**
     * Queues the candidate's invitation with the link just issued, and their reminder. Queued
     * reminders go first: they carry the previous link, which no longer works.
     */
    void inviteCandidate(long sessionId, URI joinLink) {
        Facts facts = mailable(sessionId);
        Invitation invitation = invitation(sessionId, facts,
                MailAddress.of(facts.candidateEmail(), facts.candidateName()), joinLink, facts.sequence(), false);
        outbox.withdraw(sessionId, MailKind.REMINDER);
        outbox.enqueue(mails.invitation(invitation));
        remind(invitation);
    }

    /**
     * After a reschedule (the columns already moved): the next sequence number, an updated
     * invitation to everyone invited so far, their reminders moved with the start.
     */
    void rescheduled(long sessionId) {
        Map<String, MailStatus> invited = invited(sessionId);
        int sequence = nextSequence(sessionId);
        outbox.withdraw(sessionId, MailKind.REMINDER);
        Facts facts = facts(sessionId);
        for (MailStatus mail : invited.values()) {
            // The candidate's link is kept only as a hash: the update points to the one they have.
            Invitation invitation = invitation(sessionId, facts,
                    MailAddress.of(mail.recipientAddress(), mail.recipientName()), null, sequence, false);
            outbox.enqueue(mails.invitation(invitation));
            remind(invitation);
        }
    }

    /** After a cancel: the next sequence number, a cancellation to everyone invited, no reminders. */
    void cancelled(long sessionId) {
        Map<String, MailStatus> invited = invited(sessionId);
        int sequence = nextSequence(sessionId);
        outbox.withdraw(sessionId, MailKind.REMINDER);
        Facts facts = facts(sessionId);
        if (invited.isEmpty() || facts.schedule() == null) {
            return;
        }
        for (MailStatus mail : invited.values()) {
            outbox.enqueue(mails.invitation(invitation(sessionId, facts,
                    MailAddress.of(mail.recipientAddress(), mail.recipientName()), null, sequence, true)));
        }
    }

    /** Everyone who got an invitation of this session, by address (the latest name wins). */
    private Map<String, MailStatus> invited(long sessionId) {
        Map<String, MailStatus> invited = new LinkedHashMap<>();
        for (MailStatus mail : outbox.statesOf(sessionId)) {
            if (mail.kind() == MailKind.INVITATION) {
                invited.put(mail.recipientAddress(), mail);
            }
        }
        return invited;
    }

    private void remind(Invitation invitation) {
        var reminder = mails.reminder(invitation);
        // A session starting sooner than the reminder's lead time needs no reminder on top of the invitation.
        if (reminder.sendAt() != null && reminder.sendAt().isAfter(clock.instant())) {
            outbox.enqueue(new OutgoingMail(reminder.sessionId(), reminder.kind(), reminder.to(),
                    reminder.subject(), reminder.text(), reminder.html(), reminder.ics(), reminder.dedupeKey(),
                    reminder.sendAt(), null));
        }
    }

    private Invitation invitation(long sessionId, Facts facts, MailAddress to, @Nullable URI joinLink, int sequence,
            boolean cancelled) {
        SessionSchedule schedule = facts.schedule();
        if (schedule == null) {
            throw new SessionException("Schedule the session first.");
        }
        String lead = CurrentUser.principal().map(AccountPrincipal::displayName).orElse("");
        return new Invitation(sessionId, Invitation.Audience.CANDIDATE, facts.title(), schedule.startsAt(),
                Duration.ofMinutes(schedule.plannedMinutes()), schedule.timeZone(), joinLink,
                facts.meetingUrl() == null ? null : URI.create(facts.meetingUrl()), to, mails.organiser(lead),
                sequence, cancelled, PanelSessionService.me());
    }

    private int nextSequence(long sessionId) {
        return jdbc.sql("update panel_session set invite_sequence = invite_sequence + 1 where id = ? "
                + "returning invite_sequence").param(sessionId).query(Integer.class).single();
    }

    private Facts facts(long sessionId) {
        return jdbc.sql("select title, candidate_name, candidate_email, starts_at, time_zone, planned_minutes, "
                        + "meeting_url, invite_sequence from panel_session where id = ?")
                .param(sessionId)
                .query((rs, row) -> new Facts(rs.getString("title"), rs.getString("candidate_name"),
                        rs.getString("candidate_email"),
                        SessionScheduling.schedule(rs.getObject("starts_at", OffsetDateTime.class),
                                rs.getString("time_zone"), (Integer) rs.getObject("planned_minutes")),
                        rs.getString("meeting_url"), rs.getInt("invite_sequence")))
                .single();
    }
}
