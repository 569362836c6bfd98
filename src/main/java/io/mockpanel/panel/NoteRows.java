package io.mockpanel.panel;

import io.mockpanel.panel.SessionEvents.TagAdded;
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
 * Reads notes and quick tags as a viewer may see them, and turns rows and tag events into
 * {@link Note} and {@link TagMark}. No access checks: {@link NoteService} makes them first.
 */
@Component
class NoteRows {

    private static final String NOTE_COLUMNS = """
            n.id, n.author, a.display_name, n.private, n.text, n.offset_ms, n.prompt::text as prompt,
            n.created_at, n.updated_at, n.version""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final SessionAgendas agendas;

    NoteRows(JdbcClient jdbc, JsonMapper json, SessionAgendas agendas) {
        this.jdbc = jdbc;
        this.json = json;
        this.agendas = agendas;
    }

    /**
     * The notes with these ids that {@code viewer} may see, in one read: private notes of others
     * never, and nothing for someone who is not (or no longer) a member of the session.
     */
    List<Note> visibleNotes(long sessionId, Collection<Long> noteIds, String viewer) {
        if (noteIds.isEmpty()) {
            return List.of();
        }
        List<ScenarioContent> agenda = agendas.agenda(sessionId);
        return jdbc.sql("select " + NOTE_COLUMNS + """
                 from session_note n join user_account a on a.username = n.author
                where n.session_id = :session and n.id in (:ids) and (not n.private or n.author = :me)
                  and exists (select 1 from session_member m where m.session_id = n.session_id and m.username = :me)
                order by n.created_at desc, n.id desc""")
                .param("session", sessionId)
                .param("ids", List.copyOf(noteIds))
                .param("me", viewer)
                .query((rs, row) -> note(rs, agenda))
                .list();
    }

    /** The quick tag a TAG_ADDED event added, from the event alone; empty for a retired tag. */
    Optional<TagMark> tagOf(SessionEvent event) {
        return tagMark(event.seq(), event.actor(), null, event.payload(), event.at(),
                agendas.agenda(event.sessionId()));
    }


    /** The notes {@code viewer} may see in the session (everyone's shared ones and their own), newest first. */
    List<Note> notes(long sessionId, String viewer) {
        List<ScenarioContent> agenda = agendas.agenda(sessionId);
        return jdbc.sql("select " + NOTE_COLUMNS + """
                 from session_note n join user_account a on a.username = n.author
                where n.session_id = ? and (not n.private or n.author = ?)
                order by n.created_at desc, n.id desc""")
                .params(sessionId, viewer)
                .query((rs, row) -> note(rs, agenda))
                .list();
    }


    /** The session's tags, newest first; only the one with that number when {@code seq} is positive. */
    /** Every tag of the session, newest first. */
    List<TagMark> tags(long sessionId) {
        return tags(sessionId, 0);
    }

    private List<TagMark> tags(long sessionId, long seq) {
        List<ScenarioContent> agenda = agendas.agenda(sessionId);
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


    /** One note if {@code viewer} may see it. */
    Optional<Note> find(long sessionId, long noteId, String viewer) {
        List<ScenarioContent> agenda = agendas.agenda(sessionId);
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

    static @Nullable String label(@Nullable PromptRef prompt, List<ScenarioContent> agenda) {
        if (prompt == null || !prompt.existsIn(agenda)) {
            return null;
        }
        return prompt.label(agenda);
    }


    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
