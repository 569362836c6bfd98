package io.mockpanel.review;

import io.mockpanel.panel.CandidateScreen;
import io.mockpanel.panel.PromptRef;
import io.mockpanel.panel.QuickTag;
import io.mockpanel.panel.SessionEvent;
import io.mockpanel.panel.SessionEventLog;
import io.mockpanel.panel.SessionEvents;
import io.mockpanel.panel.SessionRole;
import io.mockpanel.panel.SessionState;
import io.mockpanel.review.SessionReview.AreaScores;
import io.mockpanel.review.SessionReviewRows.ConsensusRow;
import io.mockpanel.review.SessionReviewRows.NoteRow;
import io.mockpanel.review.SessionReviewRows.SelfRow;
import io.mockpanel.review.SessionReviewRows.SessionRow;
import io.mockpanel.review.SessionReviewRows.SheetRow;
import io.mockpanel.review.SessionReviewRows.AreaRow;
import io.mockpanel.review.SessionReview.Moment;
import io.mockpanel.review.SessionReview.MomentKind;
import io.mockpanel.review.SessionReview.PanelScore;
import io.mockpanel.scenario.DiscussionArea;
import io.mockpanel.scenario.ScenarioContent;
import io.mockpanel.scoring.ScoreScale;
import io.mockpanel.security.AppRoles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
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
    private final SessionEventLog log;
    private final Clock clock;
    private final SessionReviewRows rows;

    SessionReviewService(JdbcClient jdbc, ReviewAccess access, SessionEventLog log, Clock clock,
            SessionReviewRows rows) {
        this.rows = rows;
        this.jdbc = jdbc;
        this.access = access;
        this.log = log;
        this.clock = clock;
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
        return new SessionReview(reader, summary, TimeSpent.of(agenda, events, until), recommendations,
                session.verdict(), timeline(session, agenda, events, notes, coaching, names),
                scenarios(agenda, events, sheets, reveals, self, visible), coach ? session.feedback() : null);
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
        List<String> types = SessionEvents.types().stream().filter(SessionEvents::candidateMaySee).toList();
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
        return currentVerdict(sessionId);
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
        Integer recommendation = input.recommendation();
        String legend = Arrays.stream(ScoreScale.values()).map(p -> p.value() + " " + p.label().toLowerCase())
                .collect(Collectors.joining(", "));
        if (recommendation == null) {
            throw new ReviewException("Choose the panel's recommendation (" + legend + ").");
        }
        if (!ScoreScale.isValid(recommendation)) {
            throw new ReviewException("The recommendation must be 1 to 4 (" + legend + "); " + recommendation
                    + " is not on the scale.");
        }
        String note = input.note() == null ? "" : input.note().strip();
        int length = note.codePointCount(0, note.length());
        if (length > MAX_NOTE) {
            throw new ReviewException("The note has " + length + " characters; at most " + MAX_NOTE + " are allowed.");
        }
        // The session's row lock serializes verdicts (and numbers the event after them).
        var state = jdbc.sql("""
                select s.state, (select count(*) from session_scenario x where x.session_id = s.id) as scenarios,
                       (select count(*) from score_reveal r where r.session_id = s.id) as revealed
                  from panel_session s where s.id = ? for update""")
                .param(sessionId)
                .query((rs, row) -> new Object[] {SessionState.valueOf(rs.getString("state")), rs.getInt("scenarios"),
                        rs.getInt("revealed")})
                .single();
        SessionState sessionState = (SessionState) state[0];
        if (sessionState == SessionState.CANCELLED) {
            throw new ReviewException("This session was cancelled: a cancelled session has no verdict.");
        }
        if (sessionState == SessionState.SCHEDULED
                || sessionState == SessionState.LIVE && (int) state[2] < (int) state[1]) {
            throw new ReviewException("The verdict is recorded after the session, or during it once the scores of "
                    + "every scenario have been revealed.");
        }
        Optional<RecordedVerdict> current = currentVerdict(sessionId);
        Long expected = input.version();
        if (current.isPresent() != (expected != null)
                || current.isPresent() && current.get().version() != expected) {
            throw new ReviewException(current.map(v -> "The verdict was changed meanwhile by "
                    + v.verdict().recordedBy() + "; your change was not saved. Reload to see it, then record yours again.")
                    .orElse("The verdict was removed meanwhile; reload and record it again."));
        }
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        long version = jdbc.sql("""
                insert into session_verdict (session_id, recommendation, note, recorded_by, recorded_at, version)
                values (:session, :recommendation, :note, :by, :at, 0)
                on conflict (session_id) do update set recommendation = excluded.recommendation, note = excluded.note,
                       recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at,
                       version = session_verdict.version + 1
                returning version""")
                .param("session", sessionId).param("recommendation", recommendation).param("note", note)
                .param("by", reader.username()).param("at", now)
                .query(Long.class).single();
        log.append(sessionId, new SessionEvents.VerdictRecorded(version), reader.username());
        return currentVerdict(sessionId).orElseThrow();
    }

    private Optional<RecordedVerdict> currentVerdict(long sessionId) {
        return jdbc.sql("""
                select v.recommendation, v.note, coalesce(u.display_name, v.recorded_by) as by_name, v.recorded_at,
                       v.version
                  from session_verdict v left join user_account u on u.username = v.recorded_by
                 where v.session_id = ?""")
                .param(sessionId)
                .query((rs, row) -> new RecordedVerdict(new SessionReview.Verdict(rs.getInt("recommendation"),
                        rs.getString("note"), rs.getString("by_name"), SessionReviewRows.instant(rs, "recorded_at")), rs.getLong("version")))
                .optional();
    }

    // --- the timeline ------------------------------------------------------------------------------------

    private record Placed(Instant at, long seq, Moment moment) {
    }

    private List<Moment> timeline(SessionRow session, List<ScenarioContent> agenda, List<SessionEvent> events,
            List<NoteRow> notes, List<NoteRow> coaching, Map<String, String> names) {
        Instant start = session.startedAt();
        List<Placed> placed = new ArrayList<>();
        for (SessionEvent event : events) {
            String who = names.getOrDefault(event.actor(), event.actor());
            Moment moment = switch (event.decode()) {
                case SessionEvents.SessionStarted s -> moment(event, start, MomentKind.STARTED, who, "Started the session", null);
                case SessionEvents.SessionEnded s -> moment(event, start, MomentKind.ENDED, who, "Ended the session", null);
                case SessionEvents.SessionCancelled s ->
                        moment(event, start, MomentKind.ENDED, who, "Cancelled the session", null);
                case SessionEvents.PromptPushed push -> moment(event, start, MomentKind.PROMPT, who,
                        "Pushed " + label(push.ref(), agenda), push.ref());
                case SessionEvents.TimerStarted t -> moment(event, start, MomentKind.TIMER, who,
                        "Started the timer of " + title(t.scenario(), agenda), null);
                case SessionEvents.TimerPaused t -> moment(event, start, MomentKind.TIMER, who,
                        "Paused the timer of " + title(t.scenario(), agenda), null);
                case SessionEvents.TimerExtended t -> moment(event, start, MomentKind.TIMER, who,
                        "Gave " + title(t.scenario(), agenda) + " " + t.minutes() + " more minutes", null);
                case SessionEvents.QuestionCovered c -> moment(event, start, MomentKind.COVERAGE, who,
                        (c.covered() ? "Marked covered: " : "No longer covered: ") + label(c.ref(), agenda), c.ref());
                case SessionEvents.ClarificationRequested c -> moment(event, start, MomentKind.CLARIFICATION,
                        c.candidate(), c.prompt().isBlank() ? "Asked for a clarification"
                                : "Asked for a clarification of " + c.prompt(), null);
                case SessionEvents.CandidateJoined j -> moment(event, start, MomentKind.JOINED, j.name(),
                        j.firstUse() ? "Joined the room" : "Came back to the room", null);
                case SessionEvents.TagAdded tag -> tagMoment(event, tag, who, agenda);
                case SessionEvents.ScoreSubmitted s -> moment(event, start, MomentKind.SCORE_SUBMITTED,
                        names.getOrDefault(s.author(), s.author()), "Submitted the scores of " + title(s.scenario(), agenda),
                        null);
                case SessionEvents.ScoresRevealed r -> moment(event, start, MomentKind.SCORES_REVEALED, who,
                        "Revealed the scores of " + title(r.scenario(), agenda), null);
                case SessionEvents.ConsensusRecorded c -> moment(event, start, MomentKind.CONSENSUS, who,
                        "Recorded the consensus on " + areaTitle(c.scenario(), c.area(), agenda) + " ("
                                + title(c.scenario(), agenda) + ")", null);
                case SessionEvents.VerdictRecorded v -> moment(event, start, MomentKind.VERDICT, who,
                        v.version() == 0 ? "Recorded the panel's verdict" : "Changed the panel's verdict", null);
                default -> null;
            };
            if (moment != null) {
                // A tag sits at its stamp, like a note, so that the two interleave as they were taken.
                Instant at = moment.kind() == MomentKind.TAG && start != null ? start.plus(moment.offset()) : event.at();
                placed.add(new Placed(at, event.seq(), moment));
            }
        }
        Duration end = start == null ? Duration.ZERO
                : Duration.between(start, session.endedAt() != null ? session.endedAt() : clock.instant());
        for (NoteRow note : notes) {
            placed.add(noteMoment(note, start, end, events, note.isPrivate() ? MomentKind.PRIVATE_NOTE : MomentKind.NOTE));
        }
        for (NoteRow note : coaching) {
            placed.add(noteMoment(note, start, end, events, MomentKind.COACHING_NOTE));
        }
        placed.sort(Comparator.comparing(Placed::at).thenComparingLong(Placed::seq));
        return placed.stream().map(Placed::moment).toList();
    }

    private static Moment moment(SessionEvent event, @Nullable Instant start, MomentKind kind, String who, String text,
            @Nullable PromptRef prompt) {
        return new Moment(event.seq(), offset(start, event.at()), kind, who, text, prompt);
    }

    private static @Nullable Moment tagMoment(SessionEvent event, SessionEvents.TagAdded tag, String who,
            List<ScenarioContent> agenda) {
        Optional<QuickTag> known = quickTag(tag.tag());
        if (known.isEmpty()) {
            return null; // a retired tag
        }
        PromptRef prompt = tag.prompt() != null && tag.prompt().existsIn(agenda) ? tag.prompt() : null;
        return new Moment(event.seq(), Duration.ofMillis(Math.max(0, tag.offsetMs())), MomentKind.TAG,
                tag.authorName() != null ? tag.authorName() : who, known.get().label(), prompt);
    }

    /**
     * A note sits at its stamp; its number is that of the last event before it, so that replaying the
     * log up to it shows the candidate's screen when the note was taken. A coaching note written after
     * the session without a moment picked sits at the end.
     */
    private static Placed noteMoment(NoteRow note, @Nullable Instant start, Duration end, List<SessionEvent> events,
            MomentKind kind) {
        Duration offset = note.pinned() ? note.offset() : end;
        Instant at = start == null ? note.createdAt() : start.plus(offset);
        long seq = 0;
        for (SessionEvent event : events) {
            // Stamps are kept in milliseconds, events in microseconds.
            if (event.at().truncatedTo(ChronoUnit.MILLIS).isAfter(at)) {
                break;
            }
            seq = event.seq();
        }
        return new Placed(at, seq, new Moment(seq, offset, kind, note.name(), note.text(), note.prompt()));
    }

    private static Duration offset(@Nullable Instant start, Instant at) {
        if (start == null || at.isBefore(start)) {
            return Duration.ZERO;
        }
        return Duration.between(start, at);
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
                case SessionEvents.TagAdded tag when tag.prompt() != null -> quickTag(tag.tag()).ifPresent(known ->
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

    private static Optional<QuickTag> quickTag(String name) {
        try {
            return Optional.of(QuickTag.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String label(PromptRef ref, List<ScenarioContent> agenda) {
        return ref.existsIn(agenda) ? ref.label(agenda) : "an item that is not on the agenda";
    }

    private static String title(int scenario, List<ScenarioContent> agenda) {
        return scenario >= 0 && scenario < agenda.size() ? agenda.get(scenario).title() : "scenario " + (scenario + 1);
    }

    private static String areaTitle(int scenario, int area, List<ScenarioContent> agenda) {
        if (scenario >= 0 && scenario < agenda.size() && area >= 0
                && area < agenda.get(scenario).discussionAreas().size()) {
            return agenda.get(scenario).discussionAreas().get(area).title();
        }
        return "area " + (area + 1);
    }
}
