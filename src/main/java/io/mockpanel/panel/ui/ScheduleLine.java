package io.mockpanel.panel.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.mockpanel.panel.LiveSession;
import io.mockpanel.panel.MeetingLink;
import io.mockpanel.panel.SessionSchedule;
import io.mockpanel.panel.SessionState;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The console's line about when and where: the start in the viewer's zone (the session's zone on
 * hover when it differs), the call's link, and for the lead the buttons to reschedule and to change
 * the link. Drawn from the live state, so a change by the lead reaches every console by sequence.
 */
final class ScheduleLine extends Div {

    final Span when = new Span();
    final Button reschedule = new Button("Reschedule", VaadinIcon.CALENDAR_CLOCK.create());
    final Button editLink = new Button("Call link", VaadinIcon.LINK.create());
    private final Div call = new Div();
    private @Nullable SessionSchedule shownSchedule;
    private @Nullable MeetingLink shownLink;
    private @Nullable SessionState shownState;

    ScheduleLine(boolean lead, Runnable onReschedule, Runnable onEditLink) {
        addClassName("schedule-line");
        setId("schedule-line");
        when.setId("session-when");
        when.addClassName("session-when");
        call.addClassName("call");
        call.setId("session-call");
        add(when, call);
        if (lead) {
            reschedule.setId("reschedule");
            editLink.setId("edit-call-link");
            for (Button button : new Button[] {reschedule, editLink}) {
                button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            }
            reschedule.addClickListener(e -> onReschedule.run());
            editLink.addClickListener(e -> onEditLink.run());
            add(reschedule, editLink);
        }
    }

    /** Redraws only what changed since the last call. */
    void show(LiveSession live) {
        SessionSchedule schedule = live.schedule().orElse(null);
        MeetingLink link = live.meetingLink().orElse(null);
        SessionState state = live.state();
        if (Objects.equals(schedule, shownSchedule) && Objects.equals(link, shownLink) && state == shownState) {
            return;
        }
        shownSchedule = schedule;
        shownLink = link;
        shownState = state;
        if (schedule == null) {
            when.setText("Not scheduled");
            when.getElement().removeAttribute("title");
        } else {
            ZoneId viewer = viewerZone(schedule.timeZone());
            when.setText((state == SessionState.SCHEDULED ? "Starts " : "Planned for ")
                    + WhenText.schedule(schedule, viewer));
            if (!viewer.equals(schedule.timeZone())) {
                when.getElement().setAttribute("title", "In the session's zone: "
                        + WhenText.absolute(schedule.startsAt(), schedule.timeZone()));
            } else {
                when.getElement().removeAttribute("title");
            }
        }
        call.removeAll();
        boolean open = state == SessionState.SCHEDULED || state == SessionState.LIVE;
        if (link != null && open) {
            call.add(new CallLink(link));
        }
        reschedule.setText(schedule == null ? "Schedule" : "Reschedule");
        reschedule.setVisible(state == SessionState.SCHEDULED);
        editLink.setVisible(open);
    }

    private static ZoneId viewerZone(ZoneId fallback) {
        return Optional.ofNullable(UI.getCurrent()).map(ui -> BrowserZone.orElse(ui, fallback)).orElse(fallback);
    }
}
