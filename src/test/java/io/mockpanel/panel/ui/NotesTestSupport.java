package io.mockpanel.panel.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.mockpanel.panel.NoteService;
import io.mockpanel.panel.SessionEventBus;
import io.mockpanel.panel.SessionTimeline;
import io.mockpanel.support.FollowedFeed;
import java.util.List;
import java.util.Objects;

/** Mounts the notes parts of one console in a Karibu UI and reads what they show. */
final class NotesTestSupport {

    /** A mounted notes panel, its feed and its parts. */
    record Mounted(NotesPanel panel, LiveFeed feed, NotesParts parts) {

        NoteComposer composer() {
            return Objects.requireNonNull(parts.composer());
        }

        QuickTagBar tags() {
            return Objects.requireNonNull(parts.tags());
        }

        NotesTimeline timeline() {
            return parts.timeline();
        }
    }

    private NotesTestSupport() {
    }

    /** Mounts a notes panel for the signed-in user, on {@code notes} (the real service, or a spy on it). */
    static Mounted mount(SessionTimeline timeline, SessionEventBus bus, NoteService notes, long sessionId) {
        LiveFeed feed = FollowedFeed.open(timeline, bus, sessionId);
        var panel = new NotesPanel(feed, notes);
        UI.getCurrent().add(panel);
        MockVaadin.clientRoundtrip(false);
        return new Mounted(panel, feed, Objects.requireNonNull(panel.parts()));
    }

    static List<String> timelineTexts() {
        return _find(Div.class, spec -> spec.withClasses("timeline-text")).stream().map(Div::getText).toList();
    }

    static List<String> timelineTags() {
        return _find(Span.class, spec -> spec.withClasses("timeline-tag")).stream().map(Span::getText).toList();
    }

    static List<String> groupHeadings() {
        return _find(Span.class, spec -> spec.withClasses("timeline-prompt")).stream().map(Span::getText).toList();
    }

    /** The kinds of the timeline's lines, top to bottom ("note", "tag"). */
    static List<String> lineKinds() {
        return _find(Div.class, spec -> spec.withClasses("timeline-entry")).stream()
                .map(line -> line.getElement().getAttribute("data-kind")).toList();
    }
}
