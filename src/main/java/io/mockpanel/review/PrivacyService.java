package io.mockpanel.review;

import io.mockpanel.security.AppRoles;
import io.mockpanel.security.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An admin honours a privacy request: finds a candidate, sees what is held about them, and
 * anonymises (scores stay, identity and texts go) or deletes all of it; each action is audited with
 * counts, never names or texts. Also reports the retention setting and the job's last run.
 */
@Service
public class PrivacyService {

    private static final String ADMINS = "hasRole('" + AppRoles.ADMIN + "')";

    /** A candidate as the search lists them; 'email' is one of their addresses, if any. */
    public record CandidateMatch(long id, String name, @Nullable String email, int sessions, boolean anonymised) {
    }

    /**
     * What is held about a candidate, as counts: what an anonymisation would erase or a deletion remove.
     *
     * @param notes panel notes with text (private ones too)
     * @param candidateTexts the candidate's own comments (self-assessment, rating of the session)
     */
    public record Footprint(long candidateId, String name, List<String> emails, Instant createdAt,
            @Nullable Instant anonymisedAt, int sessions, int liveSessions, int scheduledSessions,
            int anonymisedSessions, int notes, int coachingNotes, int reports, int candidateTexts) {

        public boolean anonymised() {
            return anonymisedAt != null && anonymisedSessions == sessions;
        }

        /** The name an anonymisation gives the candidate. */
        public String neutralName() {
            return Anonymiser.label(candidateId);
        }
    }

    /** What an action changed (for the confirmation message). */
    public record Outcome(long candidateId, int sessions, int notes, int coachingNotes, int reports) {
    }

    /**
     * The retention setting and the job's last run (any node).
     *
     * @param lastRanAt null when the job has not run since it was turned on
     */
    public record RetentionStatus(int anonymiseAfterDays, String cron, boolean enabled, @Nullable Instant lastRanAt,
            @Nullable Instant lastCutoff, int lastAnonymised) {
    }

    private final JdbcClient jdbc;
    private final Anonymiser anonymiser;
    private final AuditLog audit;
    private final RetentionJob retention;
    private final RetentionProperties retentionProperties;
    private final Clock clock;

    PrivacyService(JdbcClient jdbc, Anonymiser anonymiser, AuditLog audit, RetentionJob retention,
            RetentionProperties retentionProperties, Clock clock) {
        this.jdbc = jdbc;
        this.anonymiser = anonymiser;
        this.audit = audit;
        this.retention = retention;
        this.retentionProperties = retentionProperties;
        this.clock = clock;
    }

    /**
     * Candidates whose name contains 'search', whose address is exactly 'search', or whose number it
     * is; all candidates for an empty search. By name, a page at a time.
     */
    @PreAuthorize(ADMINS)
    @Transactional(readOnly = true)
    public List<CandidateMatch> findCandidates(String search, int offset, int limit) {
        String term = search.strip();
        String like = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        long number = term.matches("#?\\d{1,18}") ? Long.parseLong(term.replace("#", "")) : -1;
        return jdbc.sql("""
                select c.id, c.display_name, c.anonymised_at,
                       (select min(a.email) from candidate_alias a where a.candidate_id = c.id) as email,
                       (select count(*) from panel_session s where s.candidate_id = c.id) as sessions
                  from candidate c
                 where ? = '' or c.display_name ilike ? escape '\\' or c.id = ?
                    or c.id in (select a.candidate_id from candidate_alias a where a.email = ?)
                 order by lower(c.display_name), c.id
                offset ? limit ?""")
                .params(term, like, number, term.toLowerCase(Locale.ROOT), Math.max(0, offset),
                        Math.clamp(limit, 1, 200))
                .query((rs, n) -> new CandidateMatch(rs.getLong("id"), rs.getString("display_name"),
                        rs.getString("email"), rs.getInt("sessions"), rs.getObject("anonymised_at") != null))
                .list();
    }

