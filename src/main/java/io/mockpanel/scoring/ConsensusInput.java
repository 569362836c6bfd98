package io.mockpanel.scoring;

/**
 * The lead's consensus for one area.
 *
 * @param score   1-4 (see {@link ScoreScale})
 * @param note    optional, at most {@link ScoringService#MAX_TEXT} characters
 * @param version the version of the consensus this edit started from, 0 when none was recorded
 */
public record ConsensusInput(int scenario, int area, int score, String note, long version) {
}
