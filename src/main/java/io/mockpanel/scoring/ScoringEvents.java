package io.mockpanel.scoring;

/**
 * The scoring events in the session log and their payloads. Payloads go to every member's
 * browser-side log reader, so they carry who and what changed, never a score or a text: a woken
 * UI asks {@link ScoringService#board} for what its user may see.
 */
public final class ScoringEvents {

    /**
     * A draft saved (not one of {@link io.mockpanel.panel.EventTypes}' names: a draft is not a
     * submission, but it is a change, and the author's other tabs must hear of it).
     */
    public static final String SCORE_DRAFT_SAVED = "SCORE_DRAFT_SAVED";

    /** Payload of {@code SCORE_DRAFT_SAVED} and {@code SCORE_SUBMITTED}; state is DRAFT or SUBMITTED. */
    public record SheetPayload(int scenario, String author, String state) {
    }

    /** Payload of {@code SCORES_REVEALED}. */
    public record RevealPayload(int scenario) {
    }

    /** Payload of {@code CONSENSUS_RECORDED}. */
    public record ConsensusPayload(int scenario, int area) {
    }

    private ScoringEvents() {
    }
}
