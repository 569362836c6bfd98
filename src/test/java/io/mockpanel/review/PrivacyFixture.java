package io.mockpanel.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockpanel.panel.CandidateRoomService;
import io.mockpanel.panel.LiveControlService;
import io.mockpanel.panel.NewSession;
import io.mockpanel.panel.NoteService;
import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.panel.PromptRef;
import io.mockpanel.panel.QuickTag;
import io.mockpanel.scenario.ScenarioFilter;
import io.mockpanel.scenario.ScenarioService;
import io.mockpanel.scenario.ScenarioSummary;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A candidate with everything a session can hold about them, written through the real services
 * where they exist (session, join, clarification, notes, tags) and as rows where the review's
 * writers are not built yet (scores, verdict, coaching note, report and its link, self-assessment,
 * feedback). Every text is unique, so a test can look for it anywhere in the database.
 */
@Component
public class PrivacyFixture {

    private final TestPanel testPanel;
    private final PanelSessionService sessions;
    private final ScenarioService scenarios;
    private final NoteService notes;
    private final LiveControlService control;
    private final CandidateRoomService room;
    private final JdbcClient jdbc;

    PrivacyFixture(TestPanel testPanel, PanelSessionService sessions, ScenarioService scenarios, NoteService notes,
            LiveControlService control, CandidateRoomService room, JdbcClient jdbc) {
        this.testPanel = testPanel;
        this.sessions = sessions;
        this.scenarios = scenarios;
        this.notes = notes;
        this.control = control;
        this.room = room;
        this.jdbc = jdbc;
    }

    /** A person: the name and address sessions are created with. */
    public record Person(String name, String email) {

        public static Person random() {
            String surname = letters(9);
            return new Person("Zephyrine " + surname, "zephyrine." + surname.toLowerCase(Locale.ROOT) + "@example.org");
        }
    }

    /**
     * One session and everything in it.
     *
     * @param texts every free text about the person that anonymising must erase
     */
    public record Held(long sessionId, long candidateId, TestPanel.Panel panel, String joinedName, List<String> texts) {
    }

    /** An ended session with every kind of data; the candidate joins under another spelling of their name. */
    public Held ended(Person person) {
        TestPanel.Panel panel = testPanel.scheduled();
        long id = create(panel, person, "Mock panel for " + person.name());
        TestPanel.Panel here = new TestPanel.Panel(id, panel.lead(), panel.panelist(), panel.outsider(), panel.coach());
        TestUsers.as(panel.lead(), "INTERVIEWER", () -> sessions.start(id));
        String joinedName = "Zeph " + letters(7);
        var candidate = testPanel.join(here, joinedName);
        List<String> texts = new ArrayList<>();
        TestUsers.as(panel.lead(), "INTERVIEWER", () -> {
            control.push(id, PromptRef.question(0, 0, 0));
            texts.add(note(id, false));
            notes.addTag(id, QuickTag.TOO_VAGUE);
        });
        TestUsers.as(panel.panelist(), "INTERVIEWER", () -> {
            texts.add(note(id, true));
        });
        var previous = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        TestPanel.signInCandidate(candidate.principal());
        room.requestClarification();
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(previous);
        TestUsers.as(panel.lead(), "INTERVIEWER", () -> sessions.end(id));
        texts.addAll(reviewRows(id, panel, person));
        long candidateId = jdbc.sql("select candidate_id from panel_session where id = ?").param(id)
                .query(Long.class).single();
        return new Held(id, candidateId, here, joinedName, texts);
    }

    /** A session for the person in the given state: "SCHEDULED", "LIVE", "COMPLETED" or "CANCELLED". */
    public long session(Person person, String state) {
        return session(testPanel.scheduled(), person, state);
    }

    /** {@link #session(Person, String)} with a panel's accounts (creating accounts is slow: bcrypt). */
    long session(TestPanel.Panel panel, Person person, String state) {
        long id = create(panel, person, "Panel " + letters(5));
        if (!state.equals("SCHEDULED")) {
            TestUsers.as(panel.lead(), "INTERVIEWER", () -> sessions.start(id));
        }
        if (state.equals("COMPLETED")) {
            TestUsers.as(panel.lead(), "INTERVIEWER", () -> sessions.end(id));
        }
        if (state.equals("CANCELLED")) {
            TestUsers.as(panel.lead(), "INTERVIEWER", () -> sessions.cancel(id));
        }
        return id;
    }

    /** Moves a finished session's end to the given time (the retention job decides by it). */
    void endedAt(long sessionId, OffsetDateTime at) {
        jdbc.sql("update panel_session set ended_at = ? where id = ?").params(at, sessionId).update();
    }

    TestPanel.Panel accounts() {
        return testPanel.scheduled();
    }

    long candidateOf(long sessionId) {
        return jdbc.sql("select candidate_id from panel_session where id = ?").param(sessionId).query(Long.class).single();
    }

    private long create(TestPanel.Panel panel, Person person, String title) {
        return TestUsers.as(panel.lead(), "INTERVIEWER", () -> {
            List<Long> seedIds = scenarios.search(ScenarioFilter.ALL).stream().limit(2).map(ScenarioSummary::id)
                    .toList();
            return sessions.create(new NewSession(title, person.name(), person.email(), seedIds,
                    List.of(panel.panelist()), List.of(panel.coach())));
        });
    }

    private String note(long sessionId, boolean isPrivate) {
        String text = (isPrivate ? "private-" : "note-") + letters(10);
        notes.saveNote(sessionId, null, 0, text, isPrivate);
        return text;
    }

