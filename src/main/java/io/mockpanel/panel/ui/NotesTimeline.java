package io.mockpanel.panel.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.shared.Registration;
import io.mockpanel.panel.SessionEvents;
import io.mockpanel.panel.Note;
import io.mockpanel.panel.NoteService;
import io.mockpanel.panel.SessionEvent;
import io.mockpanel.panel.TagMark;
import io.mockpanel.security.CurrentUser;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * The session's notes and quick tags as one list, one line each, grouped under the prompt on
 * screen when they were written and filtered by kind. Loaded once when shown; after that it
 * follows the console's feed from the events themselves: a tag comes whole in its event, a note
 * event costs at most one read for all the notes it names (and none for a note this screen
 * already shows at that version, or for another member's private note, which is never loaded).
 * Events of other kinds cost nothing.
 */
public class NotesTimeline extends Div {

    private final long sessionId;
    private final NoteService notes;
    private final LiveFeed feed;
    private final boolean canWrite;
    private final Map<Long, Note> shownNotes = new HashMap<>();
    private final Map<Long, TagMark> shownTags = new HashMap<>();
    private final Map<TimelineEntries.Filter, Button> filterButtons = new EnumMap<>(TimelineEntries.Filter.class);
    private final TimelineLines lines = new TimelineLines();
    private TimelineEntries.Filter filter = TimelineEntries.Filter.ALL;
    private @Nullable Consumer<Note> onEdit;
    private String me = "";
    private boolean loaded;
    private @Nullable Registration liveUpdates;

    /** {@code canWrite}: the viewer writes notes (offers Edit on their own and the Private filter). */
    public NotesTimeline(LiveFeed feed, NoteService notes, boolean canWrite) {
        this.sessionId = feed.sessionId();
        this.feed = feed;
        this.notes = notes;
        this.canWrite = canWrite;
        setId("notes-timeline");
        addClassName("notes-timeline");
        var filters = new Div();
        filters.addClassName("timeline-filters");
        for (TimelineEntries.Filter each : TimelineEntries.Filter.values()) {
            if (each == TimelineEntries.Filter.PRIVATE && !canWrite) {
                continue;
            }
            var button = new Button(each.label, e -> showOnly(each));
            button.setId("timeline-filter-" + each.name().toLowerCase(java.util.Locale.ROOT));
            button.addThemeVariants(ButtonVariant.LUMO_SMALL);
            filterButtons.put(each, button);
            filters.add(button);
        }
        add(new H4("Timeline"), filters, lines);
        markFilter();
    }

    /** Where "Edit" on one of the viewer's own notes sends it (the composer). */
    public void onEdit(Consumer<Note> listener) {
        this.onEdit = listener;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        me = CurrentUser.username().orElse("");
        liveUpdates = feed.onEvents(this::onEvents);
        if (!loaded) {
            load();
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (liveUpdates != null) {
            liveUpdates.remove();
            liveUpdates = null;
        }
        // Events are not heard while away: shown again, it reads afresh.
        loaded = false;
    }

    /** Shows a note this screen stored itself (no read). */
    public void show(Note note) {
        shownNotes.put(note.id(), note);
        if (!lines.updateText(note)) {
            render();
        }
    }

    /** Shows a tag this screen added itself (no read). */
    public void show(TagMark tag) {
        if (shownTags.putIfAbsent(tag.seq(), tag) == null) {
            render();
        }
    }

    void showOnly(TimelineEntries.Filter chosen) {
        filter = chosen;
        markFilter();
        render();
    }

    private void load() {
        try {
            NoteService.SessionNotes all = notes.sessionNotes(sessionId);
            shownNotes.clear();
            shownTags.clear();
            all.notes().forEach(note -> shownNotes.put(note.id(), note));
            all.tags().forEach(tag -> shownTags.put(tag.seq(), tag));
            loaded = true;
            render();
        } catch (AccessDeniedException e) {
            lines.showEmpty("You are no longer on this session's panel.");
        }
    }

    void onEvents(List<SessionEvent> events) {
        boolean changed = false;
        Set<Long> toRead = new LinkedHashSet<>();
        for (SessionEvent event : events) {
            if (SessionEvents.TagAdded.TYPE.equals(event.type())) {
                var tag = notes.tagOf(event);
                changed |= tag.isPresent() && shownTags.putIfAbsent(tag.get().seq(), tag.get()) == null;
                continue;
            }
            var saved = notes.noteSaved(event);
            if (saved.isEmpty()) {
                continue;
            }
            long id = saved.get().noteId();
            if (saved.get().privateNote() && !saved.get().author().equals(me)) {
                // Made private by its writer: it leaves this screen, and is never read.
                toRead.remove(id);
                changed |= shownNotes.remove(id) != null;
            } else if (!alreadyShown(id, saved.get().version())) {
                toRead.add(id);
            }
        }
        if (!toRead.isEmpty()) {
            try {
                notes.visibleNotes(sessionId, toRead).forEach(note -> shownNotes.put(note.id(), note));
                changed = true;
            } catch (AccessDeniedException e) {
                return;
            }
        }
        if (changed) {
            render();
        }
    }

    private boolean alreadyShown(long noteId, @Nullable Long version) {
        Note shown = shownNotes.get(noteId);
        return shown != null && version != null && shown.version() >= version;
    }

    private void render() {
        List<TimelineEntries.Group> groups = TimelineEntries.group(shownNotes.values(), shownTags.values(), filter);
        if (groups.isEmpty()) {
            lines.showEmpty(filter == TimelineEntries.Filter.ALL ? "No notes or tags yet." : "Nothing of this kind yet.");
        } else {
            lines.show(groups, this::editOf);
        }
    }

    /** Edit for the viewer's own notes when they write notes; null for everything else. */
    private @Nullable Runnable editOf(Note note) {
        long id = note.id();
        return canWrite && note.author().equals(me) && onEdit != null ? () -> edit(id) : null;
    }

    /** The writer's own note, read fresh (the newest version) into the composer. */
    private void edit(long noteId) {
        Consumer<Note> target = onEdit;
        if (target == null) {
            return;
        }
        try {
            notes.myNote(sessionId, noteId).ifPresent(target);
        } catch (AccessDeniedException e) {
            // no longer on the panel: nothing to edit
        }
    }

    private void markFilter() {
        filterButtons.forEach((each, button) -> {
            boolean on = each == filter;
            button.getElement().setAttribute("aria-pressed", Boolean.toString(on));
            button.setClassName("selected", on);
            if (on) {
                button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            } else {
                button.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
        });
    }
}
