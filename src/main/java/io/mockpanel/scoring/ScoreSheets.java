package io.mockpanel.scoring;

import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.panel.SessionDetails;
import io.mockpanel.panel.SessionEventLog;
import io.mockpanel.panel.SessionEvents;
import io.mockpanel.scenario.DiscussionArea;
import io.mockpanel.scenario.ScenarioContent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A scoring member's sheet: checked, saved as a draft or submitted, and read back. Checks no
 * roles: {@link ScoringService} does before it calls.
 */
@Component
class ScoreSheets {

    private final JdbcClient jdbc;
    private final PanelSessionService sessions;
    private final SessionEventLog log;
    private final Clock clock;
    private final ScenarioLock locks;

    ScoreSheets(JdbcClient jdbc, PanelSessionService sessions, SessionEventLog log, Clock clock, ScenarioLock locks) {
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.log = log;
        this.clock = clock;
        this.locks = locks;
    }

    /**
     * Validates the sheet, then stores it as the current member's draft or submitted sheet under
     * the optimistic version, with one event in the session log. The caller checked the member may score.
     */
    ScoreSheet save(long sessionId, ScoreSheetInput input, SheetState target) {
        SessionDetails session = sessions.find(sessionId);
        ScoringRules.requireOpen(session);
        ScenarioContent content = ScoringRules.scenarioOf(session, input.scenario());
        Map<Integer, AreaScore> areas = validate(input, content.discussionAreas(), target == SheetState.SUBMITTED);
        String recommendationText = ScoringRules.text(input.recommendationText(), "The text of the overall recommendation");
        String me = ScoringRules.me();

        locks.lock(sessionId);
        if (locks.isRevealed(sessionId, input.scenario())) {
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
                    .query(Long.class).optional().orElseThrow(ScoreSheets::conflict);
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
        return loadSheets(sessionId, input.scenario(), me, false, ScoringRules.names(session)).getFirst();
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
                throw new ScoringException(ScoringRules.noSuchArea(area.area(), areas.size()));
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
            String justification = ScoringRules.text(area.justification(), "The justification for \"" + title + "\"");
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
