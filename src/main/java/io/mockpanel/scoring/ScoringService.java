package io.mockpanel.scoring;

import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.panel.SessionDetails;
import io.mockpanel.panel.SessionEventLog;
import io.mockpanel.panel.SessionEvents;
import io.mockpanel.panel.SessionMember;
import io.mockpanel.panel.SessionRole;
import io.mockpanel.panel.SessionState;
import io.mockpanel.scenario.DiscussionArea;
import io.mockpanel.scenario.ScenarioContent;
import io.mockpanel.security.AppRoles;
import io.mockpanel.security.CurrentUser;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Blind scoring of a session's scenarios (decision 0008): the API and security boundary of the
 * scoring feature.
 *
 * <ul>
 *   <li>Scoring members are the lead and the panelists; observers never score.</li>
 *   <li>A sheet is a draft only its author sees, then submitted; a submitted sheet can be corrected
 *       (submitted again) until the reveal, never turned back into a draft, and nothing changes after
 *       the reveal.</li>
 *   <li>A scoring member sees other members' submitted sheets once their own is submitted; observers
 *       see sheets only after the reveal; nobody ever sees another's draft.</li>
 *   <li>Only the lead reveals, and only when every scoring member submitted; then everyone on the
 *       panel sees all sheets, the spread per area, and the lead records the consensus per area.</li>
 * </ul>
 *
 * Every change is its rows plus one event in the session log, in one transaction; validation
 * happens before anything is written, so a refused request leaves nothing behind.
 */
@Service
public class ScoringService {

    /** The most characters of a justification, a recommendation's text or a consensus note. */
    public static final int MAX_TEXT = 5000;

    static final String MEMBERS = "hasAnyRole('" + AppRoles.INTERVIEWER + "','" + AppRoles.COACH + "')";
    /** Scoring members are interviewers (observing coaches never score). */
    static final String SCORERS = "hasRole('" + AppRoles.INTERVIEWER + "')";
    /** The first key of this feature's transaction-scoped advisory locks (the second is the session). */
    private static final int LOCK_SPACE = 0x5C0E;

    private final JdbcClient jdbc;
    private final PanelSessionService sessions;
    private final SessionEventLog log;
    private final Clock clock;
    private final ScoringBoardQuery boards;

    ScoringService(JdbcClient jdbc, PanelSessionService sessions, SessionEventLog log, Clock clock,
            ScoringBoardQuery boards) {
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.log = log;
        this.clock = clock;
        this.boards = boards;
    }

    // --- reading ---------------------------------------------------------------------------------

    /**
     * What the current member may see of one scenario's scoring, read in one statement (decision
     * 0024; see {@link ScoringBoardQuery}).
     */
    @PreAuthorize(MEMBERS)
    public ScoringBoard board(long sessionId, int scenario) {
        return boards.read(sessionId, scenario, me());
    }

    // --- changing ----------------------------------------------------------------------------------

    /**
     * Saves the current user's sheet as a draft that only they see; the sheet may be incomplete.
     * Refused once the sheet was submitted (correct it with {@link #submit}) or the scores revealed.
     */
    @PreAuthorize(SCORERS)
    @Transactional
    public ScoreSheet saveDraft(long sessionId, ScoreSheetInput input) {
        return save(sessionId, input, SheetState.DRAFT);
    }

    /**
     * Submits the current user's sheet, complete: every area scored and justified, and the overall
     * recommendation with its reason. A submitted sheet can be submitted again with corrections
     * until the lead reveals the scores.
     */
    @PreAuthorize(SCORERS)
    @Transactional
    public ScoreSheet submit(long sessionId, ScoreSheetInput input) {
        return save(sessionId, input, SheetState.SUBMITTED);
    }

