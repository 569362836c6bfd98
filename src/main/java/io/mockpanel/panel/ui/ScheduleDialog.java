package io.mockpanel.panel.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import io.mockpanel.base.ui.Notifications;
import io.mockpanel.panel.ScheduleException;
import io.mockpanel.panel.SessionException;
import io.mockpanel.panel.SessionSchedule;
import io.mockpanel.panel.SessionScheduling;
import java.time.Clock;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * The lead moves (or sets) a session's start from the console, in their own zone. A refused value
 * keeps the dialog open with the message on its field; nothing is saved then.
 */
final class ScheduleDialog extends Dialog {

    final ScheduleFields fields;
    final Button save = new Button("Save the start");

    ScheduleDialog(SessionScheduling scheduling, long sessionId, @Nullable SessionSchedule current, int agendaMinutes,
            ZoneId leadZone, Clock clock, Runnable saved) {
        setId("schedule-dialog");
        setHeaderTitle(current == null ? "Schedule the session" : "Reschedule the session");
        fields = new ScheduleFields(leadZone, clock.instant());
        fields.agendaTotal(agendaMinutes);
        if (current != null) {
            fields.show(current, leadZone);
        }
        var form = new FormLayout(fields.start, fields.zone, fields.minutes);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);
        save.setId("save-schedule");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            fields.clearErrors();
            try {
                scheduling.reschedule(sessionId, fields.value());
                close();
                saved.run();
            } catch (ScheduleException problem) {
                fields.showError(problem);
            } catch (SessionException problem) {
                close();
                Notifications.error(problem.getMessage());
            }
        });
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
