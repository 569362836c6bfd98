package io.mockpanel.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyContainer;
import net.fortuna.ical4j.model.component.VEvent;

/** Reading a delivered mail as its recipient's programs do: its parts by type, its calendar event. */
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
}
