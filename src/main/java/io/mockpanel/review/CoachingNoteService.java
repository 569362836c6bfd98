package io.mockpanel.review;

import io.mockpanel.panel.LiveSession;
import io.mockpanel.panel.PromptRef;
import io.mockpanel.panel.SessionEvent;
import io.mockpanel.panel.SessionEventLog;
import io.mockpanel.panel.SessionEvents.CoachingNoteDeleted;
import io.mockpanel.panel.SessionEvents.CoachingNoteSaved;
import io.mockpanel.panel.SessionState;
import io.mockpanel.panel.SessionTimeline;
import io.mockpanel.scenario.ScenarioContent;
import io.mockpanel.security.AppRoles;
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
    private final SessionEventLog log;
    private final CoachingNoteRows rows;

    CoachingNoteService(JdbcClient jdbc, JsonMapper json, Clock clock, ReviewAccess access, SessionTimeline timeline,
            SessionEventLog log, CoachingNoteRows rows) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.access = access;
        this.timeline = timeline;
        this.log = log;
        this.rows = rows;
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
        String clean = CoachingNoteRules.clean(text);
        LiveSession live = timeline.replayForCoaches(sessionId);
        Instant now = clock.instant();
        @Nullable Duration offset;
        @Nullable PromptRef prompt;
        String refusal = CoachingNoteRules.refusal(me, live);
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
            offset = CoachingNoteRules.checkedPin(live, pin);
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
        return rows.find(sessionId, id, me).orElseThrow();
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
        String clean = CoachingNoteRules.clean(text);
        int changed = jdbc.sql("""
                update coaching_note set text = ?, shared_with_panel = ?, updated_at = ?, version = version + 1
                 where id = ? and session_id = ? and author = ? and version = ?""")
                .params(clean, shared, at(clock.instant()), noteId, sessionId, me.username(), expectedVersion)
                .update();
        if (changed == 0) {
            throw conflict(sessionId, noteId, me, "saved");
        }
        CoachingNote saved = rows.find(sessionId, noteId, me).orElseThrow();
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
        return rows.ofSession(sessionId, me, all);
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
        return rows.withIds(sessionId, noteIds, me, all);
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
        List<ScenarioContent> agenda = rows.agenda(sessionId, me);
        List<PushedMoment> pushed = live.startedAt().map(start -> live.pushed().stream()
                .filter(push -> push.ref().existsIn(agenda))
                .map(push -> new PushedMoment(Duration.between(start, push.at()), push.ref(), push.ref().label(agenda)))
                .toList()).orElse(List.of());
        String refusal = CoachingNoteRules.refusal(me, live);
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

    private CoachingNoteConflictException conflict(long sessionId, long noteId, Reviewer me, String action) {
        Optional<CoachingNote> current = rows.find(sessionId, noteId, me);
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

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
