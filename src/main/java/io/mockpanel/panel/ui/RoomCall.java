package io.mockpanel.panel.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.mockpanel.panel.CandidateScreen;
import io.mockpanel.panel.MeetingLink;
import io.mockpanel.panel.SessionSchedule;
import io.mockpanel.panel.SessionState;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The candidate's line about when and where: before the start, when the panel begins (in the
 * candidate's browser zone, named); in the waiting room and the room, the one-click way into the
 * video call. Hidden when there is neither.
 */
final class RoomCall extends Div {

    final Span when = new Span();
    private final Div call = new Div();
    private @Nullable SessionSchedule shownSchedule;
    private @Nullable MeetingLink shownLink;
    private @Nullable SessionState shownState;

    RoomCall() {
        addClassName("room-call");
        setId("room-call");
        when.setId("room-when");
        when.addClassName("room-when");
        add(when, call);
        setVisible(false);
    }

    void show(CandidateScreen screen) {
        if (Objects.equals(screen.schedule(), shownSchedule) && Objects.equals(screen.call(), shownLink)
                && screen.state() == shownState) {
            return;
        }
        shownSchedule = screen.schedule();
        shownLink = screen.call();
        shownState = screen.state();
        boolean waiting = screen.state() == SessionState.SCHEDULED && screen.schedule() != null;
        when.setVisible(waiting);
        if (waiting) {
            SessionSchedule schedule = screen.schedule();
            var zone = Optional.ofNullable(UI.getCurrent()).map(ui -> BrowserZone.orElse(ui, schedule.timeZone()))
                    .orElse(schedule.timeZone());
            when.setText("The panel starts " + WhenText.absolute(schedule.startsAt(), zone) + ".");
        }
        call.removeAll();
        if (screen.call() != null) {
            call.add(new CallLink(screen.call()));
        }
        setVisible(waiting || screen.call() != null);
    }
}