    /** What is held about the candidate. */
    @PreAuthorize(ADMINS)
    @Transactional(readOnly = true)
    public Footprint footprint(long candidateId) {
        record Person(String name, Instant createdAt, @Nullable Instant anonymisedAt) {
        }
        Person person = jdbc.sql("select display_name, created_at, anonymised_at from candidate where id = ?")
                .param(candidateId)
                .query((rs, n) -> new Person(rs.getString("display_name"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        instantOrNull(rs.getObject("anonymised_at", OffsetDateTime.class))))
                .optional().orElseThrow(PrivacyService::gone);
        List<String> emails = jdbc.sql("select email from candidate_alias where candidate_id = ? order by email")
                .param(candidateId).query(String.class).list();
        return jdbc.sql("""
                select count(*) as sessions,
                       count(*) filter (where s.state = 'LIVE') as live,
                       count(*) filter (where s.state = 'SCHEDULED') as scheduled,
                       count(*) filter (where s.anonymised_at is not null) as anonymised,
                       coalesce(sum((select count(*) from session_note n
                                      where n.session_id = s.id and n.text <> '')), 0) as notes,
                       coalesce(sum((select count(*) from coaching_note c
                                      where c.session_id = s.id and c.text <> '')), 0) as coaching,
                       coalesce(sum((select count(*) from development_report r where r.session_id = s.id)), 0) as reports,
                       coalesce(sum((select count(*) from self_assessment a where a.session_id = s.id and a.comment <> '')
                                  + (select count(*) from session_feedback f where f.session_id = s.id and f.comment <> '')),
                                0) as candidate_texts
                  from panel_session s where s.candidate_id = ?""")
                .param(candidateId)
                .query((rs, n) -> new Footprint(candidateId, person.name(), emails, person.createdAt(),
                        person.anonymisedAt(), rs.getInt("sessions"), rs.getInt("live"), rs.getInt("scheduled"),
                        rs.getInt("anonymised"), rs.getInt("notes"), rs.getInt("coaching"), rs.getInt("reports"),
                        rs.getInt("candidate_texts")))
                .single();
    }

    /**
     * Anonymises all the candidate's data in one transaction: their sessions keep scores,
     * recommendations and times and lose the name, addresses and every text (decision 0030).
     * Refused while a session is live or scheduled. Running it again changes nothing.
     */
    @PreAuthorize(ADMINS)
    @Transactional
    public Outcome anonymise(long candidateId) {
        String actor = actor();
        List<Session> sessions = lock(candidateId);
        for (Session session : sessions) {
            if (session.state().equals("LIVE")) {
                throw new ReviewException("Session " + session.id() + " of this candidate is live: end it first, "
                        + "then anonymise.");
            }
            if (session.state().equals("SCHEDULED")) {
                throw new ReviewException("Session " + session.id() + " of this candidate is scheduled: cancel it "
                        + "first (or delete the candidate instead), then anonymise.");
            }
        }
        Footprint before = footprint(candidateId);
        if (before.anonymised()) {
            return new Outcome(candidateId, 0, 0, 0, 0);
        }
        List<Long> ids = sessions.stream().map(Session::id).toList();
        Anonymiser.Erased erased = anonymiser.anonymiseCandidate(candidateId, ids, clock.instant());
        audit.record(actor, AuditLog.Action.ANONYMISED_CANDIDATE, "candidate " + candidateId,
                count(sessions.size(), "session", "sessions") + listed(ids) + "; "
                        + count(before.emails().size(), "e-mail address", "e-mail addresses") + " removed; erased "
                        + erased.describe());
        return new Outcome(candidateId, sessions.size(), erased.notes(), erased.coachingNotes(), erased.reports());
    }

    /**
     * Deletes the candidate and all their sessions (with everything in them). 'typedName' must be
     * the candidate's name as shown: a deletion cannot be undone. Refused while a session is live.
     */
    @PreAuthorize(ADMINS)
    @Transactional
    public Outcome delete(long candidateId, String typedName) {
        String actor = actor();
        List<Session> sessions = lock(candidateId);
        Footprint before = footprint(candidateId);
        if (!typedName.strip().equalsIgnoreCase(before.name().strip())) {
            throw new ReviewException("The name typed does not match the candidate's name. Type it exactly as "
                    + "shown to delete the candidate.");
        }
        sessions.stream().filter(s -> s.state().equals("LIVE")).findFirst().ifPresent(live -> {
            throw new ReviewException("Session " + live.id() + " of this candidate is live: end it first, then delete.");
        });
        List<Long> ids = sessions.stream().map(Session::id).toList();
        jdbc.sql("delete from panel_session where candidate_id = ?").param(candidateId).update();
        jdbc.sql("delete from candidate where id = ?").param(candidateId).update();
        audit.record(actor, AuditLog.Action.DELETED_CANDIDATE, "candidate " + candidateId,
                count(sessions.size(), "session", "sessions") + listed(ids) + " deleted with "
                        + count(before.notes(), "note", "notes") + ", "
                        + count(before.coachingNotes(), "coaching note", "coaching notes") + ", "
                        + count(before.reports(), "report", "reports") + "; "
                        + count(before.emails().size(), "e-mail address", "e-mail addresses") + " removed");
        return new Outcome(candidateId, sessions.size(), before.notes(), before.coachingNotes(), before.reports());
    }

    @PreAuthorize(ADMINS)
    @Transactional(readOnly = true)
    public RetentionStatus retention() {
        var last = retention.lastRun();
        return new RetentionStatus(retentionProperties.anonymiseAfterDays(), retentionProperties.cron(),
                retentionProperties.enabled(), last.map(RetentionJob.LastRun::ranAt).orElse(null),
                last.map(RetentionJob.LastRun::cutoff).orElse(null),
                last.map(RetentionJob.LastRun::anonymised).orElse(0));
    }

    private record Session(long id, String state) {
    }

    /**
     * Locks the candidate's sessions (so none starts meanwhile), then the candidate: the order the
     * retention job uses too.
     */
    private List<Session> lock(long candidateId) {
        List<Session> sessions = jdbc.sql("select id, state from panel_session where candidate_id = ? order by id "
                        + "for update")
                .param(candidateId).query((rs, n) -> new Session(rs.getLong("id"), rs.getString("state"))).list();
        jdbc.sql("select id from candidate where id = ? for update").param(candidateId).query(Long.class)
                .optional().orElseThrow(PrivacyService::gone);
        return sessions;
    }

    private static String count(int count, String one, String many) {
        return Anonymiser.count(count, one, many);
    }

    private static String listed(List<Long> ids) {
        return ids.isEmpty() ? "" : " (" + ids.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
    }

    private static ReviewException gone() {
        return new ReviewException("This candidate no longer exists: deleted, or merged into another record. "
                + "Search again.");
    }

    private static String actor() {
        return CurrentUser.username().orElseThrow(() -> new AccessDeniedException("Sign in first."));
    }

    private static @Nullable Instant instantOrNull(@Nullable OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