    /** The lead reveals a scenario's sheets to the whole panel, once every scoring member submitted. */
    @PreAuthorize(SCORERS)
    @Transactional
    public void reveal(long sessionId, int scenario) {
        SessionRole role = sessions.requireMember(sessionId);
        if (role != SessionRole.LEAD) {
            throw new ScoringException("Only the lead interviewer can reveal the scores.");
        }
        SessionDetails session = sessions.find(sessionId);
        requireOpen(session);
        scenarioOf(session, scenario);
        lock(sessionId);
        if (isRevealed(sessionId, scenario)) {
            throw new ScoringException("The scores of this scenario have already been revealed.");
        }
        Map<String, SheetState> states = sheetStates(sessionId, scenario);
        List<SessionMember> waiting = scorers(session).stream()
                .filter(m -> states.get(m.username()) != SheetState.SUBMITTED).toList();
        if (!waiting.isEmpty()) {
            throw new ScoringException("The scores can be revealed once every panelist has submitted; still "
                    + "waiting for " + waiting.stream().map(SessionMember::displayName)
                    .collect(Collectors.joining(", ")) + ".");
        }
        String me = me();
        jdbc.sql("insert into score_reveal (session_id, scenario, revealed_at, revealed_by) values (?, ?, ?, ?)")
                .params(sessionId, scenario, now(), me).update();
        log.append(sessionId, new SessionEvents.ScoresRevealed(scenario), me);
    }

    /** The lead records (or corrects) the panel's consensus score for one area, after the reveal. */
    @PreAuthorize(SCORERS)
    @Transactional
    public ConsensusScore recordConsensus(long sessionId, ConsensusInput input) {
        SessionRole role = sessions.requireMember(sessionId);
        if (role != SessionRole.LEAD) {
            throw new ScoringException("Only the lead interviewer can record the panel's consensus.");
        }
        SessionDetails session = sessions.find(sessionId);
        requireOpen(session);
        ScenarioContent content = scenarioOf(session, input.scenario());
        List<DiscussionArea> areas = content.discussionAreas();
        if (input.area() < 0 || input.area() >= areas.size()) {
            throw new ScoringException(noSuchArea(input.area(), areas.size()));
        }
        String title = areas.get(input.area()).title();
        if (!ScoreScale.isValid(input.score())) {
            throw new ScoringException("A consensus score is 1 to 4 (" + ScoreScale.legend() + "); the one for \""
                    + title + "\" was " + input.score() + ".");
        }
        String note = text(input.note(), "The consensus note for \"" + title + "\"");
        lock(sessionId);
        if (!isRevealed(sessionId, input.scenario())) {
            throw new ScoringException("Reveal the scores first: the consensus is recorded after the reveal.");
        }
        String me = me();
        Optional<Long> stored = jdbc.sql("select version from consensus_score where session_id = ? and scenario = ? "
                        + "and area = ?")
                .params(sessionId, input.scenario(), input.area()).query(Long.class).optional();
        if (stored.orElse(0L) != input.version()) {
            throw new ScoringConflictException("The consensus for \"" + title + "\" was recorded elsewhere (another "
                    + "tab?) since you opened it, so nothing was changed. Look at the recorded one, then record "
                    + "yours again if it still differs.");
        }
        OffsetDateTime now = now();
        if (stored.isEmpty()) {
            jdbc.sql("insert into consensus_score (session_id, scenario, area, score, note, recorded_by, recorded_at, "
                            + "version) values (?, ?, ?, ?, ?, ?, ?, 1)")
                    .params(sessionId, input.scenario(), input.area(), input.score(), note, me, now).update();
        } else {
            int changed = jdbc.sql("update consensus_score set score = ?, note = ?, recorded_by = ?, recorded_at = ?, "
                            + "version = version + 1 "
                            + "where session_id = ? and scenario = ? and area = ? and version = ?")
                    .params(input.score(), note, me, now, sessionId, input.scenario(), input.area(), input.version())
                    .update();
            if (changed != 1) {
                throw new ScoringConflictException("The consensus for \"" + title + "\" changed while you were "
                        + "saving it; nothing was changed.");
            }
        }
        log.append(sessionId, new SessionEvents.ConsensusRecorded(input.scenario(), input.area()), me);
        return consensus(sessionId, input.scenario(), names(session)).stream()
                .filter(c -> c.area() == input.area()).findFirst().orElseThrow();
    }

    // --- the sheet write path -----------------------------------------------------------------------

