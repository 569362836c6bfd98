package io.mockpanel.review;

import io.mockpanel.panel.CandidateRoomService;
import io.mockpanel.scenario.DiscussionArea;
import io.mockpanel.scenario.ScenarioContent;
import io.mockpanel.scoring.ScoreScale;
import io.mockpanel.security.AppRoles;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The candidate's look back after a completed session: a self-assessment per discussion area on
 * the panel's 1-4 scale (with an optional comment each) and a 1-5 rating of the session. Reached
 * through the candidate's room, so only while their invite link still admits their browser; the
 * session comes from the candidate's sign-in, never from a parameter. The answers may be changed
 * until a coach releases a development report: from then on the report answers them.
 */
@Service
@PreAuthorize("hasRole('" + AppRoles.CANDIDATE + "')")
public class SelfAssessmentService {

    /** The longest comment, as the schema allows. */
    public static final int MAX_COMMENT = 2000;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final CandidateRoomService room;

    SelfAssessmentService(JdbcClient jdbc, JsonMapper json, Clock clock, CandidateRoomService room) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.room = room;
    }

    /** One discussion area to rate, with the candidate's answer so far (score null when none). */
    public record AreaAnswer(int scenario, int area, String scenarioTitle, String areaTitle, @Nullable Integer score,
            String comment) {
    }

    /**
     * What the candidate sees.
     *
     * @param submittedAt when they last sent it; null before the first time
     * @param locked a coach has released a report: the answers can no longer change
     */
    public record SelfAssessment(List<AreaAnswer> areas, @Nullable Integer rating, String ratingComment,
            @Nullable Instant submittedAt, boolean locked) {
    }

    /** What the candidate sends: one answer per area of the agenda and the session's rating. */
    public record Answers(List<AreaAnswer> areas, @Nullable Integer rating, String ratingComment) {
    }

    /** The self-assessment of this candidate's completed session; empty when there is none to give. */
    @Transactional(readOnly = true)
    public Optional<SelfAssessment> mine() {
        OptionalLong session = room.completedSession();
        if (session.isEmpty()) {
            return Optional.empty();
        }
        long sessionId = session.getAsLong();
        Map<String, Object[]> given = new HashMap<>();
        jdbc.sql("select scenario, area, score, comment from self_assessment where session_id = ?").param(sessionId)
                .query(rs -> {
                    given.put(rs.getInt("scenario") + "/" + rs.getInt("area"),
                            new Object[] {rs.getInt("score"), rs.getString("comment")});
                });
        List<AreaAnswer> areas = new ArrayList<>();
        List<ScenarioContent> agenda = agenda(sessionId);
        for (int s = 0; s < agenda.size(); s++) {
            List<DiscussionArea> discussion = agenda.get(s).discussionAreas();
            for (int a = 0; a < discussion.size(); a++) {
                Object[] answer = given.get(s + "/" + a);
                areas.add(new AreaAnswer(s, a, agenda.get(s).title(), discussion.get(a).title(),
                        answer == null ? null : (Integer) answer[0], answer == null ? "" : (String) answer[1]));
            }
        }
        record Feedback(int rating, String comment, Instant at) {
        }
        Optional<Feedback> feedback = jdbc.sql("select rating, comment, submitted_at from session_feedback "
                        + "where session_id = ?").param(sessionId)
                .query((rs, n) -> new Feedback(rs.getInt("rating"), rs.getString("comment"),
                        rs.getObject("submitted_at", OffsetDateTime.class).toInstant()))
                .optional();
        return Optional.of(new SelfAssessment(areas, feedback.map(Feedback::rating).orElse(null),
                feedback.map(Feedback::comment).orElse(""), feedback.map(Feedback::at).orElse(null),
                released(sessionId)));
    }

    /**
     * Stores the answers, all or nothing: every area needs a score from 1 to 4, the session a
     * rating from 1 to 5, comments at most {@value #MAX_COMMENT} characters.
     */
    @Transactional
    public SelfAssessment submit(Answers answers) {
        OptionalLong session = room.completedSession();
        if (session.isEmpty()) {
            throw new ReviewException("This link no longer opens your session, so your answers cannot be saved.");
        }
        long sessionId = session.getAsLong();
        if (released(sessionId)) {
            throw new ReviewException("Your coach has already sent you their report, so your answers "
                    + "are kept as they were.");
        }
        SelfAssessment current = mine().orElseThrow();
        Map<String, AreaAnswer> byArea = new HashMap<>();
        answers.areas().forEach(a -> byArea.put(a.scenario() + "/" + a.area(), a));
        List<AreaAnswer> checked = new ArrayList<>();
        for (AreaAnswer area : current.areas()) {
            AreaAnswer answer = byArea.get(area.scenario() + "/" + area.area());
            if (answer == null || answer.score() == null || !ScoreScale.isValid(answer.score())) {
                throw new ReviewException("Choose how you did in “" + area.areaTitle() + "”: a score from "
                        + ScoreScale.MIN + " (" + ScoreScale.STRONG_NO.label() + ") to " + ScoreScale.MAX + " ("
                        + ScoreScale.STRONG_YES.label() + ").");
            }
            String comment = answer.comment().strip();
            checkComment("Your comment on “" + area.areaTitle() + "”", comment);
            checked.add(new AreaAnswer(area.scenario(), area.area(), area.scenarioTitle(), area.areaTitle(),
                    answer.score(), comment));
        }
        if (answers.rating() == null || answers.rating() < 1 || answers.rating() > 5) {
            throw new ReviewException("Rate the session from 1 (poor) to 5 (excellent).");
        }
        String ratingComment = answers.ratingComment().strip();
        checkComment("Your comment on the session", ratingComment);
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        jdbc.sql("delete from self_assessment where session_id = ?").param(sessionId).update();
        for (AreaAnswer area : checked) {
            jdbc.sql("""
                    insert into self_assessment (session_id, scenario, area, score, comment, submitted_at)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(sessionId, area.scenario(), area.area(), area.score(), area.comment(), now).update();
        }
        jdbc.sql("""
                insert into session_feedback (session_id, rating, comment, submitted_at) values (?, ?, ?, ?)
                on conflict (session_id) do update set rating = excluded.rating, comment = excluded.comment,
                    submitted_at = excluded.submitted_at""")
                .params(sessionId, answers.rating(), ratingComment, now).update();
        return new SelfAssessment(checked, answers.rating(), ratingComment, now.toInstant(), false);
    }

    private static void checkComment(String what, String text) {
        if (text.length() > MAX_COMMENT) {
            throw new ReviewException(what + " is " + text.length() + " characters long; at most " + MAX_COMMENT
                    + " are allowed.");
        }
    }

    private boolean released(long sessionId) {
        return jdbc.sql("select exists (select 1 from development_report where session_id = ? "
                + "and released_at is not null)").param(sessionId).query(Boolean.class).single();
    }

    private List<ScenarioContent> agenda(long sessionId) {
        return jdbc.sql("select content::text from session_scenario where session_id = ? order by position")
                .param(sessionId).query(String.class).list().stream()
                .map(text -> json.readValue(text, ScenarioContent.class)).toList();
    }
}
