package io.mockpanel.panel;

/**
 * A schedule or meeting link that cannot be saved, with the field it is about, so that a form can
 * put the message on that field.
 */
@org.springframework.modulith.NamedInterface("api")
public class ScheduleException extends SessionException {

    /** The input a message is about. */
    public enum Field {
        START, TIME_ZONE, PLANNED_MINUTES, MEETING_URL
    }

    private final Field field;

    public ScheduleException(Field field, String message) {
        super(message);
        this.field = field;
    }

    public Field field() {
        return field;
    }
}
