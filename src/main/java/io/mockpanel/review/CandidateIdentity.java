package io.mockpanel.review;

import io.mockpanel.panel.SessionEvents;
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

/**
 * A person's names and addresses as patterns: whole names and addresses anywhere in a string;
 * in a session's title also each part of a name ("Panel with Casey" loses "Casey").
 * Names that are already neutral labels are left out, so running it again changes nothing.
 */
record CandidateIdentity(@Nullable Pattern whole, @Nullable Pattern parts, List<String> needles) {

    /** A name {@link Anonymiser#label} gave: already neutral. */
    private static final Pattern A_LABEL = Pattern.compile("Anonymised candidate \\d+");

    /**
     * The names and addresses under which a person appears: the candidate's name, every session's
     * candidate name and address, the name typed when joining and the invite's display name. Read
     * before anything is changed, because anonymising removes exactly these.
     */
    static CandidateIdentity read(JdbcClient jdbc, long candidateId) {
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
        return of(names, addresses);
    }

    static CandidateIdentity of(Set<String> names, Set<String> addresses) {
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
        return new CandidateIdentity(alternation(whole), alternation(parts), needles);
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

    private static String replace(@Nullable Pattern pattern, String text, String label) {
        if (pattern == null) {
            return text;
        }
        return pattern.matcher(text).replaceAll(Matcher.quoteReplacement(label));
    }
}
