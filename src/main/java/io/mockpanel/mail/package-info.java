/**
 * Outgoing e-mail: invitations with calendar attachments, reminders and cancellations, composed
 * from plain values ({@link io.mockpanel.mail.InvitationMails}), queued in the caller's transaction
 * and sent by a job with retries ({@link io.mockpanel.mail.MailOutbox}, decision 0038). It knows
 * nothing of sessions beyond their id: the feature that owns a session decides who gets what.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"base", "security"})
package io.mockpanel.mail;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