    private ScoreSheet save(long sessionId, ScoreSheetInput input, SheetState target) {
        SessionRole role = sessions.requireMember(sessionId);
        if (role == SessionRole.OBSERVER) {
            throw new ScoringException("Observers follow the scoring; only the lead and the panelists score.");
        }
        SessionDetails session = sessions.find(sessionId);
        requireOpen(session);
        ScenarioContent content = scenarioOf(session, input.scenario());
        Map<Integer, AreaScore> areas = validate(input, content.discussionAreas(), target == SheetState.SUBMITTED);
        String recommendationText = text(input.recommendationText(), "The text of the overall recommendation");
        String me = me();

        lock(sessionId);
        if (isRevealed(sessionId, input.scenario())) {
            throw new ScoringException("The scores of this scenario have been revealed; sheets can no longer "
                    + "change. Talk it through and let the lead record the consensus.");
        }
        Optional<StoredSheet> stored = jdbc.sql("select id, state, version from score_sheet where session_id = ? "
                        + "and scenario = ? and author = ?")
                .params(sessionId, input.scenario(), me)
                .query((rs, row) -> new StoredSheet(rs.getLong("id"), SheetState.valueOf(rs.getString("state")),
                        rs.getLong("version")))
                .optional();
        if (stored.map(StoredSheet::version).orElse(0L) != input.version()) {
            throw conflict();
        }
        if (target == SheetState.DRAFT && stored.isPresent() && stored.get().state() == SheetState.SUBMITTED) {
            throw new ScoringException("You have already submitted this sheet, so it cannot go back to being a "
                    + "draft; correct it and submit it again (possible until the lead reveals the scores).");
        }
        OffsetDateTime now = now();
        @Nullable OffsetDateTime submittedAt = target == SheetState.SUBMITTED ? now : null;
        long sheetId;
        if (stored.isEmpty()) {
            sheetId = jdbc.sql("insert into score_sheet (session_id, scenario, author, state, recommendation, "
                            + "recommendation_text, created_at, updated_at, submitted_at, version) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, 1) "
                            + "on conflict (session_id, scenario, author) do nothing returning id")
                    .params(sessionId, input.scenario(), me, target.name(), input.recommendation(), recommendationText,
                            now, now, submittedAt)
                    .query(Long.class).optional().orElseThrow(ScoringService::conflict);
        } else {
            sheetId = stored.get().id();
            int changed = jdbc.sql("update score_sheet set state = ?, recommendation = ?, recommendation_text = ?, "
                            + "updated_at = ?, submitted_at = coalesce(?, submitted_at), version = version + 1 "
                            + "where id = ? and version = ?")
                    .params(target.name(), input.recommendation(), recommendationText, now, submittedAt, sheetId,
                            input.version())
                    .update();
            if (changed != 1) {
                throw conflict();
            }
            jdbc.sql("delete from area_score where sheet_id = ?").param(sheetId).update();
        }
        for (AreaScore area : areas.values()) {
            jdbc.sql("insert into area_score (sheet_id, area, score, justification) values (?, ?, ?, ?)")
                    .params(sheetId, area.area(), area.score(), area.justification()).update();
        }
        // Who and which scenario, never a score: every member's screen reads the log (decision 0007).
        log.append(sessionId, target == SheetState.SUBMITTED ? new SessionEvents.ScoreSubmitted(input.scenario(), me)
                : new SessionEvents.ScoreDraftSaved(input.scenario(), me), me);
        return loadSheets(sessionId, input.scenario(), me, false, names(session)).getFirst();
    }

    private record StoredSheet(long id, SheetState state, long version) {
    }

    private static ScoringConflictException conflict() {
        return new ScoringConflictException("Your sheet was saved elsewhere (in another tab or window?) since you "
                + "opened it, so this save was refused and nothing was overwritten. Load the saved version, then "
                + "make your change again.");
    }

