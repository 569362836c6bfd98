package io.mockpanel.review;

import io.mockpanel.panel.CandidateScreen;
import io.mockpanel.panel.PromptRef;
import io.mockpanel.panel.QuickTag;
import io.mockpanel.panel.SessionEvent;
import io.mockpanel.panel.SessionEventTypes;
import io.mockpanel.panel.SessionEvents;
import io.mockpanel.panel.SessionRole;
import io.mockpanel.review.SessionReview.AreaScores;
import io.mockpanel.review.SessionReviewRows.ConsensusRow;
import io.mockpanel.review.SessionReviewRows.NoteRow;
import io.mockpanel.review.SessionReviewRows.SelfRow;
import io.mockpanel.review.SessionReviewRows.SessionRow;
import io.mockpanel.review.SessionReviewRows.SheetRow;
import io.mockpanel.review.SessionReviewRows.AreaRow;
import io.mockpanel.review.SessionReview.PanelScore;
import io.mockpanel.scenario.DiscussionArea;
import io.mockpanel.scenario.ScenarioContent;
import io.mockpanel.security.AppRoles;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The session review (issue 8, decision 0027): everything a reader may know about one session,
 * cut to what they may see, and the panel's verdict recorded by the lead. Reads a whole session in
 * a fixed number of statements whatever its size (see {@link #review}).
 *
 * <p>What a reader sees: notes of others that are not private (a private note only for its author);
 * their own score sheets, and others' submitted sheets once the scenario was revealed — never an
 * unrevealed sheet of someone else, whoever reads; coaching notes for coaches and admins, for the
 * panel only those shared with it; the candidate's self-assessment for everyone who sees the
 * session; the candidate's rating of the session for coaches and admins only.
 */
@Service
public class SessionReviewService {

    static final String READERS = "hasAnyRole('" + AppRoles.INTERVIEWER + "','" + AppRoles.COACH + "','"
            + AppRoles.ADMIN + "')";

    /** The most characters of the verdict's note (the column's check). */
    public static final int MAX_NOTE = 5000;

    private final JdbcClient jdbc;
    private final ReviewAccess access;
    private final Clock clock;
    private final SessionReviewRows rows;
    private final PanelVerdicts verdicts;

    SessionReviewService(JdbcClient jdbc, ReviewAccess access, Clock clock, SessionReviewRows rows,
            PanelVerdicts verdicts) {
        this.rows = rows;
        this.jdbc = jdbc;
        this.access = access;
        this.clock = clock;
        this.verdicts = verdicts;
    }

    // --- reading ---------------------------------------------------------------------------------

    /**
     * The review of a session for the signed-in reader; a coach's or admin's look at a session they
     * did not sit on is audited (once per call: call it once per page open). Ten statements
     * whatever the session holds (one more, the audit row, for a non-member): the access check,
     * the session with its verdict and feedback, the panel, the agenda, the log, the notes, the
     * score sheets with their area scores, the reveals with the consensus, the self-assessment and
     * the coaching notes.
     *
     * @throws org.springframework.security.access.AccessDeniedException when the reader may not see it
     *         (also when it does not exist)
     */
    @PreAuthorize(READERS)
    @Transactional // not read-only: the access check may write the audit row
    public SessionReview review(long sessionId) {
        return reviewFor(sessionId, AuditLog.Action.VIEWED_SESSION);
    }

    /**
     * The same review for a download (PDF, CSV): the same rules as viewing it, and a coach's or
     * admin's export of a session they did not sit on is audited as an export.
     */
    @PreAuthorize(READERS)
    @Transactional
    public SessionReview export(long sessionId) {
        return reviewFor(sessionId, AuditLog.Action.EXPORTED_SESSION);
    }

    private SessionReview reviewFor(long sessionId, AuditLog.Action purpose) {
        Reviewer reader = access.open(sessionId, purpose);
        SessionRow session = rows.session(sessionId);
        List<SessionReview.Seat> panel = rows.panel(sessionId);
        Map<String, String> names = new HashMap<>();
        panel.forEach(seat -> names.put(seat.username(), seat.displayName()));
        List<ScenarioContent> agenda = rows.agenda(sessionId);
        List<SessionEvent> events = rows.events(sessionId, Long.MAX_VALUE);
        List<NoteRow> notes = rows.notes(sessionId, reader);
        List<SheetRow> sheets = rows.sheets(sessionId, reader);
        Map<Integer, Map<Integer, ConsensusRow>> reveals = rows.reveals(sessionId);
        Map<Long, SelfRow> self = rows.selfAssessment(sessionId);
        boolean coach = reader.isCoach() || reader.isAdmin();
        List<NoteRow> coaching = rows.coachingNotes(sessionId, coach);

        Instant until = session.endedAt() != null ? session.endedAt() : clock.instant();
        Set<PromptRef> pushed = new HashSet<>();
        events.stream().filter(e -> e.is(SessionEvents.PromptPushed.class))
                .map(e -> e.decode(SessionEvents.PromptPushed.class).ref())
                .filter(ref -> ref.existsIn(agenda)).forEach(pushed::add);
        int items = PromptRef.allOf(agenda).size();
        var summary = new SessionReview.Summary(sessionId, session.title(), session.candidateId(),
                session.candidateName(), session.state(), session.createdAt(), session.startedAt(), session.endedAt(),
                panel, pushed.size(), items - pushed.size(), session.anonymised());

        List<CitedNotes.VisibleNote> visible = notes.stream().map(n -> new CitedNotes.VisibleNote(n.id(), n.author(),
                n.offset(), n.prompt(), n.text())).toList();
        List<SessionReview.Recommendation> recommendations = sheets.stream()
                .map(s -> new SessionReview.Recommendation(s.scenario(), s.author(), s.name(), s.recommendation(),
                        s.recommendationText(), s.submitted()))
                .toList();
        List<SessionReview.Moment> timeline = SessionReviewTimeline.of(session, agenda, events, notes, coaching, names,
                clock);
        return new SessionReview(reader, summary, TimeSpent.of(agenda, events, until), recommendations,
                session.verdict(), timeline, scenarios(agenda, events, sheets, reveals, self, visible),
                coach ? session.feedback() : null);
    }

    /**
     * What the candidate saw right after event {@code seq} (a moment's number), for a reader of the
     * session; no audit (the page that asks was opened with {@link #review}). Three statements.
     */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public CandidateScreen screenAt(long sessionId, long seq) {
        access.readerOf(sessionId);
        String candidate = jdbc.sql("select c.display_name from panel_session s join candidate c on c.id = s.candidate_id "
                        + "where s.id = ?").param(sessionId).query(String.class).single();
        // Only what the candidate's room itself reads: what changes their screen.
        List<String> types = SessionEventTypes.types().stream().filter(SessionEventTypes::candidateMaySee).toList();
        List<SessionEvent> events = jdbc.sql("""
                select session_id, seq, type, payload::text as payload, actor, created_at
                  from session_event where session_id = :session and seq <= :seq and type in (:types) order by seq""")
                .param("session", sessionId).param("seq", seq).param("types", types)
                .query(SessionReviewRows::event).list();
        return CandidateScreen.replay(candidate, rows.agenda(sessionId), events);
    }

    /** The verdict with its version, for the lead's form; empty before the first one. Two statements. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Optional<RecordedVerdict> verdict(long sessionId) {
        access.readerOf(sessionId);
        return verdicts.current(sessionId);
    }

    // --- the verdict ---------------------------------------------------------------------------------

    /**
     * The lead records (or changes) the panel's overall recommendation, after the session or, during
     * it, once every scenario's scores were revealed. {@code input.version()} must be the version
     * the lead saw (null for the first verdict): a verdict changed meanwhile is refused, not overwritten.
     */
    @PreAuthorize(READERS)
    @Transactional
    public RecordedVerdict recordVerdict(long sessionId, VerdictInput input) {
        Reviewer reader = access.readerOf(sessionId);
        if (reader.seat() != SessionRole.LEAD) {
            throw new ReviewException("Only the lead interviewer records the panel's verdict.");
        }
        return verdicts.record(sessionId, reader.username(), input);
    }

    // --- per scenario ------------------------------------------------------------------------------------

    private static List<SessionReview.ScenarioScores> scenarios(List<ScenarioContent> agenda, List<SessionEvent> events,
            List<SheetRow> sheets, Map<Integer, Map<Integer, ConsensusRow>> reveals, Map<Long, SelfRow> self,
            List<CitedNotes.VisibleNote> notes) {
        Map<PromptRef, Boolean> covered = new HashMap<>();
        Map<Integer, Map<QuickTag, Integer>> tags = new HashMap<>();
        for (SessionEvent event : events) {
            switch (event.decode()) {
                case SessionEvents.QuestionCovered c -> covered.put(c.ref(), c.covered());
                case SessionEvents.TagAdded tag when tag.prompt() != null ->
                        SessionReviewTimeline.quickTag(tag.tag()).ifPresent(known ->
                                tags.computeIfAbsent(tag.prompt().scenario(), s -> new LinkedHashMap<>())
                                        .merge(known, 1, Integer::sum));
                default -> {
                }
            }
        }
        List<SessionReview.ScenarioScores> result = new ArrayList<>();
        for (int s = 0; s < agenda.size(); s++) {
            ScenarioContent content = agenda.get(s);
            Map<Integer, ConsensusRow> consensus = reveals.get(s);
            List<AreaScores> areas = new ArrayList<>();
            List<SessionReview.QuestionCoverage> coverage = new ArrayList<>();
            for (int a = 0; a < content.discussionAreas().size(); a++) {
                DiscussionArea area = content.discussionAreas().get(a);
                List<PanelScore> scores = new ArrayList<>();
                for (SheetRow sheet : sheets) {
                    if (sheet.scenario() == s) {
                        AreaRow row = sheet.areas().get(a);
                        String justification = row == null ? "" : row.justification();
                        scores.add(new PanelScore(sheet.author(), sheet.name(), row == null ? null : row.score(),
                                justification, CitedNotes.of(sheet.author(), s, a, justification, notes)));
                    }
                }
                ConsensusRow agreed = consensus == null ? null : consensus.get(a);
                SelfRow mine = self.get(((long) s << 32) | a);
                areas.add(new AreaScores(a, area.title(), scores, agreed == null ? null : agreed.score(),
                        agreed == null ? "" : agreed.note(), mine == null ? null : mine.score(),
                        mine == null ? "" : mine.comment()));
                for (int q = 0; q < area.questions().size(); q++) {
                    coverage.add(new SessionReview.QuestionCoverage(a, q, area.questions().get(q),
                            covered.getOrDefault(PromptRef.question(s, a, q), false)));
                }
            }
            List<SessionReview.TagCount> tagCounts = tags.getOrDefault(s, Map.of()).entrySet().stream()
                    .sorted(Map.Entry.<QuickTag, Integer>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .map(e -> new SessionReview.TagCount(e.getKey().name(), e.getKey().label(), e.getValue()))
                    .toList();
            result.add(new SessionReview.ScenarioScores(s, content.title(), consensus != null, areas, coverage, tagCounts));
        }
        return result;
    }
}
