package io.mockpanel.review;

import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.panel.PromptRef;
import io.mockpanel.scenario.ScenarioContent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reads behind coaching notes, each one statement, the notes labelled with the item that was on
 * screen. Checks no roles: {@link CoachingNoteService} decides who reads what and passes it in.
 */
@Component
class CoachingNoteRows {

    private static final String COLUMNS = """
            n.id, n.session_id, n.author, coalesce(a.display_name, n.author) as display_name, n.text, n.offset_ms,
            n.prompt::text as prompt, n.shared_with_panel, n.created_at, n.updated_at, n.version""";
    /** Moment order: pinned notes by their moment, then the ones pinned to none, each by when written. */
    private static final String ORDER = " order by n.offset_ms asc nulls last, n.created_at, n.id";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final PanelSessionService sessions;

    CoachingNoteRows(JdbcClient jdbc, JsonMapper json, PanelSessionService sessions) {
        this.jdbc = jdbc;
        this.json = json;
        this.sessions = sessions;
    }

    /** The session's notes in moment order: all of them, or with {@code all} false the shared ones. */
    List<CoachingNote> ofSession(long sessionId, Reviewer me, boolean all) {
        return labelled(sessionId, me, jdbc.sql("select " + COLUMNS + """
                 from coaching_note n left join user_account a on a.username = n.author
                where n.session_id = ? and (? or n.shared_with_panel)""" + ORDER)
                .params(sessionId, all)
                .query((rs, row) -> note(rs, me.username()))
                .list());
    }

    /** The notes with these ids: all, or with {@code all} false the shared ones when the reader sits on the panel. */
    List<CoachingNote> withIds(long sessionId, Collection<Long> noteIds, Reviewer me, boolean all) {
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

    Optional<CoachingNote> find(long sessionId, long noteId, Reviewer me) {
        return labelled(sessionId, me, jdbc.sql("select " + COLUMNS + """
                 from coaching_note n left join user_account a on a.username = n.author
                where n.id = ? and n.session_id = ?""")
                .params(noteId, sessionId)
                .query((rs, row) -> note(rs, me.username()))
                .list()).stream().findFirst();
    }

    /** Coaches and admins may read any session's agenda; the panel reads it as members. */
    List<ScenarioContent> agenda(long sessionId, Reviewer me) {
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

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
