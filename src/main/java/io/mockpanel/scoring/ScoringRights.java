package io.mockpanel.scoring;

import io.mockpanel.panel.SessionRole;

/**
 * What one member may do with one scenario's scoring, and what the blind rule lets them see
 * (decision 0008). The service enforces these rules on every call; the panel asks this record so
 * that it offers each person only what they can use.
 *
 * @param open          whether the session is live or completed (scoring happens then)
 * @param mineSubmitted whether the member's own sheet for the scenario is submitted
 * @param allSubmitted  whether every scoring member has submitted
 */
public record ScoringRights(SessionRole role, boolean open, boolean revealed, boolean mineSubmitted,
        boolean allSubmitted) {

    /** The lead and the panelists score; observers never do. */
    public boolean isScorer() {
        return role != SessionRole.OBSERVER;
    }

    /** Fills in (or corrects) their own sheet: a scorer, while the session is open, until the reveal. */
    public boolean scores() {
        return isScorer() && open && !revealed;
    }

    /** Saves a draft: only before the sheet is first submitted (a submitted sheet never goes back). */
    public boolean savesDrafts() {
        return scores() && !mineSubmitted;
    }

    /** The reveal is theirs to make, now or once everyone has submitted: the lead, before the reveal. */
    public boolean leadsReveal() {
        return role == SessionRole.LEAD && open && !revealed;
    }

    /** Reveals now: the lead, once every scoring member has submitted. */
    public boolean canReveal() {
        return leadsReveal() && allSubmitted;
    }

    /** Records the panel's consensus: the lead, after the reveal. */
    public boolean recordsConsensus() {
        return role == SessionRole.LEAD && open && revealed;
    }

    /** Sees the others' submitted sheets: after the reveal, or a scorer once their own is submitted. */
    public boolean seesOthersSheets() {
        return revealed || (isScorer() && mineSubmitted);
    }

    /** The blind rule in one sentence, as it applies to this member. */
    public String blindRule() {
        return isScorer()
                ? "Scoring is blind: you see the others' scores only once you have submitted your own, and "
                        + "nobody ever sees a draft; the lead then reveals every sheet to the whole panel."
                : "Scoring is blind: the sheets stay hidden from you until the lead reveals them, once every "
                        + "panelist has submitted.";
    }
}
