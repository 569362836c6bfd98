package io.mockpanel.review;

import io.mockpanel.panel.PromptRef;
import io.mockpanel.panel.SessionRole;
import io.mockpanel.panel.SessionState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything a reader may know about one past session, already cut to what this reader may see
 * (private notes of others, unrevealed sheets of others, coaching notes for non-coaches are simply
 * not in it). The review page, the PDF report and the CSV export all render this one value.
 *
 * @param reader who this was cut for
 * @param timeSpent per scenario of the agenda, with its discussion areas
 * @param recommendations each scoring member's overall recommendation per scenario, as far as visible
 * @param verdict the panel's overall recommendation, recorded by the lead; null until then
 * @param timeline every moment in order of time
 * @param feedback the candidate's rating of the session; null when not given (or not for this reader)
 */
public record SessionReview(Reviewer reader, Summary summary, List<ScenarioTime> timeSpent,
        List<Recommendation> recommendations, @Nullable Verdict verdict, List<Moment> timeline,
        List<ScenarioScores> scenarios, @Nullable CandidateFeedback feedback) {

    public record Summary(long sessionId, String title, long candidateId, String candidateName,
            SessionState state, Instant createdAt, @Nullable Instant startedAt, @Nullable Instant endedAt,
            List<Seat> panel, int promptsPushed, int promptsSkipped, boolean anonymised) {
    }

    public record Seat(String username, String displayName, SessionRole role) {
    }

    /** Time the candidate had a scenario (and each of its areas) on screen. */
    public record ScenarioTime(int scenario, String title, Duration spent, List<AreaTime> areas) {
    }

    public record AreaTime(int area, String title, Duration spent) {
    }

    /** 1 strong no, 2 no, 3 yes, 4 strong yes (scoring.ScoreScale); null while a sheet is open. */
    public record Recommendation(int scenario, String username, String displayName,
            @Nullable Integer recommendation, String text, boolean submitted) {
    }

    public record Verdict(int recommendation, String note, String recordedBy, Instant recordedAt) {
    }

    /** One thing that happened, at its offset from the start; 'seq' is its event's sequence number. */
    public record Moment(long seq, Duration offset, MomentKind kind, String who, String text,
            @Nullable PromptRef prompt) {
    }

    public enum MomentKind {
        STARTED, ENDED, PROMPT, NOTE, PRIVATE_NOTE, TAG, COVERAGE, CLARIFICATION, TIMER, JOINED,
        SCORE_SUBMITTED, SCORES_REVEALED, CONSENSUS, VERDICT, COACHING_NOTE
    }

    /** One scenario's scoring, per discussion area, plus coverage and tag counts. */
    public record ScenarioScores(int scenario, String title, boolean revealed, List<AreaScores> areas,
            List<QuestionCoverage> coverage, List<TagCount> tags) {
    }

    public record AreaScores(int area, String title, List<PanelScore> scores, @Nullable Integer consensus,
            String consensusNote, @Nullable Integer selfScore, String selfComment) {

        /** Highest minus lowest submitted score; 0 with fewer than two. */
        public int spread() {
            var values = scores.stream().map(PanelScore::score).filter(s -> s != null).mapToInt(Integer::intValue)
                    .summaryStatistics();
            return values.getCount() < 2 ? 0 : values.getMax() - values.getMin();
        }
    }

    /** A scorer's score for an area with the justification and the notes it rests on. */
    public record PanelScore(String username, String displayName, @Nullable Integer score, String justification,
            List<CitedNote> cited) {
    }

    public record CitedNote(long noteId, Duration offset, String text) {
    }

    public record QuestionCoverage(int area, int question, String text, boolean covered) {
    }

    public record TagCount(String tag, String label, int count) {
    }

    public record CandidateFeedback(int rating, String comment, Instant submittedAt) {
    }
}
