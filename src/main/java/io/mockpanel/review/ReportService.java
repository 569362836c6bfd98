package io.mockpanel.review;

import io.mockpanel.panel.SessionState;
import io.mockpanel.review.ReportDrafts.Row;
import io.mockpanel.scenario.ScenarioContent;
import io.mockpanel.security.AppRoles;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Development reports: a coach drafts a report for the candidate of one completed session (it
 * autosaves under an optimistic version), releases it (a copy the candidate reads, with only the
 * scores the coach included) and hands it over through an expiring link with the invite's token
 * rules (random, only the hash stored, revocable, re-issuing replaces it).
 *
 * <p>Who may do what: coaches write; admins read the draft and the released report; interviewers
 * who sat on the session read the released report only. The candidate's side
 * ({@link #byLink(String)}) has no role check: the token is the credential, and every unusable
 * link gets the same empty answer.
 */
@Service
public class ReportService {

    static final String COACHES = "hasRole('" + AppRoles.COACH + "')";
    static final String READERS = "hasAnyRole('" + AppRoles.COACH + "','" + AppRoles.ADMIN + "','"
            + AppRoles.INTERVIEWER + "')";

    private final Clock clock;
    private final ReviewAccess access;
    private final AuditLog audit;
    private final ReportDrafts drafts;
    private final ReportRelease release;
    private final ReportLinks links;

    ReportService(Clock clock, ReviewAccess access, AuditLog audit,
            ReportDrafts drafts, ReportRelease release, ReportLinks links) {
        this.clock = clock;
        this.access = access;
        this.audit = audit;
        this.drafts = drafts;
        this.release = release;
        this.links = links;
    }

    // --- values ---------------------------------------------------------------------------------

    /** The session a report is about. */
    public record Session(long sessionId, String title, String candidateName, Instant heldAt, SessionState state,
            boolean anonymised) {
    }

    /** The candidate's link, never its token. */
    public record LinkState(Instant expiresAt, boolean revoked, boolean expired) {

        public boolean usable() {
            return !revoked && !expired;
        }
    }

    /** A new link: shown once, then only its hash is known. */
    public record IssuedLink(String token, Instant expiresAt) {

        /** The path of the candidate's page, e.g. for {@code PublicUrl.link}. */
        public String path() {
            return "report/" + token;
        }
    }

    /**
     * What a reader of the session may know of its report, for the review page's card.
     *
     * @param draftSavedAt when the draft was last saved; null when there is none or the reader
     *        may not know of drafts (interviewers)
     * @param changedSinceRelease the draft was edited after the last release
     */
    public record ReportState(@Nullable Instant draftSavedAt, @Nullable Instant releasedAt, @Nullable LinkState link,
            boolean changedSinceRelease, boolean mayWrite, boolean mayReadDraft) {
    }

    /** A panel note the coach may quote: never a private one. */
    public record QuotableNote(long id, long offsetMs, String author, String text) {
    }

    /** The panel's scores for one discussion area, as the coach sees them. */
    public record AreaEvidence(int scenario, int area, @Nullable Integer consensus, List<PanelScore> scores) {
    }

    public record PanelScore(String name, int score, String justification) {
    }

    /** Everything the editor shows: the draft (or a fresh one) and the evidence to draw on. */
    public record Draft(Session session, ReportContent content, long version, @Nullable Instant savedAt,
            @Nullable Instant releasedAt, @Nullable LinkState link, List<QuotableNote> notes,
            List<AreaEvidence> scores) {
    }

    /** A saved draft: its new version and what was stored (quotes as snapshotted by the server). */
    public record Saved(long version, Instant savedAt, ReportContent content) {
    }

    /** A release: when, the link's state, and the new link when one was issued. */
    public record Release(Instant releasedAt, LinkState link, @Nullable IssuedLink newLink) {
    }

    // --- the coach's side -------------------------------------------------------------------------

    /** The draft to edit, with its evidence; a coach's first look at a session not theirs is audited. */
    @PreAuthorize(COACHES)
    @Transactional
    public Draft edit(long sessionId) {
        access.coach(false);
        access.open(sessionId, AuditLog.Action.VIEWED_SESSION);
        Session session = drafts.session(sessionId);
        List<ScenarioContent> agenda = drafts.agenda(sessionId);
        Optional<Row> row = drafts.row(sessionId);
        ReportContent content = ReportDrafts.withAgenda(row.map(Row::content).orElse(null), agenda);
        return new Draft(session, content, row.map(Row::version).orElse(0L),
                row.map(Row::updatedAt).orElse(null), row.map(Row::releasedAt).orElse(null),
                row.flatMap(r -> links.state(r.id())).orElse(null),
                session.anonymised() ? List.of() : drafts.quotable(sessionId), drafts.evidence(sessionId));
    }

    /**
     * Saves the draft if it is still at {@code version} (0 for a report not yet saved). Quotes
     * already in the draft keep their text; a newly quoted note is read here, so its text is the
     * note's at the time of picking and a private note can never be quoted.
     *
     * @throws ReportConflictException when another tab or coach saved in between
     */
    @PreAuthorize(COACHES)
    @Transactional
    public Saved save(long sessionId, ReportContent content, long version) {
        access.coach(false);
        access.readerOf(sessionId);
        Session session = drafts.writable(sessionId);
        Optional<Row> row = drafts.row(sessionId);
        long current = row.map(Row::version).orElse(0L);
        if (current != version) {
            throw new ReportConflictException(row.map(Row::updatedAt).orElse(clock.instant()));
        }
        ReportContent stored = drafts.checked(sessionId, content, row.map(Row::content).orElse(null), session);
        Instant now = clock.instant();
        if (row.isEmpty()) {
            if (!drafts.insert(sessionId, access.me().username(), stored, now)) {
                throw new ReportConflictException(now);
            }
            return new Saved(1, now, stored);
        }
        if (!drafts.update(sessionId, stored, version, now)) {
            throw new ReportConflictException(now);
        }
        return new Saved(version + 1, now, stored);
    }

    /**
     * Releases the saved draft: the candidate's copy becomes this draft with the scores it
     * includes, and a link is issued unless a usable one exists (the candidate's link then shows
     * the new release). Later edits change the draft only, until the next release.
     */
    @PreAuthorize(COACHES)
    @Transactional
    public Release release(long sessionId) {
        Reviewer coach = access.coach(false);
        access.readerOf(sessionId);
        Session session = drafts.writable(sessionId);
        Row row = drafts.row(sessionId)
                .orElseThrow(() -> new ReviewException("Write the report before releasing it."));
        if (row.content().summary().isBlank()) {
            throw new ReviewException("Write the opening summary before releasing the report.");
        }
        return release.release(coach, session, row, drafts.evidence(sessionId));
    }

    /** A new link for the released report; the previous one stops working. */
    @PreAuthorize(COACHES)
    @Transactional
    public IssuedLink reissueLink(long sessionId) {
        Reviewer coach = access.coach(false);
        access.readerOf(sessionId);
        Session session = drafts.writable(sessionId);
        Row row = drafts.row(sessionId).filter(r -> r.releasedAt() != null)
                .orElseThrow(() -> new ReviewException("Release the report before sending a link to it."));
        boolean replaced = links.state(row.id()).filter(LinkState::usable).isPresent();
        IssuedLink issued = links.issue(row.id());
        if (replaced) {
            audit.record(coach.username(), AuditLog.Action.REVOKED_REPORT_LINK, "session " + session.sessionId(),
                    "replaced by a new link");
        }
        return issued;
    }

    /** Ends the candidate's link at once; the report stays released for a new link. */
    @PreAuthorize(COACHES)
    @Transactional
    public void revokeLink(long sessionId) {
        Reviewer coach = access.coach(false);
        access.readerOf(sessionId);
        if (!links.revoke(sessionId)) {
            throw new ReviewException("There is no active report link to revoke.");
        }
        audit.record(coach.username(), AuditLog.Action.REVOKED_REPORT_LINK, "session " + sessionId, "");
    }

    // --- readers --------------------------------------------------------------------------------

    /** The report's state as this reader may know it. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public ReportState state(long sessionId) {
        Reviewer reader = access.readerOf(sessionId);
        boolean draftReader = reader.isCoach() || reader.isAdmin();
        Optional<Row> row = drafts.row(sessionId);
        Instant released = row.map(Row::releasedAt).orElse(null);
        return new ReportState(draftReader ? row.map(Row::updatedAt).orElse(null) : null, released,
                released == null ? null : row.flatMap(r -> links.state(r.id())).orElse(null),
                draftReader && released != null && row.get().updatedAt().isAfter(released),
                reader.isCoach(), draftReader && row.isPresent());
    }

    /** The released report, as the candidate reads it: for coaches, admins and the session's panel. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Optional<ReleasedReport> released(long sessionId) {
        access.readerOf(sessionId);
        return release.released(sessionId);
    }

    /** The draft rendered as the candidate would read it if released now: coaches and admins. */
    @PreAuthorize("hasAnyRole('" + AppRoles.COACH + "','" + AppRoles.ADMIN + "')")
    @Transactional(readOnly = true)
    public Optional<ReleasedReport> draftPreview(long sessionId) {
        access.readerOf(sessionId);
        Session session = drafts.session(sessionId);
        return drafts.row(sessionId)
                .map(row -> ReportRelease.render(session, row.content(), drafts.evidence(sessionId)));
    }

    /** {@link #draftPreview} of content not yet saved, for the editor's preview. */
    @PreAuthorize(COACHES)
    @Transactional(readOnly = true)
    public ReleasedReport preview(long sessionId, ReportContent content) {
        access.readerOf(sessionId);
        return ReportRelease.render(drafts.session(sessionId), content, drafts.evidence(sessionId));
    }

    // --- the candidate's side -------------------------------------------------------------------

    /**
     * The released report behind a link, or empty for a malformed, unknown, revoked or expired
     * link, an anonymised session or a report never released: all alike, so a link reveals nothing.
     * The reason goes to the log with a prefix of the token's hash, never the token.
     */
    @Transactional(readOnly = true)
    public Optional<ReleasedReport> byLink(String token) {
        return links.open(token);
    }
}
