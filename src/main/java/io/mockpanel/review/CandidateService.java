package io.mockpanel.review;

import io.mockpanel.panel.SessionState;
import io.mockpanel.security.AppRoles;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Candidates as people across sessions (grouped by e-mail address when a session is created): find
 * them, follow their development, and merge two records of the same person. For coaches and admins
 * only: interviewers do not see a candidate's history, so that earlier scores never anchor a panel
 * that scores blind (decisions 0008 and 0029).
 */
@Service
public class CandidateService {

    static final String COACHES_AND_ADMINS = "hasAnyRole('" + AppRoles.COACH + "','" + AppRoles.ADMIN + "')";

    private final JdbcClient jdbc;
    private final ReviewAccess access;
    private final AuditLog audit;
    private final CandidateProgressRows progressRows;

    CandidateService(JdbcClient jdbc, ReviewAccess access, AuditLog audit, CandidateProgressRows progressRows) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.progressRows = progressRows;
    }

    private static final String CANDIDATE_COLUMNS = """
            c.id, c.display_name, c.anonymised_at,
            array(select a.email from candidate_alias a where a.candidate_id = c.id order by a.email) as addresses,
            (select count(*) from panel_session s where s.candidate_id = c.id) as sessions,
            (select max(coalesce(s.started_at, s.created_at)) from panel_session s where s.candidate_id = c.id) as last_at
            """;

    /** A page of candidates whose name or address contains the text (all when blank), by name. */
    @PreAuthorize(COACHES_AND_ADMINS)
    @Transactional(readOnly = true)
    public List<Candidate> candidates(@Nullable String search, int offset, int limit) {
        if (unsearchable(search)) {
            return List.of();
        }
        return jdbc.sql("select " + CANDIDATE_COLUMNS + " from candidate c where " + SEARCH
                        + " order by lower(c.display_name), c.id offset :offset limit :limit")
                .param("pattern", pattern(search))
                .param("offset", Math.max(0, offset))
                .param("limit", Math.max(0, Math.min(limit, 500)))
                .query((rs, row) -> candidate(rs))
                .list();
    }

    /** How many candidates {@link #candidates} finds for the text. */
    @PreAuthorize(COACHES_AND_ADMINS)
    @Transactional(readOnly = true)
    public int count(@Nullable String search) {
        if (unsearchable(search)) {
            return 0;
        }
        return jdbc.sql("select count(*) from candidate c where " + SEARCH)
                .param("pattern", pattern(search)).query(Integer.class).single();
    }

    private static final String SEARCH = """
            (cast(:pattern as text) is null or c.display_name ilike :pattern
             or exists (select 1 from candidate_alias a where a.candidate_id = c.id and a.email ilike :pattern))""";

    @PreAuthorize(COACHES_AND_ADMINS)
    @Transactional(readOnly = true)
    public Optional<Candidate> candidate(long id) {
        return jdbc.sql("select " + CANDIDATE_COLUMNS + " from candidate c where c.id = ?")
                .param(id).query((rs, row) -> candidate(rs)).optional();
    }

    /** The candidate's sessions, newest first. */
    @PreAuthorize(COACHES_AND_ADMINS)
    @Transactional(readOnly = true)
    public List<CandidateSession> sessions(long candidateId) {
        return jdbc.sql("""
                select id, title, state, coalesce(started_at, created_at) as at, started_at, anonymised_at
                  from panel_session where candidate_id = ?
                 order by coalesce(started_at, created_at) desc, id desc""")
                .param(candidateId)
                .query((rs, row) -> new CandidateSession(rs.getLong("id"), rs.getString("title"),
                        SessionState.valueOf(rs.getString("state")), instant(rs, "at"), nullableInstant(rs, "started_at"),
                        rs.getTimestamp("anonymised_at") != null))
                .list();
    }

    /**
     * Merges 'other' into 'kept': its sessions and addresses move to the kept record, which keeps
     * its name; the other record is deleted. Refused for the same record, a record that is gone, or
     * an anonymised one. Audited; the caller asks the user first.
     */
    @PreAuthorize(COACHES_AND_ADMINS)
    @Transactional
    public Candidate merge(long keptId, long otherId) {
        Reviewer me = access.me();
        if (keptId == otherId) {
            throw new ReviewException("These are the same record: pick the other record of this person to merge.");
        }
        // Both rows locked (in id order, so two opposite merges cannot deadlock); a session being
        // created for either waits for this merge.
        Map<Long, Boolean> anonymised = new HashMap<>();
        jdbc.sql("select id, anonymised_at is not null as anonymised from candidate where id in (?, ?) order by id for update")
                .params(keptId, otherId)
                .query(rs -> {
                    anonymised.put(rs.getLong("id"), rs.getBoolean("anonymised"));
                });
        if (anonymised.size() != 2) {
            throw new ReviewException("One of the two records no longer exists (merged or deleted meanwhile). "
                    + "Reload the list and pick again.");
        }
        if (anonymised.containsValue(true)) {
            throw new ReviewException("An anonymised record cannot be merged: it no longer says who the person is.");
        }
        int sessions = jdbc.sql("update panel_session set candidate_id = ? where candidate_id = ?")
                .params(keptId, otherId).update();
        int addresses = jdbc.sql("update candidate_alias set candidate_id = ? where candidate_id = ?")
                .params(keptId, otherId).update();
        jdbc.sql("delete from candidate where id = ?").param(otherId).update();
        audit.record(me.username(), AuditLog.Action.MERGED_CANDIDATES, "candidate " + keptId,
                "merged candidate " + otherId + " into it: " + sessions + " sessions, " + addresses + " addresses");
        return candidate(keptId).orElseThrow();
    }

    /**
     * The candidate's development: per session that took place, the value of each discussion area
     * of each revealed scenario (the panel's consensus where the lead recorded one, otherwise the
     * mean of the submitted sheets), grouped by competency; quick tags per session; and the
     * scenarios of the current library done and not yet done.
     */
    @PreAuthorize(COACHES_AND_ADMINS)
    @Transactional(readOnly = true)
    public CandidateProgress progress(long candidateId) {
        Candidate candidate = candidate(candidateId)
                .orElseThrow(() -> new ReviewException("No such candidate: the record may have been merged or deleted."));
        return progressRows.read(candidate);
    }

    /** No name or address holds a NUL (PostgreSQL cannot store one), and the database would refuse the query. */
    private static boolean unsearchable(@Nullable String search) {
        return search != null && search.indexOf('\0') >= 0;
    }

    private static @Nullable String pattern(@Nullable String search) {
        if (search == null || search.isBlank()) {
            return null;
        }
        return "%" + search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static Candidate candidate(ResultSet rs) throws SQLException {
        String[] addresses = (String[]) rs.getArray("addresses").getArray();
        return new Candidate(rs.getLong("id"), rs.getString("display_name"), List.of(addresses), rs.getInt("sessions"),
                nullableInstant(rs, "last_at"), rs.getTimestamp("anonymised_at") != null);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
