package io.mockpanel.panel.ui;

import io.mockpanel.panel.NoteService;
import io.mockpanel.panel.SessionRole;
import org.jspecify.annotations.Nullable;

/**
 * The notes parts of one console, wired to each other, for a console that places them apart
 * (the composer and quick tags in one region, the timeline in another): what the composer saves
 * and the tags the bar adds show in the timeline at once, and "Edit" in the timeline loads the
 * note into the composer. Each part follows the console's {@link LiveFeed} itself.
 *
 * @param composer null for an observer
 * @param tags     null for an observer
 */
public record NotesParts(@Nullable NoteComposer composer, @Nullable QuickTagBar tags, NotesTimeline timeline) {

    /** The parts for a member with this role in the session (observers get the timeline only). */
    public static NotesParts of(LiveFeed feed, NoteService notes, SessionRole role) {
        return of(feed, notes, role != SessionRole.OBSERVER);
    }

    static NotesParts of(LiveFeed feed, NoteService notes, boolean canWrite) {
        var timeline = new NotesTimeline(feed, notes, canWrite);
        if (!canWrite) {
            return new NotesParts(null, null, timeline);
        }
        var composer = new NoteComposer(feed, notes);
        var tags = new QuickTagBar(feed, notes);
        composer.onSaved(timeline::show);
        tags.onTagged(timeline::show);
        timeline.onEdit(composer::edit);
        return new NotesParts(composer, tags, timeline);
    }
}
