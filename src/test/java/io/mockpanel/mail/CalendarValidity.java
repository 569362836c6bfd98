package io.mockpanel.mail;

import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.validate.ITIPValidator;
import net.fortuna.ical4j.validate.ValidationEntry;
import net.fortuna.ical4j.validate.ValidationResult;

/**
 * What ical4j's validators find wrong with a calendar object: RFC 5545 (the calendar and its
 * components) and RFC 5546 (iTIP: what a REQUEST or CANCEL must and must not carry), which is
 * what a calendar app checks before it accepts an invitation.
 */
final class CalendarValidity {

    private CalendarValidity() {
    }

    /** Each problem as "severity: message (context)"; empty when the calendar is valid. */
    static List<String> problems(Calendar calendar) throws Exception {
        ValidationResult result = calendar.validate(true).merge(new ITIPValidator().validate(calendar));
        return result.getEntries().stream()
                .filter(entry -> entry.getSeverity() == ValidationEntry.Severity.ERROR)
                .map(entry -> entry.getSeverity() + ": " + entry.getMessage() + " (" + entry.getContext() + ")")
                .toList();
    }
}