    /** The review's rows about the session, with unique texts; some mention the person by name. */
    private List<String> reviewRows(long id, TestPanel.Panel panel, Person person) {
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        List<String> texts = new ArrayList<>();
        int score = 3;
        for (String scorer : List.of(panel.lead(), panel.panelist())) {
            String recommendation = "recommend-" + letters(8);
            String justification = "justified-" + letters(8) + " because " + person.name() + " said so";
            long sheet = jdbc.sql("""
                    insert into score_sheet (session_id, scenario, author, state, recommendation, recommendation_text,
                                             created_at, updated_at, submitted_at, version)
                    values (?, 0, ?, 'SUBMITTED', ?, ?, ?, ?, ?, 1) returning id""")
                    .params(id, scorer, score, recommendation, now, now, now).query(Long.class).single();
            jdbc.sql("insert into area_score (sheet_id, area, score, justification) values (?, 0, ?, ?)")
                    .params(sheet, score, justification).update();
            texts.add(recommendation);
            texts.add("justified-" + justification.substring(10, 18));
            score--;
        }
        jdbc.sql("insert into score_reveal (session_id, scenario, revealed_at, revealed_by) values (?, 0, ?, ?)")
                .params(id, now, panel.lead()).update();
        texts.add(insert("consensus-", text -> jdbc.sql("""
                insert into consensus_score (session_id, scenario, area, score, note, recorded_by, recorded_at, version)
                values (?, 0, 0, 3, ?, ?, ?, 0)""").params(id, text, panel.lead(), now).update()));
        texts.add(insert("verdict-", text -> jdbc.sql("""
                insert into session_verdict (session_id, recommendation, note, recorded_by, recorded_at)
                values (?, 3, ?, ?, ?)""").params(id, text, panel.lead(), now).update()));
        texts.add(insert("coaching-", text -> jdbc.sql("""
                insert into coaching_note (session_id, author, text, offset_ms, created_at, updated_at)
                values (?, ?, ?, 1000, ?, ?)""").params(id, panel.coach(), text, now, now).update()));
        texts.add(insert("report-", text -> {
            String content = "{\"strengths\": \"" + text + " for " + person.name() + "\"}";
            long report = jdbc.sql("""
                    insert into development_report (author, session_id, content, released_content, created_at,
                                                    updated_at, released_at)
                    values (?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?, ?) returning id""")
                    .params(panel.coach(), id, content, content, now, now, now).query(Long.class).single();
            byte[] hash = new byte[32];
            ThreadLocalRandom.current().nextBytes(hash);
            jdbc.sql("insert into report_link (report_id, token_hash, issued_at, expires_at) values (?, ?, ?, ?)")
                    .params(report, hash, now, now.plusDays(7)).update();
        }));
        texts.add(insert("self-", text -> jdbc.sql("""
                insert into self_assessment (session_id, scenario, area, score, comment, submitted_at)
                values (?, 0, 0, 2, ?, ?)""").params(id, text, now).update()));
        texts.add(insert("feedback-", text -> jdbc.sql("""
                insert into session_feedback (session_id, rating, comment, submitted_at) values (?, 4, ?, ?)""")
                .params(id, text, now).update()));
        return texts;
    }

    private static String insert(String prefix, java.util.function.Consumer<String> writer) {
        String text = prefix + letters(10);
        writer.accept(text);
        return text;
    }

    static String letters(int count) {
        var random = ThreadLocalRandom.current();
        var text = new StringBuilder();
        text.append((char) ('A' + random.nextInt(26)));
        for (int i = 1; i < count; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    /**
     * Where each needle occurs, ignoring case: "table.column" of every text column of every table
     * (read from information_schema, so a table added later is searched too). One query per column.
     */
    java.util.Map<String, List<String>> tracesOf(List<String> needles) {
        record Column(String table, String column) {
        }
        List<Column> columns = jdbc.sql("""
                select table_name, column_name from information_schema.columns
                 where table_schema = current_schema()
                   and data_type in ('text', 'character varying', 'character', 'json', 'jsonb')""")
                .query((rs, n) -> new Column(rs.getString("table_name"), rs.getString("column_name"))).list();
        assertThat(columns).as("text columns").hasSizeGreaterThan(20);
        java.util.Map<String, List<String>> found = new java.util.TreeMap<>();
        String[] lowered = needles.stream().map(n -> n.toLowerCase(Locale.ROOT)).toArray(String[]::new);
        for (Column column : columns) {
            List<String> hits = jdbc.sql("select distinct n from unnest(cast(? as text[])) n where exists (select 1 from \""
                            + column.table() + "\" t where strpos(lower(t.\"" + column.column() + "\"::text), n) > 0)")
                    .param(lowered).query(String.class).list();
            for (String hit : hits) {
                found.computeIfAbsent(hit, k -> new ArrayList<>()).add(column.table() + "." + column.column());
            }
        }
        return found;
    }

    List<String> tracesOf(String needle) {
        return tracesOf(List.of(needle)).getOrDefault(needle.toLowerCase(Locale.ROOT), List.of());
    }

    /** Rows of every table with a session_id column that belong to the session, per table. */
    List<String> rowsOfSession(long sessionId) {
        List<String> tables = jdbc.sql("""
                select table_name from information_schema.columns
                 where table_schema = current_schema() and column_name = 'session_id'""")
                .query(String.class).list();
        List<String> found = new ArrayList<>();
        for (String table : tables) {
            long rows = jdbc.sql("select count(*) from \"" + table + "\" where session_id = ?").param(sessionId)
                    .query(Long.class).single();
            if (rows > 0) {
                found.add(table);
            }
        }
        return found;
    }

    public @Nullable String candidateName(long candidateId) {
        return jdbc.sql("select display_name from candidate where id = ?").param(candidateId).query(String.class)
                .optional().orElse(null);
    }
}
