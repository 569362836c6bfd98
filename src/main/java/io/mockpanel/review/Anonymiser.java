package io.mockpanel.review;

import io.mockpanel.panel.SessionEvents;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * The one piece of code that takes a person's identity and words out of sessions (decision 0030),
 * used by an admin's "anonymise candidate" for all of a person's sessions and by the retention job
 * one session at a time. Scores, recommendations, times and the shape of the timeline stay; names,
 * addresses and every free text about the person go. Callers lock the sessions' rows first and
 * the candidate's row after them (always in this order, so the two callers never deadlock).
 */
@Component
class Anonymiser {

    private static final String LABEL = "Anonymised candidate ";
    private static final Pattern A_LABEL = Pattern.compile("Anonymised candidate \\d+");

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Anonymiser(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** What one anonymisation erased; the audit log records these counts, never the texts. */
    record Erased(int sessions, int notes, int coachingNotes, int reports, int otherTexts, int events) {

        static final Erased NOTHING = new Erased(0, 0, 0, 0, 0, 0);

        Erased plus(Erased other) {
            return new Erased(sessions + other.sessions, notes + other.notes, coachingNotes + other.coachingNotes,
                    reports + other.reports, otherTexts + other.otherTexts, events + other.events);
        }

        /** For the audit log: counts only. */
        String describe() {
            return count(notes, "note", "notes") + ", " + count(coachingNotes, "coaching note", "coaching notes") + ", "
                    + count(reports, "report", "reports") + ", " + count(otherTexts, "comment or justification",
                    "comments and justifications") + ", " + count(events, "event payload", "event payloads");
        }
    }

    /** "1 note", "2 notes": the audit log is read by people. */
    static String count(int count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }

    /** The neutral name that replaces a person's name. */
    static String label(long candidateId) {
        return LABEL + candidateId;
    }

    /**
     * The names and addresses under which a person appears: the candidate's name, every session's
     * candidate name and address, the name typed when joining and the invite's display name. Read
     * before anything is changed, because anonymising removes exactly these.
     */
    Identity identityOf(long candidateId) {
        Set<String> names = new LinkedHashSet<>();
        names.addAll(jdbc.sql("select display_name from candidate where id = ?").param(candidateId)
                .query(String.class).list());
        names.addAll(jdbc.sql("select distinct candidate_name from panel_session where candidate_id = ?")
                .param(candidateId).query(String.class).list());
        names.addAll(jdbc.sql("""
                select distinct i.candidate_display_name from session_invite i
                  join panel_session s on s.id = i.session_id
                 where s.candidate_id = ? and i.candidate_display_name is not null""")
                .param(candidateId).query(String.class).list());
        names.addAll(jdbc.sql("""
                select distinct case e.type when ? then e.payload ->> 'name' else e.payload ->> 'candidate' end
                  from session_event e join panel_session s on s.id = e.session_id
                 where s.candidate_id = ? and e.type in (?, ?)""")
                .params(SessionEvents.CandidateJoined.TYPE, candidateId, SessionEvents.CandidateJoined.TYPE,
                        SessionEvents.ClarificationRequested.TYPE)
                .query(String.class).list());
        Set<String> addresses = new LinkedHashSet<>();
        addresses.addAll(jdbc.sql("select email from candidate_alias where candidate_id = ?").param(candidateId)
                .query(String.class).list());
        addresses.addAll(jdbc.sql("select distinct lower(candidate_email) from panel_session "
                        + "where candidate_id = ? and candidate_email is not null")
                .param(candidateId).query(String.class).list());
        return Identity.of(names, addresses);
    }

    /**
     * Anonymises every listed session of the candidate and then the candidate: the sessions stay
     * together under the candidate's new neutral name. Idempotent.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Erased anonymiseCandidate(long candidateId, List<Long> sessionIds, Instant now) {
        Identity identity = identityOf(candidateId);
        Erased erased = Erased.NOTHING;
        for (long sessionId : sessionIds) {
            erased = erased.plus(scrub(sessionId, identity, label(candidateId), now));
        }
        forgetCandidate(candidateId, now);
        return erased;
    }

    /**
     * Anonymises one session (the retention job). When the person has other sessions that keep
     * their identity, this one moves to a neutral candidate of its own: staying linked to the named
     * record would keep its identity. When it was their last, the record itself is anonymised.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Erased anonymiseSession(long sessionId, Instant now) {
        long candidateId = jdbc.sql("select candidate_id from panel_session where id = ?").param(sessionId)
                .query(Long.class).single();
        jdbc.sql("select id from candidate where id = ? for update").param(candidateId).query(Long.class).single();
        Identity identity = identityOf(candidateId);
        boolean othersKeepIdentity = jdbc.sql("select exists (select 1 from panel_session "
                        + "where candidate_id = ? and id <> ? and anonymised_at is null)")
                .params(candidateId, sessionId).query(Boolean.class).single();
        long target = othersKeepIdentity ? detach(sessionId, now) : candidateId;
        Erased erased = scrub(sessionId, identity, label(target), now);
        if (!othersKeepIdentity) {
            forgetCandidate(candidateId, now);
        }
        return erased;
    }

    private long detach(long sessionId, Instant now) {
        long id = jdbc.sql("insert into candidate (display_name, created_at, anonymised_at) "
                        + "select ?, created_at, ? from panel_session where id = ? returning id")
                .params(LABEL.strip(), at(now), sessionId).query(Long.class).single();
        jdbc.sql("update candidate set display_name = ? where id = ?").params(label(id), id).update();
        jdbc.sql("update panel_session set candidate_id = ? where id = ?").params(id, sessionId).update();
        return id;
    }

    private void forgetCandidate(long candidateId, Instant now) {
        jdbc.sql("update candidate set display_name = ?, anonymised_at = coalesce(anonymised_at, ?) where id = ?")
                .params(label(candidateId), at(now), candidateId).update();
        jdbc.sql("delete from candidate_alias where candidate_id = ?").param(candidateId).update();
    }

    /** Takes identity and texts out of one session; 'label' replaces the person's name. */
    private Erased scrub(long sessionId, Identity identity, String label, Instant now) {
        String title = jdbc.sql("select title from panel_session where id = ?").param(sessionId)
                .query(String.class).single();
        int sessions = jdbc.sql("""
                update panel_session set title = ?, candidate_name = ?, candidate_email = null,
                       anonymised_at = coalesce(anonymised_at, ?)
                 where id = ? and (anonymised_at is null or title <> ? or candidate_name <> ?
                       or candidate_email is not null)""")
                .params(identity.inTitle(title, label), label, at(now), sessionId, identity.inTitle(title, label), label)
                .update();
        int notes = jdbc.sql("update session_note set text = '' where session_id = ? and text <> ''")
                .param(sessionId).update();
        int coaching = jdbc.sql("update coaching_note set text = '' where session_id = ? and text <> ''")
                .param(sessionId).update();
        // A report is nothing but words about the person: it goes, and its link with it (cascade).
        int reports = jdbc.sql("delete from development_report where session_id = ?").param(sessionId).update();
        int texts = 0;
        texts += jdbc.sql("""
                update area_score a set justification = '' from score_sheet s
                 where s.id = a.sheet_id and s.session_id = ? and a.justification <> ''""")
                .param(sessionId).update();
        texts += jdbc.sql("update score_sheet set recommendation_text = '' where session_id = ? "
                + "and recommendation_text <> ''").param(sessionId).update();
        texts += jdbc.sql("update consensus_score set note = '' where session_id = ? and note <> ''")
                .param(sessionId).update();
        texts += jdbc.sql("update session_verdict set note = '' where session_id = ? and note <> ''")
                .param(sessionId).update();
        texts += jdbc.sql("update self_assessment set comment = '' where session_id = ? and comment <> ''")
                .param(sessionId).update();
        texts += jdbc.sql("update session_feedback set comment = '' where session_id = ? and comment <> ''")
                .param(sessionId).update();
        // The invite holds the joined name and the browser's binding; the session is over, so it goes.
        jdbc.sql("delete from session_invite where session_id = ?").param(sessionId).update();
        jdbc.sql("delete from session_connection where session_id = ? and participant = 'candidate'")
                .param(sessionId).update();
        int events = scrubEvents(sessionId, identity, label);
        return new Erased(sessions > 0 ? 1 : 0, notes, coaching, reports, texts, events);
    }

    /**
     * The one exception to the append-only event log (decision 0030): payloads that carry the
     * person's name (joining, clarification requests, the title at creation, and any other string
     * that contains a name or address) are rewritten in place. Sequence numbers, types and times stay.
     */
    private int scrubEvents(long sessionId, Identity identity, String label) {
        var sql = new StringBuilder("select seq, type, payload::text as payload from session_event "
                + "where session_id = ? and (type in (?, ?, ?)");
        List<Object> params = new ArrayList<>(List.of(sessionId, SessionEvents.CandidateJoined.TYPE,
                SessionEvents.ClarificationRequested.TYPE, SessionEvents.SessionCreated.TYPE));
        for (String needle : identity.needles()) {
            sql.append(" or strpos(lower(payload::text), ?) > 0");
            params.add(needle);
        }
        sql.append(")");
        record Row(long seq, String type, String payload) {
        }
        List<Row> rows = jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Row(rs.getLong("seq"), rs.getString("type"), rs.getString("payload"))).list();
        int changed = 0;
        for (Row row : rows) {
            JsonNode payload = json.readTree(row.payload());
            if (payload instanceof ObjectNode object) {
                if (row.type().equals(SessionEvents.CandidateJoined.TYPE) && object.has("name")) {
                    object.put("name", label);
                } else if (row.type().equals(SessionEvents.ClarificationRequested.TYPE) && object.has("candidate")) {
                    object.put("candidate", label);
                } else if (row.type().equals(SessionEvents.SessionCreated.TYPE) && object.path("title").isString()) {
                    object.put("title", identity.inTitle(object.get("title").stringValue(), label));
                }
            }
            JsonNode scrubbed = identity.inStrings(payload, label);
            String text = json.writeValueAsString(scrubbed);
            if (!json.readTree(text).equals(json.readTree(row.payload()))) {
                jdbc.sql("update session_event set payload = cast(? as jsonb) where session_id = ? and seq = ?")
                        .params(text, sessionId, row.seq()).update();
                changed++;
            }
        }
        return changed;
    }

