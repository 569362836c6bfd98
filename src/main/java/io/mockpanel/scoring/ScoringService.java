package io.mockpanel.scoring;

import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.panel.SessionRole;
import io.mockpanel.security.AppRoles;
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
 * happens before anything is written, so a refused request leaves nothing behind. This class checks
 * roles and seats, then hands the sheet to {@link ScoreSheets} and the reveal and consensus to
 * {@link RevealAndConsensus}, which check no roles themselves and are not reachable from outside.
 */
@Service
public class ScoringService {

    /** The most characters of a justification, a recommendation's text or a consensus note. */
    public static final int MAX_TEXT = 5000;

    static final String MEMBERS = "hasAnyRole('" + AppRoles.INTERVIEWER + "','" + AppRoles.COACH + "')";
    /** Scoring members are interviewers (observing coaches never score). */
    static final String SCORERS = "hasRole('" + AppRoles.INTERVIEWER + "')";

    private final PanelSessionService sessions;
    private final ScoringBoardQuery boards;
    private final ScoreSheets sheets;
    private final RevealAndConsensus reveals;

    ScoringService(PanelSessionService sessions, ScoringBoardQuery boards, ScoreSheets sheets,
            RevealAndConsensus reveals) {
        this.sessions = sessions;
        this.boards = boards;
        this.sheets = sheets;
        this.reveals = reveals;
    }

    // --- reading ---------------------------------------------------------------------------------

    /**
     * What the current member may see of one scenario's scoring, read in one statement (decision
     * 0024; see {@link ScoringBoardQuery}).
     */
    @PreAuthorize(MEMBERS)
    public ScoringBoard board(long sessionId, int scenario) {
        return boards.read(sessionId, scenario, ScoringRules.me());
    }

    // --- changing ----------------------------------------------------------------------------------

    /**
     * Saves the current user's sheet as a draft that only they see; the sheet may be incomplete.
     * Refused once the sheet was submitted (correct it with {@link #submit}) or the scores revealed.
     */
    @PreAuthorize(SCORERS)
    @Transactional
    public ScoreSheet saveDraft(long sessionId, ScoreSheetInput input) {
        requireScorer(sessionId);
        return sheets.save(sessionId, input, SheetState.DRAFT);
    }

    /**
     * Submits the current user's sheet, complete: every area scored and justified, and the overall
     * recommendation with its reason. A submitted sheet can be submitted again with corrections
     * until the lead reveals the scores.
     */
    @PreAuthorize(SCORERS)
    @Transactional
    public ScoreSheet submit(long sessionId, ScoreSheetInput input) {
        requireScorer(sessionId);
        return sheets.save(sessionId, input, SheetState.SUBMITTED);
    }

    /** The lead reveals a scenario's sheets to the whole panel, once every scoring member submitted. */
    @PreAuthorize(SCORERS)
    @Transactional
    public void reveal(long sessionId, int scenario) {
        requireLead(sessionId, "Only the lead interviewer can reveal the scores.");
        reveals.reveal(sessionId, scenario);
    }

    /** The lead records (or corrects) the panel's consensus score for one area, after the reveal. */
    @PreAuthorize(SCORERS)
    @Transactional
    public ConsensusScore recordConsensus(long sessionId, ConsensusInput input) {
        requireLead(sessionId, "Only the lead interviewer can record the panel's consensus.");
        return reveals.recordConsensus(sessionId, input);
    }

    private void requireScorer(long sessionId) {
        if (sessions.requireMember(sessionId) == SessionRole.OBSERVER) {
            throw new ScoringException("Observers follow the scoring; only the lead and the panelists score.");
        }
    }

    private void requireLead(long sessionId, String refusal) {
        if (sessions.requireMember(sessionId) != SessionRole.LEAD) {
            throw new ScoringException(refusal);
        }
    }
}
