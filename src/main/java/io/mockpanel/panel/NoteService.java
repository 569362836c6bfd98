package io.mockpanel.panel;

import io.mockpanel.panel.SessionEvents.TagAdded;
import io.mockpanel.scenario.ScenarioContent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Panelists' notes and quick tags during a session. The lead and panelists write; every member
 * (observing coaches too) reads, except private notes, which only their author ever gets back.
 * Each save or tag is one transaction: the change and its event in the session's log.
 *
 * <p>Events carry no note text (NOTE_SAVED: note id, author, private flag), so nothing in the log
 * reveals what a note says, private or not.
 */
@Service
public class NoteService {

    /** The longest note, in characters (Unicode code points, so an emoji counts once). */
    public static final int MAX_LENGTH = 20_000;

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
        log.append(sessionId, new SessionEvents.NoteSaved(id, me, isPrivate), me);
        return find(sessionId, id, me).orElseThrow();
    }

    /** The notes the caller may see in the session (everyone's shared ones and their own), newest first. */
    @PreAuthorize(PanelSessionService.MEMBERS_ROLES)
    @Transactional(readOnly = true)
    public List<Note> notes(long sessionId) {
        sessions.requireMember(sessionId);
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
        Instant now = clock.instant();
        SessionEvent event = log.append(sessionId,
                new TagAdded(tag.name(), live.offset(now).toMillis(), live.current().orElse(null)), me);
        return readTags(sessionId, event.seq()).getFirst();
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
                .query((rs, row) -> tagMark(rs, agenda))
                .list().stream().flatMap(Optional::stream).toList();
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

    private Optional<TagMark> tagMark(ResultSet rs, List<ScenarioContent> agenda) throws SQLException {
        TagAdded payload = json.readValue(rs.getString("payload"), TagAdded.class);
        QuickTag tag;
        try {
            tag = QuickTag.valueOf(payload.tag());
        } catch (IllegalArgumentException retired) {
            return Optional.empty();
        }
        return Optional.of(new TagMark(rs.getLong("seq"), rs.getString("actor"), rs.getString("display_name"), tag,
                Duration.ofMillis(payload.offsetMs()), payload.prompt(), label(payload.prompt(), agenda),
                instant(rs, "created_at")));
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