    /**
     * Checks the areas and returns them by index, texts stripped, keeping only areas with a score or
     * a justification. To submit, every area needs both, and the recommendation needs a value and text.
     */
    private static Map<Integer, AreaScore> validate(ScoreSheetInput input, List<DiscussionArea> areas,
            boolean submitting) {
        Map<Integer, AreaScore> byArea = new TreeMap<>();
        for (AreaScore area : input.areas()) {
            if (area.area() < 0 || area.area() >= areas.size()) {
                throw new ScoringException(noSuchArea(area.area(), areas.size()));
            }
            String title = areas.get(area.area()).title();
            if (byArea.containsKey(area.area())) {
                throw new ScoringException("The discussion area \"" + title + "\" is on the sheet twice; "
                        + "give each area once.");
            }
            Integer score = area.score();
            if (score != null && !ScoreScale.isValid(score)) {
                throw new ScoringException("A score is 1 to 4 (" + ScoreScale.legend() + "); \"" + title
                        + "\" was given " + score + ".");
            }
            String justification = text(area.justification(), "The justification for \"" + title + "\"");
            if (score != null || !justification.isEmpty()) {
                byArea.put(area.area(), new AreaScore(area.area(), score, justification));
            }
        }
        Integer recommendation = input.recommendation();
        if (recommendation != null && !ScoreScale.isValid(recommendation)) {
            throw new ScoringException("The overall recommendation is 1 to 4 (" + ScoreScale.legend() + "); it was "
                    + recommendation + ".");
        }
        if (submitting) {
            List<String> unscored = new ArrayList<>();
            List<String> unjustified = new ArrayList<>();
            for (int i = 0; i < areas.size(); i++) {
                AreaScore area = byArea.get(i);
                if (area == null || area.score() == null) {
                    unscored.add("\"" + areas.get(i).title() + "\"");
                } else if (area.justification().isEmpty()) {
                    unjustified.add("\"" + areas.get(i).title() + "\"");
                }
            }
            if (!unscored.isEmpty()) {
                throw new ScoringException("To submit, score every discussion area from 1 to 4; not scored yet: "
                        + String.join(", ", unscored) + ". Save a draft to finish later.");
            }
            if (!unjustified.isEmpty()) {
                throw new ScoringException("To submit, justify every score in a few words (you may cite your "
                        + "notes); missing for " + String.join(", ", unjustified) + ".");
            }
            if (recommendation == null) {
                throw new ScoringException("To submit, give an overall recommendation from 1 to 4 ("
                        + ScoreScale.legend() + ").");
            }
            if (input.recommendationText().isBlank()) {
                throw new ScoringException("To submit, explain the overall recommendation in a few words.");
            }
        }
        return byArea;
    }

    private static String noSuchArea(int area, int count) {
        return "This scenario has " + count + " discussion areas (numbered 0 to " + (count - 1) + "); there is no "
                + "area " + area + ".";
    }

    /** A free text, stripped, within {@link #MAX_TEXT} characters and without NUL characters. */
    private static String text(@Nullable String value, String what) {
        String stripped = value == null ? "" : value.strip();
        int length = stripped.codePointCount(0, stripped.length());
        if (length > MAX_TEXT) {
            throw new ScoringException(what + " has " + String.format("%,d", length) + " characters; at most "
                    + String.format("%,d", MAX_TEXT) + " are allowed.");
        }
        if (stripped.indexOf('\0') >= 0) {
            throw new ScoringException(what + " contains a NUL character, which cannot be stored; remove it.");
        }
        return stripped;
    }

    // --- shared checks and reads -------------------------------------------------------------------

    private static ScenarioContent scenarioOf(SessionDetails session, int scenario) {
        if (scenario < 0 || scenario >= session.agenda().size()) {
            throw new ScoringException("That scenario is not on this session's agenda (it has "
                    + session.agenda().size() + " scenarios).");
        }
        return session.agenda().get(scenario);
    }

    private static void requireOpen(SessionDetails session) {
        if (session.state() == SessionState.SCHEDULED) {
            throw new ScoringException("Scoring opens when the lead starts the session.");
        }
        if (session.state() == SessionState.CANCELLED) {
            throw new ScoringException("This session was cancelled; its scores can no longer change.");
        }
    }

    /** Serializes this feature's writes per session: the reveal against late corrections, above all. */
    private void lock(long sessionId) {
        jdbc.sql("select pg_advisory_xact_lock(?, ?)").params(LOCK_SPACE, Long.hashCode(sessionId))
                .query((rs, row) -> 1).list();
    }

