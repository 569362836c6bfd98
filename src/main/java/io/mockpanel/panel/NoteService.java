package io.mockpanel.panel;

import io.mockpanel.panel.SessionEvents.NoteSaved;
import io.mockpanel.panel.SessionEvents.TagAdded;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Panelists' notes and quick tags during a session. The lead and panelists write; every member
 * (observing coaches too) reads, except private notes, which only their author ever gets back.
 * Each save or tag is one transaction: the change and its event in the session's log.
 *
 * <p>Events carry no note text (NOTE_SAVED: note id, author, private flag, version), so nothing in
 * the log reveals what a note says, private or not. Not every save is an event: autosave stores
 * the note each time but announces it only when it is created or committed, and while the writer
 * types on at most every few seconds ({@link NoteAnnouncements}, decision 0022).
 */
@Service
@org.springframework.modulith.NamedInterface("api")
public class NoteService {

    /** The longest note, in characters (Unicode code points, so an emoji counts once). */
    public static final int MAX_LENGTH = 20_000;

    /** How a save reaches the other consoles (decision 0022). */
    public enum SaveKind {
        /** While the writer types on: stored at once, announced at most every few seconds. */
        TYPING,
        /** The writer is done for now (left the field, paused, new note, left the page): stored and announced. */
        COMMIT
    }

    /** A stored save, and whether it was announced to the other consoles with a NOTE_SAVED event. */
    public record SavedNote(Note note, boolean announced) {
    }

    /** What a member sees of the session's notes and tags when a console opens, newest first. */
    public record SessionNotes(List<Note> notes, List<TagMark> tags) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final PanelSessionService sessions;
    private final SessionAgendas agendas;
    private final SessionEventLog log;
    private final SessionTimeline timeline;
    private final RateLimits rateLimits;
    private final NoteAnnouncements announcements = new NoteAnnouncements();
    private final NoteRows rows;
    private final PanelMeters meters;

    NoteService(JdbcClient jdbc, JsonMapper json, Clock clock, PanelSessionService sessions, SessionAgendas agendas,
            SessionEventLog log, SessionTimeline timeline, RateLimits rateLimits, NoteRows rows, PanelMeters meters) {
        this.rows = rows;
        this.meters = meters;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.sessions = sessions;
        this.agendas = agendas;
        this.log = log;
        this.timeline = timeline;
        this.rateLimits = rateLimits;
    }

    /**
     * Creates a note ({@code noteId} null), stamped with the offset and the prompt on screen now, or
     * updates one of the caller's own notes if it is still at {@code expectedVersion}. NUL
     * characters are removed; the text is otherwise kept exactly.
     *
     * @throws NoteConflictException when the note was saved in between; nothing is written
     * @throws SessionException      for an observer, a text over {@link #MAX_LENGTH}, an empty new
     *                               note, or a note that is not the caller's in this session
     */
    @PreAuthorize(PanelSessionService.MEMBERS_ROLES)
    @Transactional
    public Note saveNote(long sessionId, @Nullable Long noteId, long expectedVersion, String text, boolean isPrivate) {
        return save(sessionId, noteId, expectedVersion, text, isPrivate, SaveKind.COMMIT).note();
    }

