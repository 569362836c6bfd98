package io.mockpanel.panel.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import io.mockpanel.base.ui.Notifications;
import io.mockpanel.panel.MeetingLink;
import io.mockpanel.panel.ScheduleException;
import io.mockpanel.panel.SessionException;
import io.mockpanel.panel.SessionScheduling;
import org.jspecify.annotations.Nullable;

/** The lead sets, changes or removes the video call's link; a bad link stays in the field with why. */
final class MeetingLinkDialog extends Dialog {

    final TextField url = new TextField("Video call link");
    final Button save = new Button("Save the link");
    final Button remove = new Button("Remove the link");

    MeetingLinkDialog(SessionScheduling scheduling, long sessionId, @Nullable MeetingLink current, Runnable saved) {
        setId("meeting-link-dialog");
        setHeaderTitle("The video call");
        url.setId("meeting-link-url");
        url.setWidth("min(32rem, 80vw)");
        url.setMaxLength(MeetingLink.MAX_LENGTH);
        url.setPlaceholder("https://zoom.us/j/… or https://meet.google.com/…");
        url.setHelperText("Zoom, Google Meet, Teams or any https link; the panel and the candidate see it");
        if (current != null) {
            url.setValue(current.url());
        }
        add(url);
        save.setId("save-meeting-link");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> change(scheduling, sessionId, url.getValue(), saved));
        remove.setId("remove-meeting-link");
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        remove.setVisible(current != null);
        remove.addClickListener(e -> change(scheduling, sessionId, null, saved));
        getFooter().add(remove, new Button("Cancel", e -> close()), save);
    }

    private void change(SessionScheduling scheduling, long sessionId, @Nullable String value, Runnable saved) {
        url.setInvalid(false);
        try {
            scheduling.changeMeetingLink(sessionId, value);
            close();
            saved.run();
        } catch (ScheduleException problem) {
            url.setErrorMessage(problem.getMessage());
            url.setInvalid(true);
        } catch (SessionException problem) {
            close();
            Notifications.error(problem.getMessage());
        }
    }
}