    private static List<SessionMember> scorers(SessionDetails session) {
        return session.members().stream().filter(m -> m.role() != SessionRole.OBSERVER).toList();
    }

    private static Map<String, String> names(SessionDetails session) {
        Map<String, String> names = new HashMap<>();
        session.members().forEach(m -> names.put(m.username(), m.displayName()));
        return names;
    }

    private Map<String, SheetState> sheetStates(long sessionId, int scenario) {
        Map<String, SheetState> states = new LinkedHashMap<>();
        jdbc.sql("select author, state from score_sheet where session_id = ? and scenario = ?")
                .params(sessionId, scenario)
                .query((rs, row) -> Map.entry(rs.getString("author"), SheetState.valueOf(rs.getString("state"))))
                .list().forEach(entry -> states.put(entry.getKey(), entry.getValue()));
        return states;
    }

    private boolean isRevealed(long sessionId, int scenario) {
        return jdbc.sql("select exists (select 1 from score_reveal where session_id = ? and scenario = ?)")
                .params(sessionId, scenario).query(Boolean.class).single();
    }

    /**
     * The author's own sheet (any state), or, with {@code others}, the other authors' submitted
     * sheets. Drafts of others are never read.
     */
    private List<ScoreSheet> loadSheets(long sessionId, int scenario, String me, boolean others,
            Map<String, String> names) {
        String filter = others ? "author <> ? and state = 'SUBMITTED'" : "author = ?";
        List<ScoreSheet> sheets = jdbc.sql("select id, scenario, author, state, recommendation, recommendation_text, "
                        + "updated_at, submitted_at, version from score_sheet "
                        + "where session_id = ? and scenario = ? and "
                        + filter + " order by id")
                .params(sessionId, scenario, me)
                .query((rs, row) -> new ScoreSheet(rs.getLong("id"), rs.getInt("scenario"), rs.getString("author"),
                        names.getOrDefault(rs.getString("author"), rs.getString("author")),
                        SheetState.valueOf(rs.getString("state")), List.of(), nullableInt(rs, "recommendation"),
                        rs.getString("recommendation_text"), instant(rs, "updated_at"),
                        instantOrNull(rs, "submitted_at"), rs.getLong("version")))
                .list();
        if (sheets.isEmpty()) {
            return sheets;
        }
        Map<Long, List<AreaScore>> areas = new HashMap<>();
        jdbc.sql("select sheet_id, area, score, justification from area_score where sheet_id in (:ids) "
                        + "order by sheet_id, area")
                .param("ids", sheets.stream().map(ScoreSheet::id).toList())
                .query((rs, row) -> Map.entry(rs.getLong("sheet_id"),
                        new AreaScore(rs.getInt("area"), nullableInt(rs, "score"), rs.getString("justification"))))
                .list().forEach(entry -> areas.computeIfAbsent(entry.getKey(), id -> new ArrayList<>())
                        .add(entry.getValue()));
        return sheets.stream().map(s -> new ScoreSheet(s.id(), s.scenario(), s.author(), s.authorName(), s.state(),
                areas.getOrDefault(s.id(), List.of()), s.recommendation(), s.recommendationText(), s.updatedAt(),
                s.submittedAt(), s.version())).toList();
    }

    private List<ConsensusScore> consensus(long sessionId, int scenario, Map<String, String> names) {
        return jdbc.sql("select area, score, note, recorded_by, recorded_at, version from consensus_score "
                        + "where session_id = ? and scenario = ? order by area")
                .params(sessionId, scenario)
                .query((rs, row) -> new ConsensusScore(rs.getInt("area"), rs.getInt("score"), rs.getString("note"),
                        rs.getString("recorded_by"),
                        names.getOrDefault(rs.getString("recorded_by"), rs.getString("recorded_by")),
                        instant(rs, "recorded_at"), rs.getLong("version")))
                .list();
    }

    private static String me() {
        return CurrentUser.username().orElseThrow(() -> new AccessDeniedException("not signed in"));
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