    /**
     * Saves like {@link #saveNote}; a {@link SaveKind#TYPING} save of a note that exists is stored
     * but announced to the other consoles only every few seconds (decision 0022).
     */
    @PreAuthorize(PanelSessionService.MEMBERS_ROLES)
    @Transactional
    public SavedNote save(long sessionId, @Nullable Long noteId, long expectedVersion, String text, boolean isPrivate,
            SaveKind kind) {
        Objects.requireNonNull(kind, "kind");
        meters.noteSaveStarted();
        sessions.requirePanelist(sessionId);
        String me = PanelSessionService.me();
        rateLimits.acquire(RateLimits.Limit.NOTE_SAVE, me + ":" + sessionId, "Notes were saved too often.");
        String clean = NoteText.clean(text);
        Instant now = clock.instant();
        long id;
        if (noteId == null) {
            if (clean.isBlank()) {
                throw new SessionException("Write something first: an empty note is not saved.");
            }
            LiveSession.Stamp stamp = timeline.loadWithoutAccessCheck(sessionId).stamp(now);
            String prompt = stamp.prompt() == null ? null : json.writeValueAsString(stamp.prompt());
            id = jdbc.sql("insert into session_note (session_id, author, private, text, offset_ms, prompt, "
                            + "created_at, updated_at, version) values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, 0) "
                            + "returning id")
                    .params(sessionId, me, isPrivate, clean, stamp.offset().toMillis(), prompt, at(now), at(now))
                    .query(Long.class).single();
        } else {
            int changed = jdbc.sql("update session_note set text = ?, private = ?, updated_at = ?, "
                            + "version = version + 1 where id = ? and session_id = ? and author = ? and version = ?")
                    .params(clean, isPrivate, at(now), noteId, sessionId, me, expectedVersion)
                    .update();
            if (changed == 0) {
                Note current = rows.find(sessionId, noteId, me)
                        .filter(note -> note.author().equals(me))
                        .orElseThrow(() -> new SessionException("That note is not one of yours in this session."));
                throw new NoteConflictException(current);
            }
            id = noteId;
        }
        Note saved = rows.find(sessionId, id, me).orElseThrow();
        boolean announce = announcements.announceSave(id, isPrivate, noteId == null, kind, now);
        if (announce) {
            announce(sessionId, saved.id(), me, saved.isPrivate(), saved.version(), now);
        }
        return new SavedNote(saved, announce);
    }

    /**
     * Announces the caller's note to the other consoles if it has saves they have not heard of
     * (typed since the last announcement); true when it did. Nothing is stored.
     *
     * @throws SessionException for an observer or a note that is not the caller's in this session
     */
    @PreAuthorize(PanelSessionService.MEMBERS_ROLES)
    @Transactional
    public boolean commitNote(long sessionId, long noteId) {
        sessions.requirePanelist(sessionId);
        String me = PanelSessionService.me();
        record Stored(long version, boolean isPrivate) {
        }
        Stored stored = jdbc.sql("select version, private from session_note where id = ? and session_id = ? "
                        + "and author = ?")
                .params(noteId, sessionId, me)
                .query((rs, row) -> new Stored(rs.getLong("version"), rs.getBoolean("private")))
                .optional()
                .orElseThrow(() -> new SessionException("That note is not one of yours in this session."));
        if (!announcements.announceCommit(noteId, stored.version(), stored.isPrivate())) {
            return false;
        }
        announce(sessionId, noteId, me, stored.isPrivate(), stored.version(), clock.instant());
        return true;
    }

    /** The caller's own note, if it is one of theirs in the session. */
    @PreAuthorize(PanelSessionService.MEMBERS_ROLES)
    @Transactional(readOnly = true)
    public Optional<Note> myNote(long sessionId, long noteId) {
        sessions.requireMember(sessionId);
        String me = PanelSessionService.me();
        return rows.find(sessionId, noteId, me).filter(note -> note.author().equals(me));
    }

    /**
     * The notes with these ids that the caller may see, in ONE read, for a console catching up on
     * NOTE_SAVED events: private notes of others never, and nothing for someone who is not (or no
     * longer) a member of the session.
     */
    @PreAuthorize(PanelSessionService.MEMBERS_ROLES)
    @Transactional(readOnly = true)
    public List<Note> visibleNotes(long sessionId, Collection<Long> noteIds) {
        if (noteIds.isEmpty()) {
            return List.of();
        }
        return rows.visibleNotes(sessionId, noteIds, PanelSessionService.me());
    }

