package io.mockpanel.panel.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.textfield.IntegerField;
import io.mockpanel.panel.NewSchedule;
import io.mockpanel.panel.ScheduleException;
import io.mockpanel.panel.SessionSchedule;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The start as the lead picks it: a date and time, the zone it is in (the lead's browser zone by
 * default) and the planned length (the agenda's total when empty). Used by the new-session form and
 * the console's reschedule dialog; the service checks the values and this puts its message on the
 * field it names.
 */
final class ScheduleFields {

    /** Every IANA region id, sorted: what the zone picker offers. */
    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.equals("UTC") || id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
            .sorted().toList();

    final DateTimePicker start = new DateTimePicker("Starts at");
    final ComboBox<String> zone = new ComboBox<>("Time zone");
    final IntegerField minutes = new IntegerField("Planned length (minutes)");

    ScheduleFields(ZoneId defaultZone, Instant now) {
        start.setId("schedule-start");
        start.setStep(Duration.ofMinutes(15));
        start.setHelperText("In the time zone beside it");
        List<String> zones = new java.util.ArrayList<>(ZONES);
        if (!zones.contains(defaultZone.getId())) {
            zones.add(0, defaultZone.getId());
        }
        zone.setItems(zones);
        zone.setItemLabelGenerator(id -> WhenText.zoneLabel(ZoneId.of(id), now));
        zone.setValue(defaultZone.getId());
        zone.setId("schedule-zone");
        zone.setAllowCustomValue(false);
        minutes.setId("schedule-minutes");
        minutes.setMin(5);
        minutes.setMax(480);
        minutes.setStep(5);
        minutes.setStepButtonsVisible(true);
    }

    /** Shows {@code agendaMinutes} as what an empty length means. */
    void agendaTotal(int agendaMinutes) {
        minutes.setPlaceholder(agendaMinutes > 0 ? agendaMinutes + " (the agenda)" : "");
        minutes.setHelperText(agendaMinutes > 0 ? "Empty: the agenda's " + agendaMinutes + " minutes" : null);
    }

    /** Fills in a schedule as the lead sees it: its wall-clock time in the picked zone. */
    void show(SessionSchedule schedule, ZoneId inZone) {
        zone.setValue(inZone.getId());
        start.setValue(schedule.startsAt().atZone(inZone).toLocalDateTime());
        minutes.setValue(schedule.plannedMinutes());
    }

    boolean hasStart() {
        return start.getValue() != null;
    }

    NewSchedule value() {
        return new NewSchedule(start.getValue(), zone.getValue(), minutes.getValue());
    }

    void clearErrors() {
        for (HasValidation field : List.of(start, zone, minutes)) {
            field.setInvalid(false);
            field.setErrorMessage(null);
        }
    }

    /** Puts the message on its field; false when it is not about one of these fields. */
    boolean showError(ScheduleException e) {
        @Nullable HasValidation field = switch (e.field()) {
            case START -> start;
            case TIME_ZONE -> zone;
            case PLANNED_MINUTES -> minutes;
            case MEETING_URL -> null;
        };
        if (field == null) {
            return false;
        }
        field.setErrorMessage(e.getMessage());
        field.setInvalid(true);
        return true;
    }
}
