package io.mockpanel.mail;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * The iCalendar objects of an invitation (RFC 5545/5546, written by ical4j, decision 0038): one
 * event whose UID is the session's, so every update and the cancellation land on the same
 * calendar entry, with SEQUENCE counting the updates. Times are in UTC: every calendar app shows
 * them in its own zone, and no VTIMEZONE can be missing or out of date.
 */
final class CalendarInvites {

    private static final String PRODUCT = "-//mockpanel//mockpanel invitations//EN";

    private final String host;
    private final Clock clock;

    CalendarInvites(String host, Clock clock) {
        this.host = host;
        this.clock = clock;
    }

    /** "session-42@panel.example.org": the same for every mail about session 42. */
    String uid(long sessionId) {
        return "session-" + sessionId + "@" + host;
    }

    String request(Invitation invitation) {
        Calendar calendar = calendar().add(ImmutableMethod.REQUEST);
        VEvent event = event(invitation).add(ImmutableStatus.VEVENT_CONFIRMED);
        return text(calendar.add(event));
    }

    String cancel(Invitation invitation) {
        Calendar calendar = calendar().add(ImmutableMethod.CANCEL);
        VEvent event = event(invitation).add(ImmutableStatus.VEVENT_CANCELLED);
        return text(calendar.add(event));
    }

    /**
     * The calendar as text with its long lines folded (RFC 5545 §3.1), as calendar apps expect;
     * {@code toString()} does not fold. Not validated here: the tests validate every shape.
     */
    private static String text(Calendar calendar) {
        var out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static Calendar calendar() {
        return new Calendar().add(new ProdId(PRODUCT)).add(ImmutableVersion.VERSION_2_0)
                .add(ImmutableCalScale.GREGORIAN);
    }

    private VEvent event(Invitation invitation) {
        VEvent event = new VEvent(invitation.start(), invitation.end(), invitation.title());
        event.add(new Uid(uid(invitation.sessionId())));
        event.add(new Sequence(invitation.sequence()));
        // The constructor stamps the event with the system's clock; RFC 5545 allows one DTSTAMP.
        event.replace(new DtStamp(clock.instant()));
        Organizer organizer = new Organizer(mailto(invitation.organiser()));
        if (!invitation.organiser().name().isEmpty()) {
            organizer.add(new Cn(invitation.organiser().name()));
        }
        event.add(organizer);
        Attendee attendee = new Attendee(mailto(invitation.recipient()));
        if (!invitation.recipient().name().isEmpty()) {
            attendee.add(new Cn(invitation.recipient().name()));
        }
        attendee.add(Role.REQ_PARTICIPANT).add(PartStat.NEEDS_ACTION).add(Rsvp.FALSE);
        event.add(attendee);
        if (!invitation.cancelled()) {
            URI join = invitation.joinLink();
            URI where = invitation.meetingLink() != null ? invitation.meetingLink() : join;
            if (where != null) {
                event.add(new Location(where.toASCIIString()));
            }
            if (join != null) {
                event.add(new Url(join));
            }
            String link = invitation.audience() == Invitation.Audience.CANDIDATE ? "Join the panel: " : "Console: ";
            // Without a link (an update written after the candidate's link was issued), their earlier one stands.
            String description = (join == null ? link + "the link from your invitation" : link + join.toASCIIString())
                    + (invitation.meetingLink() == null ? "" : "\nCall: " + invitation.meetingLink().toASCIIString());
            event.add(new Description(description));
        }
        return event;
    }

    private static URI mailto(MailAddress address) {
        return URI.create("mailto:" + address.address());
    }
}
