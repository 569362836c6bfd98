package io.mockpanel.panel;

import io.mockpanel.base.PublicUrl;
import io.mockpanel.mail.Invitation;
import io.mockpanel.mail.Invitation.Audience;
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
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who of a session gets which mail, queued in the transaction of the change that causes it
 * (decisions 0039, 0040): the candidate's invitation when the lead issues the link with "send by
 * e-mail", the panel's invitations (console link) when the session first gets a start, an update to
 * everyone invited on a reschedule, a cancellation on cancel, and a reminder before the start for
 * each. Mail composes and sends; this class only knows the session. Callers have checked the lead.
 */
@Component
class SessionInvitations {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MailOutbox outbox;
    private final InvitationMails mails;
    private final PanelRecipients panel;
    private final PublicUrl publicUrl;

    SessionInvitations(JdbcClient jdbc, Clock clock, MailOutbox outbox, InvitationMails mails, PanelRecipients panel,
            PublicUrl publicUrl) {
        this.panel = panel;
        this.publicUrl = publicUrl;
        this.jdbc = jdbc;
        this.clock = clock;
        this.outbox = outbox;
        this.mails = mails;
    }

    /** What an invitation of the session says, read in the caller's transaction. */
    private record Facts(String title, String candidateName, @Nullable String candidateEmail,
            @Nullable SessionSchedule schedule, @Nullable String meetingUrl, int sequence,
            @Nullable ZoneId candidateZone, @Nullable String leadName) {
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
        Invitation invitation = invitation(sessionId, facts, Audience.CANDIDATE,
                MailAddress.of(facts.candidateEmail(), facts.candidateName()), joinLink, facts.sequence(), false);
        withdrawCandidateReminders(sessionId);
        outbox.enqueue(mails.invitation(invitation));
        remind(invitation);
    }

    /**
     * When the session first gets a start: a panel invitation with the console link, and its
     * reminder, to every member with an e-mail address (the lead too: it puts the panel in their
     * calendar). Never the candidate's link: it is not known here, and not theirs.
     */
    void invitePanel(long sessionId) {
        Facts facts = facts(sessionId);
        if (facts.schedule() == null) {
            return;
        }
        for (MailAddress member : panel.of(sessionId)) {
            Invitation invitation = invitation(sessionId, facts, Audience.PANEL, member, consoleLink(sessionId),
                    facts.sequence(), false);
            outbox.enqueue(mails.invitation(invitation));
            remind(invitation);
        }
    }