    private static java.time.OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * A person's names and addresses as patterns: whole names and addresses anywhere in a string;
     * in a session's title also each part of a name ("Panel with Casey" loses "Casey").
     * Names that are already neutral labels are left out, so running it again changes nothing.
     */
    record Identity(@Nullable Pattern whole, @Nullable Pattern parts, List<String> needles) {

        static Identity of(Set<String> names, Set<String> addresses) {
            Set<String> whole = new LinkedHashSet<>();
            Set<String> parts = new LinkedHashSet<>();
            for (String name : names) {
                if (name == null || name.isBlank() || A_LABEL.matcher(name.strip()).matches()) {
                    continue;
                }
                whole.add(name.strip());
                for (String part : name.split("[^\\p{L}\\p{N}'’-]+")) {
                    if (part.codePointCount(0, part.length()) >= 2) {
                        parts.add(part);
                    }
                }
            }
            whole.addAll(addresses);
            parts.addAll(whole);
            List<String> needles = whole.stream().map(term -> jsonEscaped(term.toLowerCase(Locale.ROOT))).toList();
            return new Identity(alternation(whole), alternation(parts), needles);
        }

        private static @Nullable Pattern alternation(Set<String> terms) {
            if (terms.isEmpty()) {
                return null;
            }
            String alternatives = terms.stream().sorted(Comparator.comparingInt(String::length).reversed())
                    .map(Pattern::quote).collect(Collectors.joining("|"));
            return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        }

