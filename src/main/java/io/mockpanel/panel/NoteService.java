package io.mockpanel.panel;

import io.mockpanel.panel.SessionEvents.NoteSaved;
import io.mockpanel.panel.SessionEvents.TagAdded;
import io.mockpanel.scenario.ScenarioContent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
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

    private static final String NOTE_COLUMNS = """
            n.id, n.author, a.display_name, n.private, n.text, n.offset_ms, n.prompt::text as prompt,
            n.created_at, n.updated_at, n.version""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final PanelSessionService sessions;
    private final SessionEventLog log;
    private final SessionTimeline timeline;
    private final RateLimits rateLimits;
    private final NoteAnnouncements announcements = new NoteAnnouncements();

    NoteService(JdbcClient jdbc, JsonMapper json, Clock clock, PanelSessionService sessions, SessionEventLog log,
            SessionTimeline timeline, RateLimits rateLimits) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.sessions = sessions;
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
        sessions.requirePanelist(sessionId);
        String me = PanelSessionService.me();
        rateLimits.acquire(RateLimits.Limit.NOTE_SAVE, me + ":" + sessionId, "Notes were saved too often.");
        String clean = clean(text);
        Instant now = clock.instant();
        long id;
        if (noteId == null) {
            if (clean.isBlank()) {
                throw new SessionException("Write something first: an empty note is not saved.");
            }
            LiveSession live = timeline.loadWithoutAccessCheck(sessionId);
            String prompt = live.current().map(json::writeValueAsString).orElse(null);
            id = jdbc.sql("insert into session_note (session_id, author, private, text, offset_ms, prompt, "
                            + "created_at, updated_at, version) values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, 0) "
                            + "returning id")
                    .params(sessionId, me, isPrivate, clean, live.offset(now).toMillis(), prompt, at(now), at(now))
                    .query(Long.class).single();
        } else {
            int changed = jdbc.sql("update session_note set text = ?, private = ?, updated_at = ?, "
                            + "version = version + 1 where id = ? and session_id = ? and author = ? and version = ?")
                    .params(clean, isPrivate, at(now), noteId, sessionId, me, expectedVersion)
                    .update();
            if (changed == 0) {
                Note current = find(sessionId, noteId, me)
                        .filter(note -> note.author().equals(me))
                        .orElseThrow(() -> new SessionException("That note is not one of yours in this session."));
                throw new NoteConflictException(current);
            }
            id = noteId;
        }
        Note saved = find(sessionId, id, me).orElseThrow();
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
        return find(sessionId, noteId, me).filter(note -> note.author().equals(me));
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
        List<ScenarioContent> agenda = sessions.agenda(sessionId);
        return jdbc.sql("select " + NOTE_COLUMNS + """
                 from session_note n join user_account a on a.username = n.author
                where n.session_id = :session and n.id in (:ids) and (not n.private or n.author = :me)
                  and exists (select 1 from session_member m where m.session_id = n.session_id and m.username = :me)
                order by n.created_at desc, n.id desc""")
                .param("session", sessionId)
                .param("ids", List.copyOf(noteIds))
                .param("me", PanelSessionService.me())
                .query((rs, row) -> note(rs, agenda))
                .list();
    }

    /** The notes (as {@link #notes}) and the tags of the session, with one membership check. */
    @PreAuthorize(PanelSessionService.MEMBERS_ROLES)
    @Transactional(readOnly = true)
    public SessionNotes sessionNotes(long sessionId) {
        sessions.requireMember(sessionId);
        return new SessionNotes(readNotes(sessionId), readTags(sessionId, 0));
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
        return tagMark(event.seq(), event.actor(), null, event.payload(), event.at(),
                sessions.agenda(event.sessionId()));
    }

    /** The notes the caller may see in the session (everyone's shared ones and their own), newest first. */
    @PreAuthorize(PanelSessionService.MEMBERS_ROLES)
    @Transactional(readOnly = true)
    public List<Note> notes(long sessionId) {
        sessions.requireMember(sessionId);
        return readNotes(sessionId);
    }

    private List<Note> readNotes(long sessionId) {
        List<ScenarioContent> agenda = sessions.agenda(sessionId);
        return jdbc.sql("select " + NOTE_COLUMNS + """
                 from session_note n join user_account a on a.username = n.author
                where n.session_id = ? and (not n.private or n.author = ?)
                order by n.created_at desc, n.id desc""")
                .params(sessionId, PanelSessionService.me())
                .query((rs, row) -> note(rs, agenda))
                .list();
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
                label(payload.prompt(), sessions.agenda(sessionId)), event.at());
    }

    /** Every quick tag of the session, newest first. */
    @PreAuthorize(PanelSessionService.MEMBERS_ROLES)
    @Transactional(readOnly = true)
    public List<TagMark> tags(long sessionId) {
        sessions.requireMember(sessionId);
        return readTags(sessionId, 0);
    }

    /** Whether the caller may write notes and tags here (the lead and panelists; not observers). */
    @PreAuthorize(PanelSessionService.MEMBERS_ROLES)
    @Transactional(readOnly = true)
    public boolean canWrite(long sessionId) {
        return sessions.requireMember(sessionId) != SessionRole.OBSERVER;
    }

    // --- internals ---------------------------------------------------------------------------------

    /** The session's tags, newest first; only the one with that number when {@code seq} is positive. */
    private List<TagMark> readTags(long sessionId, long seq) {
        List<ScenarioContent> agenda = sessions.agenda(sessionId);
        return jdbc.sql("""
                select e.seq, e.actor, coalesce(a.display_name, e.actor) as display_name, e.payload::text as payload,
                       e.created_at
                  from session_event e left join user_account a on a.username = e.actor
                 where e.session_id = ? and e.type = ? and (? <= 0 or e.seq = ?)
                 order by e.seq desc""")
                .params(sessionId, TagAdded.TYPE, seq, seq)
                .query((rs, row) -> tagMark(rs.getLong("seq"), rs.getString("actor"), rs.getString("display_name"),
                        rs.getString("payload"), instant(rs, "created_at"), agenda))
                .list().stream().flatMap(Optional::stream).toList();
    }

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

    /** One note if {@code viewer} may see it. */
    private Optional<Note> find(long sessionId, long noteId, String viewer) {
        List<ScenarioContent> agenda = sessions.agenda(sessionId);
        return jdbc.sql("select " + NOTE_COLUMNS + """
                 from session_note n join user_account a on a.username = n.author
                where n.id = ? and n.session_id = ? and (not n.private or n.author = ?)""")
                .params(noteId, sessionId, viewer)
                .query((rs, row) -> note(rs, agenda))
                .optional();
    }

    private Note note(ResultSet rs, List<ScenarioContent> agenda) throws SQLException {
        String promptJson = rs.getString("prompt");
        PromptRef prompt = promptJson == null ? null : json.readValue(promptJson, PromptRef.class);
        return new Note(rs.getLong("id"), rs.getString("author"), rs.getString("display_name"),
                rs.getBoolean("private"), rs.getString("text"), Duration.ofMillis(rs.getLong("offset_ms")), prompt,
                label(prompt, agenda), instant(rs, "created_at"), instant(rs, "updated_at"), rs.getLong("version"));
    }

    /** {@code authorName}: the account's name now; null to take the one the event recorded. */
    private Optional<TagMark> tagMark(long seq, String actor, @Nullable String authorName, String payloadJson,
            Instant at, List<ScenarioContent> agenda) {
        TagAdded payload = json.readValue(payloadJson, TagAdded.class);
        QuickTag tag;
        try {
            tag = QuickTag.valueOf(payload.tag());
        } catch (IllegalArgumentException retired) {
            return Optional.empty();
        }
        String name = authorName != null ? authorName : payload.authorName() != null ? payload.authorName() : actor;
        return Optional.of(new TagMark(seq, actor, name, tag, Duration.ofMillis(payload.offsetMs()), payload.prompt(),
                label(payload.prompt(), agenda), at));
    }

    private static @Nullable String label(@Nullable PromptRef prompt, List<ScenarioContent> agenda) {
        if (prompt == null || !prompt.existsIn(agenda)) {
            return null;
        }
        return prompt.label(agenda);
    }

    /**
     * Removes NUL characters (PostgreSQL cannot store them), replaces unpaired surrogates (not
     * encodable as UTF-8) with U+FFFD and enforces the length; everything else is kept exactly.
     */
    static String clean(@Nullable String text) {
        String value = text == null ? "" : text.replace("\0", "");
        StringBuilder repaired = null;
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            int width = Character.charCount(codePoint);
            if (Character.isSurrogate((char) codePoint) && width == 1) {
                if (repaired == null) {
                    repaired = new StringBuilder(value.length()).append(value, 0, i);
                }
                repaired.append('\uFFFD');
            } else if (repaired != null) {
                repaired.appendCodePoint(codePoint);
            }
            i += width;
        }
        String result = repaired == null ? value : repaired.toString();
        int length = result.codePointCount(0, result.length());
        if (length > MAX_LENGTH) {
            throw new SessionException("A note holds at most " + grouped(MAX_LENGTH) + " characters; this one has "
                    + grouped(length) + ". Shorten it to save it: nothing was saved.");
        }
        return result;
    }

    /** 20000 → "20 000". */
    static String grouped(int number) {
        return String.format(Locale.ROOT, "%,d", number).replace(',', ' ');
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