    /**
     * A member whose account got this address after the session was first scheduled (decision
     * 0045): the panel invitation they missed, with its reminder, unless this address was invited
     * already. The app sends it, not whoever typed the address: not rate limited, so a limit never
     * refuses the address itself.
     */
    void inviteLate(long sessionId, MailAddress member) {
        Facts facts = facts(sessionId);
        if (facts.schedule() == null
                || invited(sessionId).containsKey(key(MailKind.PANEL_INVITATION, member.address()))) {
            return;
        }
        Invitation invitation = invitation(sessionId, facts, Audience.PANEL, member, consoleLink(sessionId),
                facts.sequence(), false, null);
        outbox.enqueue(mails.lateInvitation(invitation));
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
            Invitation invitation = invitation(sessionId, facts, audience(mail),
                    MailAddress.of(mail.recipientAddress(), mail.recipientName()), link(sessionId, mail), sequence,
                    false);
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
            outbox.enqueue(mails.invitation(invitation(sessionId, facts, audience(mail),
                    MailAddress.of(mail.recipientAddress(), mail.recipientName()), null, sequence, true)));
        }
    }

    /**
     * Everyone who got an invitation of this session, by audience and address (the latest name
     * wins): a candidate who is also on a panel's address list still gets only the candidate's
     * mails at that address as the candidate, and the panel's as a member.
     */
    private Map<String, MailStatus> invited(long sessionId) {
        Map<String, MailStatus> invited = new LinkedHashMap<>();
        for (MailStatus mail : outbox.statesOf(sessionId)) {
            if (mail.kind() == MailKind.INVITATION || mail.kind() == MailKind.PANEL_INVITATION) {
                invited.put(key(mail.kind(), mail.recipientAddress()), mail);
            }
        }
        return invited;
    }

    private static String key(MailKind kind, String address) {
        return kind + " " + address.toLowerCase(Locale.ROOT);
    }

    private static Audience audience(MailStatus invitation) {
        return invitation.kind() == MailKind.PANEL_INVITATION ? Audience.PANEL : Audience.CANDIDATE;
    }

    /**
     * The link an update carries: the console for the panel (no secret: it needs an account); none
     * for the candidate, whose link is kept only as a hash, so the update points to the one they have.
     */
    private @Nullable URI link(long sessionId, MailStatus invitation) {
        return audience(invitation) == Audience.PANEL ? consoleLink(sessionId) : null;
    }

    /** The console's address, the route of {@code panel.ui.SessionView}, on the public URL. */
    private URI consoleLink(long sessionId) {
        return URI.create(publicUrl.link("sessions/" + sessionId));
    }

    /**
     * Withdraws the candidate's queued reminder, which carries a link that no longer works. The
     * outbox withdraws by kind, so the panel's reminders (same content, same dedupe key) are queued again.
     */
    private void withdrawCandidateReminders(long sessionId) {
        outbox.withdraw(sessionId, MailKind.REMINDER);
        Facts facts = facts(sessionId);
        for (MailStatus mail : invited(sessionId).values()) {
            if (audience(mail) == Audience.PANEL && facts.schedule() != null) {
                remind(invitation(sessionId, facts, Audience.PANEL,
                        MailAddress.of(mail.recipientAddress(), mail.recipientName()), consoleLink(sessionId),
                        facts.sequence(), false));
            }
        }
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

    private Invitation invitation(long sessionId, Facts facts, Audience audience, MailAddress to,
            @Nullable URI joinLink, int sequence, boolean cancelled) {
        // A cancellation is sent once per session and must never refuse the cancel: not rate limited.
        return invitation(sessionId, facts, audience, to, joinLink, sequence, cancelled,
                cancelled ? null : PanelSessionService.me());
    }

    private Invitation invitation(long sessionId, Facts facts, Audience audience, MailAddress to,
            @Nullable URI joinLink, int sequence, boolean cancelled, @Nullable String requestedBy) {
        SessionSchedule schedule = facts.schedule();
        if (schedule == null) {
            throw new SessionException("Schedule the session first.");
        }
        String lead = facts.leadName() != null ? facts.leadName()
                : CurrentUser.principal().map(AccountPrincipal::displayName).orElse("");
        // The candidate reads the time in their browser's zone once their room has named it (decision
        // 0045); the panel in the zone the lead picked.
        ZoneId zone = audience == Audience.CANDIDATE && facts.candidateZone() != null ? facts.candidateZone()
                : schedule.timeZone();
        return new Invitation(sessionId, audience, facts.title(), schedule.startsAt(),
                Duration.ofMinutes(schedule.plannedMinutes()), zone, joinLink,
                facts.meetingUrl() == null ? null : URI.create(facts.meetingUrl()), to, mails.organiser(lead),
                sequence, cancelled, requestedBy);
    }

    private int nextSequence(long sessionId) {
        return jdbc.sql("update panel_session set invite_sequence = invite_sequence + 1 where id = ? "
                + "returning invite_sequence").param(sessionId).query(Integer.class).single();
    }

    private Facts facts(long sessionId) {
        return jdbc.sql("select title, candidate_name, candidate_email, starts_at, time_zone, planned_minutes, "
                        + "meeting_url, invite_sequence, candidate_zone, (select a.display_name from session_member m "
                        + "join user_account a on a.username = m.username where m.session_id = s.id "
                        + "and m.role = 'LEAD' limit 1) as lead_name from panel_session s where s.id = ?")
                .param(sessionId)
                .query((rs, row) -> new Facts(rs.getString("title"), rs.getString("candidate_name"),
                        rs.getString("candidate_email"),
                        SessionScheduling.schedule(rs.getObject("starts_at", OffsetDateTime.class),
                                rs.getString("time_zone"), (Integer) rs.getObject("planned_minutes")),
                        rs.getString("meeting_url"), rs.getInt("invite_sequence"),
                        CandidateZones.known(rs.getString("candidate_zone")).orElse(null),
                        rs.getString("lead_name")))
                .single();
    }
}