    /** The notes (as {@link #notes}) and the tags of the session, with one membership check. */
    @PreAuthorize(PanelSessionService.MEMBERS_ROLES)
    @Transactional(readOnly = true)
    public SessionNotes sessionNotes(long sessionId) {
        sessions.requireMember(sessionId);
        return new SessionNotes(rows.notes(sessionId, PanelSessionService.me()), rows.tags(sessionId));
    }

    /** A NOTE_SAVED event's payload; empty for an event of another type. Reads nothing. */
    public Optional<NoteSaved> noteSaved(SessionEvent event) {
        if (!event.is(NoteSaved.class)) {
            return Optional.empty();
        }
        return Optional.of(event.decode(NoteSaved.class));
    }

    /**
     * The quick tag a TAG_ADDED event added, from the event alone (the agenda, for the prompt's
     * label, is cached per node); empty for another event or a retired tag.
     */
    @PreAuthorize(PanelSessionService.MEMBERS_ROLES)
    public Optional<TagMark> tagOf(SessionEvent event) {
        if (!event.is(TagAdded.class)) {
            return Optional.empty();
        }
        return rows.tagOf(event);
    }

    /** The notes the caller may see in the session (everyone's shared ones and their own), newest first. */
    @PreAuthorize(PanelSessionService.MEMBERS_ROLES)
    @Transactional(readOnly = true)
    public List<Note> notes(long sessionId) {
        sessions.requireMember(sessionId);
        return rows.notes(sessionId, PanelSessionService.me());
    }

    /** The caller's own notes in the session, newest first (private ones included). */
    @PreAuthorize(PanelSessionService.MEMBERS_ROLES)
    @Transactional(readOnly = true)
    public List<Note> myNotes(long sessionId) {
        String me = PanelSessionService.me();
        return notes(sessionId).stream().filter(note -> note.author().equals(me)).toList();
    }

    /** Adds a quick tag, stamped like a note; only while the session is live. */
    @PreAuthorize(PanelSessionService.MEMBERS_ROLES)
    @Transactional
    public TagMark addTag(long sessionId, QuickTag tag) {
        Objects.requireNonNull(tag, "tag");
        sessions.requirePanelist(sessionId);
        LiveSession live = timeline.loadWithoutAccessCheck(sessionId);
        if (live.startedAt().isEmpty() || live.endedAt().isPresent()) {
            throw new SessionException("Quick tags are for a live session: the session has not started or has ended.");
        }
        String me = PanelSessionService.me();
        String myName = jdbc.sql("select display_name from user_account where username = ?").param(me)
                .query(String.class).optional().orElse(me);
        Instant now = clock.instant();
        // The payload carries all a console shows of the tag, so consoles add it without a read.
        var payload = new TagAdded(tag.name(), live.offset(now).toMillis(), live.current().orElse(null), myName);
        SessionEvent event = log.append(sessionId, payload, me);
        return new TagMark(event.seq(), me, myName, tag, Duration.ofMillis(payload.offsetMs()), payload.prompt(),
                rows.label(payload.prompt(), agendas.agenda(sessionId)), event.at());
    }

    /** Every quick tag of the session, newest first. */
    @PreAuthorize(PanelSessionService.MEMBERS_ROLES)
    @Transactional(readOnly = true)
    public List<TagMark> tags(long sessionId) {
        sessions.requireMember(sessionId);
        return rows.tags(sessionId);
    }

    /** Whether the caller may write notes and tags here (the lead and panelists; not observers). */
    @PreAuthorize(PanelSessionService.MEMBERS_ROLES)
    @Transactional(readOnly = true)
    public boolean canWrite(long sessionId) {
        return sessions.requireMember(sessionId) != SessionRole.OBSERVER;
    }

    // --- internals ---------------------------------------------------------------------------------

    private void announce(long sessionId, long noteId, String me, boolean isPrivate, long version, Instant now) {
        log.append(sessionId, new NoteSaved(noteId, me, isPrivate, version), me);
        // Remembered only once it is stored: a rolled-back announcement must be made again.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                announcements.announced(noteId, version, isPrivate, now);
            }
        });
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }


}
