package io.mockpanel.panel.ui;

import io.mockpanel.panel.Note;
import io.mockpanel.panel.PromptRef;
import io.mockpanel.panel.TagMark;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The timeline's lines in the order shown: newest first (by time into the session), filtered by
 * kind, and cut into groups of consecutive lines stamped with the same prompt, so each prompt's
 * path is written once per group.
 */
final class TimelineEntries {

    /** Which lines the timeline shows. */
    enum Filter {
        ALL("All"), NOTES("Notes"), TAGS("Tags"), PRIVATE("Private");

        final String label;

        Filter(String label) {
            this.label = label;
        }

        boolean accepts(Entry entry) {
            return switch (this) {
                case ALL -> true;
                case NOTES -> entry.note() != null;
                case TAGS -> entry.tag() != null;
                case PRIVATE -> entry.note() != null && entry.note().isPrivate();
            };
        }
    }

    /** One line: a note or a tag (exactly one of the two). */
    record Entry(Duration offset, Instant at, long tieBreak, @Nullable PromptRef prompt, @Nullable String promptLabel,
            @Nullable Note note, @Nullable TagMark tag) {

        static Entry of(Note note) {
            return new Entry(note.offset(), note.createdAt(), note.id(), note.prompt(), note.promptLabel(), note, null);
        }

        static Entry of(TagMark tag) {
            return new Entry(tag.offset(), tag.at(), tag.seq(), tag.prompt(), tag.promptLabel(), null, tag);
        }
    }

    /** Consecutive lines under one prompt; {@code promptLabel} null before the first prompt or for one no longer on the agenda. */
    record Group(@Nullable PromptRef prompt, @Nullable String promptLabel, List<Entry> entries) {
    }

    private static final Comparator<Entry> NEWEST_FIRST = Comparator.comparing(Entry::offset)
            .thenComparing(Entry::at)
            .thenComparingLong(Entry::tieBreak)
            .reversed();

    private TimelineEntries() {
    }

    static List<Group> group(Collection<Note> notes, Collection<TagMark> tags, Filter filter) {
        List<Entry> entries = new ArrayList<>();
        notes.forEach(note -> entries.add(Entry.of(note)));
        tags.forEach(tag -> entries.add(Entry.of(tag)));
        List<Entry> shown = entries.stream().filter(filter::accepts).sorted(NEWEST_FIRST).toList();
        List<Group> groups = new ArrayList<>();
        List<Entry> current = new ArrayList<>();
        for (Entry entry : shown) {
            if (!current.isEmpty() && !samePrompt(current.getFirst(), entry)) {
                groups.add(groupOf(current));
                current = new ArrayList<>();
            }
            current.add(entry);
        }
        if (!current.isEmpty()) {
            groups.add(groupOf(current));
        }
        return groups;
    }

    private static boolean samePrompt(Entry a, Entry b) {
        return Objects.equals(a.prompt(), b.prompt());
    }

    private static Group groupOf(List<Entry> entries) {
        Entry first = entries.getFirst();
        return new Group(first.prompt(), first.promptLabel(), List.copyOf(entries));
    }
}