        /** How a term looks inside a jsonb value's text (quotes and backslashes escaped). */
        private static String jsonEscaped(String term) {
            return term.replace("\\", "\\\\").replace("\"", "\\\"");
        }

        String inTitle(String title, String label) {
            String replaced = replace(parts, title, label);
            // A title holds at most 200 characters; a label longer than a short name must not overflow it.
            return replaced.length() > 200 ? replaced.substring(0, 200) : replaced;
        }

        String inText(String text, String label) {
            return replace(whole, text, label);
        }

        JsonNode inStrings(JsonNode node, String label) {
            if (node instanceof ObjectNode object) {
                for (var property : List.copyOf(object.properties())) {
                    object.replace(property.getKey(), inStrings(property.getValue(), label));
                }
                return object;
            }
            if (node instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    array.set(i, inStrings(array.get(i), label));
                }
                return array;
            }
            if (node.isString()) {
                String text = node.stringValue();
                String scrubbed = inText(text, label);
                return scrubbed.equals(text) ? node : StringNode.valueOf(scrubbed);
            }
            return node;
        }

        private static String replace(@Nullable Pattern pattern, String text, String label) {
            if (pattern == null) {
                return text;
            }
            return pattern.matcher(text).replaceAll(Matcher.quoteReplacement(label));
        }
    }
}
