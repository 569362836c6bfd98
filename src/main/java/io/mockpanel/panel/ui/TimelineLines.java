package io.mockpanel.panel.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import io.mockpanel.base.ui.Children;
import io.mockpanel.panel.Note;
import io.mockpanel.panel.TagMark;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The timeline's lines on screen, newest first: at most {@link #PAGE} lines, and "Show earlier"
 * adds as many again, so a long session's console stays light for the browser and the server.
 *
 * <p>Every console of a live panel redraws its timeline whenever a note or tag arrives. A redraw
 * keeps every line and group whose content is unchanged (the same components, see
 * {@link Children#sync}), updates a note's text in place and builds only what is new: an event
 * costs the server one new line and the browser one small change, however long the timeline is.
 */
final class TimelineLines extends Div {

    /** Lines shown at first, and how many more each "Show earlier" adds. */
    static final int PAGE = 30;

    /** A line on screen: what it shows (a note or tag), whether it offers Edit, and its text element. */
    private record Built(Object shown, boolean editable, Div line, @Nullable Div body) {
    }

    private Map<String, Built> built = new HashMap<>();
    private Map<String, Div> groups = new HashMap<>();
    private final Button earlier = new Button();
    private final Paragraph empty = new Paragraph();
    private int limit = PAGE;
    private List<TimelineEntries.Group> lastShown = List.of();
    private Function<Note, @Nullable Runnable> lastEdit = note -> null;

    TimelineLines() {
        addClassName("timeline-lines");
        earlier.setId("timeline-earlier");
        earlier.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        earlier.addClickListener(e -> {
            limit += PAGE;
            show(lastShown, lastEdit);
        });
    }

    /**
     * Shows these groups (newest first); {@code editOf} gives a note's Edit action, or null where
     * the viewer may not edit it.
     */
    void show(List<TimelineEntries.Group> wanted, Function<Note, @Nullable Runnable> editOf) {
        lastShown = wanted;
        lastEdit = editOf;
        Map<String, Built> keptLines = new HashMap<>();
        Map<String, Div> keptGroups = new HashMap<>();
        List<Component> blocks = new ArrayList<>();
        int room = limit;
        int total = 0;
        for (TimelineEntries.Group group : wanted) {
            total += group.entries().size();
            if (room == 0) {
                continue;
            }
            List<TimelineEntries.Entry> entries = group.entries().subList(0, Math.min(room, group.entries().size()));
            room -= entries.size();
            List<Component> lines = new ArrayList<>();
            for (TimelineEntries.Entry entry : entries) {
                Built line = lineFor(entry, editOf);
                keptLines.put(key(entry), line);
                lines.add(line.line());
            }
            // a group is known by its prompt and its oldest line, which new lines (on top) never change
            String groupKey = group.prompt() + "|" + key(group.entries().getLast());
            Div block = groups.get(groupKey);
            if (block == null) {
                block = new Div(TimelineLine.heading(group));
                block.addClassName("timeline-group");
            }
            Children.sync(block, 1, lines);
            keptGroups.put(groupKey, block);
            blocks.add(block);
        }
        if (total > limit) {
            earlier.setText("Show earlier (" + (total - limit) + " more)");
            blocks.add(earlier);
        }
        built = keptLines;
        groups = keptGroups;
        Children.sync(this, 0, blocks);
    }

    /** Says there is nothing to show, instead of lines. */
    void showEmpty(String message) {
        built = new HashMap<>();
        groups = new HashMap<>();
        empty.setText(message);
        Children.sync(this, 0, List.of(empty));
    }

    /**
     * Updates a shown note's text where it stands, as its writer types; false when the note is not
     * on screen or changed more than its text (the caller shows everything again).
     */
    boolean updateText(Note note) {
        String key = key(note);
        Built line = built.get(key);
        if (line == null || !(line.shown() instanceof Note before) || !sameLine(before, note) || line.body() == null) {
            return false;
        }
        line.body().setText(note.text());
        built.put(key, new Built(note, line.editable(), line.line(), line.body()));
        return true;
    }

    private Built lineFor(TimelineEntries.Entry entry, Function<Note, @Nullable Runnable> editOf) {
        Built before = built.get(key(entry));
        if (entry.note() != null) {
            Note note = entry.note();
            Runnable edit = editOf.apply(note);
            boolean editable = edit != null;
            if (before != null && before.shown() instanceof Note shown && before.editable() == editable
                    && sameLine(shown, note) && before.body() != null) {
                if (!shown.text().equals(note.text())) {
                    before.body().setText(note.text());
                }
                return new Built(note, editable, before.line(), before.body());
            }
            var body = new Div();
            return new Built(note, editable, TimelineLine.note(note, body, edit), body);
        }
        TagMark tag = Objects.requireNonNull(entry.tag());
        if (before != null && tag.equals(before.shown())) {
            return before;
        }
        return new Built(tag, false, TimelineLine.tag(tag), null);
    }

    /** Whether a note's line can stay, with at most its text changed. */
    private static boolean sameLine(Note before, Note now) {
        return before.isPrivate() == now.isPrivate() && before.authorName().equals(now.authorName())
                && before.offset().equals(now.offset());
    }

    private static String key(TimelineEntries.Entry entry) {
        return entry.note() != null ? key(entry.note()) : "t" + Objects.requireNonNull(entry.tag()).seq();
    }

    private static String key(Note note) {
        return "n" + note.id();
    }
}
