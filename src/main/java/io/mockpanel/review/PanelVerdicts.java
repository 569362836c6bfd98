package io.mockpanel.review;

import io.mockpanel.panel.SessionEventLog;
import io.mockpanel.panel.SessionEvents;
import io.mockpanel.panel.SessionState;
import io.mockpanel.scoring.ScoreScale;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The panel's verdict on a session: its rules (the scale, the note's length, when it may be
 * recorded, no lost update) and its row and event. Checks no roles: {@link SessionReviewService}
 * lets only the session's lead through.
 */
@Component
class PanelVerdicts {

    private static final int MAX_NOTE = SessionReviewService.MAX_NOTE;

    private final JdbcClient jdbc;
    private final SessionEventLog log;
    private final Clock clock;

    PanelVerdicts(JdbcClient jdbc, SessionEventLog log, Clock clock) {
        this.jdbc = jdbc;
        this.log = log;
        this.clock = clock;
    }

    /**
     * Records (or changes) the verdict as 'username', the lead, and appends its event; the rules are
     * those of {@link SessionReviewService#recordVerdict}.
     */
    RecordedVerdict record(long sessionId, String username, VerdictInput input) {
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
        Optional<RecordedVerdict> current = current(sessionId);
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
                .param("by", username).param("at", now)
                .query(Long.class).single();
        log.append(sessionId, new SessionEvents.VerdictRecorded(version), username);
        return current(sessionId).orElseThrow();
    }

    /** The verdict with its version; empty before the first one. One statement. */
    Optional<RecordedVerdict> current(long sessionId) {
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
}
