package io.mockpanel.review;

import io.mockpanel.panel.LiveSession;
import io.mockpanel.panel.NoteText;
import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.panel.PromptRef;
import io.mockpanel.panel.SessionEvent;
import io.mockpanel.panel.SessionEventLog;
import io.mockpanel.panel.SessionEvents.CoachingNoteDeleted;
import io.mockpanel.panel.SessionEvents.CoachingNoteSaved;
import io.mockpanel.panel.SessionException;
import io.mockpanel.panel.SessionRole;
import io.mockpanel.panel.SessionState;
import io.mockpanel.panel.SessionTimeline;
import io.mockpanel.scenario.ScenarioContent;
import io.mockpanel.security.AppRoles;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Coaching notes: a coach's observations on a session, the raw material of feedback. While the
 * session is live its observing coaches write them, stamped like panel notes (time since the start,
 * the item on the candidate's screen); once it has ended any coach may add notes, pinned to a moment
 * they pick or to none. Authors edit and delete their own (optimistic version).
 *
 * <p>Who reads them: coaches and admins always; the session's lead and panelists only the notes
 * shared with the panel; nobody else, and never the candidate. {@link ReviewAccess} decides who
 * sees the session at all. Every change is one transaction with its event in the session's log
 * (COACHING_NOTE_SAVED/DELETED), which carries the note's id and shared flag, never its text.
 */
@Service
public class CoachingNoteService {

    /** The longest coaching note, in characters (as the panel's notes). */
    public static final int MAX_LENGTH = io.mockpanel.panel.NoteService.MAX_LENGTH;

    static final String WRITERS = "hasRole('" + AppRoles.COACH + "')";
    static final String READERS = "hasAnyRole('" + AppRoles.COACH + "','" + AppRoles.ADMIN + "','"
            + AppRoles.INTERVIEWER + "')";

    private static final String COLUMNS = """
            n.id, n.session_id, n.author, coalesce(a.display_name, n.author) as display_name, n.text, n.offset_ms,
            n.prompt::text as prompt, n.shared_with_panel, n.created_at, n.updated_at, n.version""";
    /** Moment order: pinned notes by their moment, then the ones pinned to none, each by when written. */
    private static final String ORDER = " order by n.offset_ms asc nulls last, n.created_at, n.id";

    /** An item pushed to the candidate, as a moment a note can be pinned to. */
    public record PushedMoment(Duration offset, PromptRef prompt, String label) {
    }

    /**
     * What the signed-in user can write on a session, and the moments to pin to.
     *
     * @param cannotWrite why not, when a coach cannot write now; null when they can, and for the
     *                    panel and admins, who only read
     * @param stamped     notes are stamped with now (the session is live), not pinned
     * @param length      how long the session ran; null unless it started and ended
     */
    public record Composer(boolean canWrite, @Nullable String cannotWrite, boolean stamped,
            @Nullable Duration length, List<PushedMoment> pushed) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final ReviewAccess access;
    private final SessionTimeline timeline;
    private final PanelSessionService sessions;
    private final SessionEventLog log;

    CoachingNoteService(JdbcClient jdbc, JsonMapper json, Clock clock, ReviewAccess access, SessionTimeline timeline,
            PanelSessionService sessions, SessionEventLog log) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.access = access;
        this.timeline = timeline;
        this.sessions = sessions;
        this.log = log;
    }

    /**
     * Writes a coaching note. While the session is live (observing coaches only) it is stamped with
     * the time since the start and the item on screen now, and {@code pin} is not used; after the
     * session (any coach) it is pinned to {@code pin} — a moment within the session, with the item
     * that was on screen then — or to none when {@code pin} is null.
     *
     * @throws ReviewException for an empty or too long text, a session that has not started, a
     *                         coach who does not observe a live session, or a moment outside the session
     */
    @PreAuthorize(WRITERS)
    @Transactional
    public CoachingNote write(long sessionId, String text, boolean shared, @Nullable Duration pin) {
        Reviewer me = writer(sessionId);
        String clean = clean(text);
        LiveSession live = timeline.replayForCoaches(sessionId);
        Instant now = clock.instant();
        @Nullable Duration offset;
        @Nullable PromptRef prompt;
        String refusal = refusal(me, live);
        if (refusal != null) {
            throw new ReviewException(refusal);
        }
        if (live.state() == SessionState.LIVE) {
            LiveSession.Stamp stamp = live.stamp(now);
            offset = stamp.offset();
            prompt = stamp.prompt();
        } else if (pin == null) {
            offset = null;
            prompt = null;
        } else {
            offset = checkedPin(live, pin);
            prompt = live.onScreenAt(offset).orElse(null);
        }
        long id = jdbc.sql("""
                insert into coaching_note (session_id, author, text, offset_ms, prompt, shared_with_panel,
                                           created_at, updated_at, version)
                values (?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, 0) returning id""")
                .params(sessionId, me.username(), clean, offset == null ? null : offset.toMillis(),
                        prompt == null ? null : json.writeValueAsString(prompt), shared, at(now), at(now))
                .query(Long.class).single();
        log.append(sessionId, new CoachingNoteSaved(id, me.username(), shared, 0), me.username());
        return find(sessionId, id, me).orElseThrow();
    }

    /**
     * Changes the text and the shared flag of one of the caller's notes, if it is still at
     * {@code expectedVersion}; its moment stays.
     *
     * @throws CoachingNoteConflictException when it changed or was deleted meanwhile; nothing is written
     */
    @PreAuthorize(WRITERS)
    @Transactional
    public CoachingNote edit(long sessionId, long noteId, long expectedVersion, String text, boolean shared) {
        Reviewer me = writer(sessionId);
        String clean = clean(text);
        int changed = jdbc.sql("""
                update coaching_note set text = ?, shared_with_panel = ?, updated_at = ?, version = version + 1
                 where id = ? and session_id = ? and author = ? and version = ?""")
                .params(clean, shared, at(clock.instant()), noteId, sessionId, me.username(), expectedVersion)
                .update();
        if (changed == 0) {
            throw conflict(sessionId, noteId, me, "saved");
        }
        CoachingNote saved = find(sessionId, noteId, me).orElseThrow();
        log.append(sessionId, new CoachingNoteSaved(noteId, me.username(), shared, saved.version()), me.username());
        return saved;
    }

    /**
     * Deletes one of the caller's notes, if it is still at {@code expectedVersion}.
     *
     * @throws CoachingNoteConflictException when it changed or was deleted meanwhile; nothing is deleted
     */
    @PreAuthorize(WRITERS)
    @Transactional
    public void delete(long sessionId, long noteId, long expectedVersion) {
        Reviewer me = writer(sessionId);
        Boolean shared = jdbc.sql("""
                delete from coaching_note where id = ? and session_id = ? and author = ? and version = ?
                returning shared_with_panel""")
                .params(noteId, sessionId, me.username(), expectedVersion)
                .query(Boolean.class).optional().orElse(null);
        if (shared == null) {
            throw conflict(sessionId, noteId, me, "deleted");
        }
        log.append(sessionId, new CoachingNoteDeleted(noteId, me.username(), shared), me.username());
    }

    /** The session's coaching notes the caller may read, in moment order (see the class comment). */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<CoachingNote> notes(long sessionId) {
        Reviewer me = access.readerOf(sessionId);
        boolean all = me.isCoach() || me.isAdmin();
        if (!all && !me.scored()) {
            return List.of();
        }
        return labelled(sessionId, me, jdbc.sql("select " + COLUMNS + """
                 from coaching_note n left join user_account a on a.username = n.author
                where n.session_id = ? and (? or n.shared_with_panel)""" + ORDER)
                .params(sessionId, all)
                .query((rs, row) -> note(rs, me.username()))
                .list());
    }

    /**
     * The notes with these ids that the caller may read, in ONE statement, for a console catching up
     * on coaching-note events (whose membership the console checked when it opened): coaches and
     * admins every one; the session's lead and panelists the shared ones; nobody else any.
     */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<CoachingNote> visibleNotes(long sessionId, Collection<Long> noteIds) {
        if (noteIds.isEmpty()) {
            return List.of();
        }
        Reviewer me = access.me();
        boolean all = me.isCoach() || me.isAdmin();
        return labelled(sessionId, me, jdbc.sql("select " + COLUMNS + """
                 from coaching_note n left join user_account a on a.username = n.author
                where n.session_id = :session and n.id in (:ids)
                  and (:all or n.shared_with_panel and exists (select 1 from session_member m
                        where m.session_id = n.session_id and m.username = :me and m.role in ('LEAD', 'PANELIST')))"""
                + ORDER)
                .param("session", sessionId)
                .param("ids", List.copyOf(noteIds))
                .param("all", all)
                .param("me", me.username())
                .query((rs, row) -> note(rs, me.username()))
                .list());
    }

    /** Whether the caller may write here now, and the moments a note written after the session can pin to. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Composer composer(long sessionId) {
        Reviewer me = access.readerOf(sessionId);
        if (!me.isCoach()) {
            return new Composer(false, null, false, null, List.of());
        }
        LiveSession live = timeline.replayForCoaches(sessionId);
        List<ScenarioContent> agenda = agenda(sessionId, me);
        List<PushedMoment> pushed = live.startedAt().map(start -> live.pushed().stream()
                .filter(push -> push.ref().existsIn(agenda))
                .map(push -> new PushedMoment(Duration.between(start, push.at()), push.ref(), push.ref().label(agenda)))
                .toList()).orElse(List.of());
        String refusal = refusal(me, live);
        return new Composer(refusal == null, refusal, live.state() == SessionState.LIVE, live.length().orElse(null),
                pushed);
    }

    /** A coaching-note event's note id, shared flag and version (-1 for a deletion); empty for other events. Reads nothing. */
    public Optional<Change> change(SessionEvent event) {
        return switch (event.decode()) {
            case CoachingNoteSaved saved -> Optional.of(new Change(saved.noteId(), saved.shared(), saved.version()));
            case CoachingNoteDeleted deleted -> Optional.of(new Change(deleted.noteId(), deleted.shared(), -1));
            default -> Optional.empty();
        };
    }

    /** What a coaching-note event says: which note, whether the panel may see it, its version (-1: deleted). */
    public record Change(long noteId, boolean shared, long version) {

        public boolean deleted() {
            return version < 0;
        }
    }

    // --- internals ---------------------------------------------------------------------------------

    /** The caller as a coach who may see the session; an interviewer or admin is refused with a message. */
    private Reviewer writer(long sessionId) {
        Reviewer me = access.readerOf(sessionId);
        if (!me.isCoach()) {
            throw new ReviewException("Only coaches write coaching notes.");
        }
        return me;
    }

    /** Why this coach cannot write on the session in its state now; null when they can. */
    private static @Nullable String refusal(Reviewer me, LiveSession live) {
        return switch (live.state()) {
            case SCHEDULED -> "Coaching notes begin when the session starts; this one has not started yet.";
            case LIVE -> me.seat() == SessionRole.OBSERVER ? null
                    : "While the session is live only its observing coaches write coaching notes; "
                    + "you can add yours once it has ended.";
            case COMPLETED, CANCELLED -> null;
        };
    }

    private static Duration checkedPin(LiveSession live, Duration pin) {
        Duration length = live.length().orElseThrow(() -> new ReviewException(
                "This session never started, so there is no moment to pin the note to: save it without one."));
        if (pin.isNegative() || pin.compareTo(length) > 0) {
            throw new ReviewException("Pick a moment between 00:00 and " + Moments.format(length)
                    + " (the session ran for " + Moments.format(length) + "), or save the note without one.");
        }
        return pin;
    }

    private static String clean(String text) {
        String clean;
        try {
            clean = NoteText.clean(text);
        } catch (SessionException tooLong) {
            throw new ReviewException("A coaching note holds at most " + NoteText.grouped(MAX_LENGTH)
                    + " characters; this one has " + NoteText.grouped(text.codePointCount(0, text.length()))
                    + ". Shorten it to save it: nothing was saved.");
        }
        if (clean.isBlank()) {
            throw new ReviewException("Write something first: an empty coaching note is not saved.");
        }
        return clean;
    }

    private CoachingNoteConflictException conflict(long sessionId, long noteId, Reviewer me, String action) {
        Optional<CoachingNote> current = find(sessionId, noteId, me);
        if (current.isPresent() && !current.get().mine()) {
            throw new ReviewException("That coaching note is not yours: only its author can change it.");
        }
        return current.<CoachingNoteConflictException>map(note -> new CoachingNoteConflictException(
                        "This note was changed elsewhere (another tab or window) since you opened it, so yours was not "
                                + action + ". Your text is still here: load the saved version, or copy yours first.",
                        current))
                .orElseGet(() -> new CoachingNoteConflictException("This note was deleted elsewhere, so yours was not "
                        + action + ". Your text is still here: save it as a new note to keep it.", Optional.empty()));
    }

    private Optional<CoachingNote> find(long sessionId, long noteId, Reviewer me) {
        return labelled(sessionId, me, jdbc.sql("select " + COLUMNS + """
                 from coaching_note n left join user_account a on a.username = n.author
                where n.id = ? and n.session_id = ?""")
                .params(noteId, sessionId)
                .query((rs, row) -> note(rs, me.username()))
                .list()).stream().findFirst();
    }

    /** Coaches and admins may read any session's agenda; the panel reads it as members. */
    private List<ScenarioContent> agenda(long sessionId, Reviewer me) {
        return me.isCoach() || me.isAdmin() ? sessions.agendaForCoaches(sessionId) : sessions.agendaOf(sessionId);
    }

    /** The notes with their prompts' labels; reads the agenda (cached per node) only when a note has a prompt. */
    private List<CoachingNote> labelled(long sessionId, Reviewer me, List<CoachingNote> notes) {
        if (notes.stream().allMatch(note -> note.prompt() == null)) {
            return notes;
        }
        List<ScenarioContent> agenda = agenda(sessionId, me);
        return notes.stream().map(note -> note.prompt() == null ? note : new CoachingNote(note.id(), note.sessionId(),
                note.author(), note.authorName(), note.text(), note.offset(), note.prompt(),
                label(note.prompt(), agenda), note.shared(), note.createdAt(), note.updatedAt(), note.version(),
                note.mine())).toList();
    }

    private CoachingNote note(ResultSet rs, String me) throws SQLException {
        String promptJson = rs.getString("prompt");
        PromptRef prompt = promptJson == null ? null : json.readValue(promptJson, PromptRef.class);
        long offsetMs = rs.getLong("offset_ms");
        Duration offset = rs.wasNull() ? null : Duration.ofMillis(offsetMs);
        String author = rs.getString("author");
        return new CoachingNote(rs.getLong("id"), rs.getLong("session_id"), author, rs.getString("display_name"),
                rs.getString("text"), offset, prompt, null,
                rs.getBoolean("shared_with_panel"), instant(rs, "created_at"), instant(rs, "updated_at"),
                rs.getLong("version"), author.equals(me));
    }

    private static @Nullable String label(PromptRef prompt, List<ScenarioContent> agenda) {
        return prompt.existsIn(agenda) ? prompt.label(agenda) : null;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
