package io.mockpanel.panel;

/**
 * The stored names of session events, as constants. The names live in {@link SessionEvents} (each
 * record's {@code TYPE}); these only point there, so that code written against them keeps
 * compiling while branches merge. New code uses the records: {@code SessionEvent#is},
 * {@code SessionEvent#decode}.
 *
 * @deprecated use {@link SessionEvents}; to be removed once no branch uses it
 */
@Deprecated(forRemoval = true)
public final class EventTypes {

    public static final String SESSION_CREATED = SessionEvents.SessionCreated.TYPE;
    public static final String SESSION_STARTED = SessionEvents.SessionStarted.TYPE;
    public static final String SESSION_ENDED = SessionEvents.SessionEnded.TYPE;
    public static final String SESSION_CANCELLED = SessionEvents.SessionCancelled.TYPE;
    public static final String PROMPT_PUSHED = SessionEvents.PromptPushed.TYPE;
    public static final String TIMER_STARTED = SessionEvents.TimerStarted.TYPE;
    public static final String TIMER_PAUSED = SessionEvents.TimerPaused.TYPE;
    public static final String TIMER_EXTENDED = SessionEvents.TimerExtended.TYPE;
    public static final String QUESTION_COVERED = SessionEvents.QuestionCovered.TYPE;
    public static final String INVITE_ISSUED = SessionEvents.InviteIssued.TYPE;
    public static final String INVITE_REVOKED = SessionEvents.InviteRevoked.TYPE;
    public static final String INVITE_RELEASED = SessionEvents.InviteReleased.TYPE;
    public static final String CANDIDATE_JOINED = SessionEvents.CandidateJoined.TYPE;
    public static final String CLARIFICATION_REQUESTED = SessionEvents.ClarificationRequested.TYPE;
    public static final String NOTE_SAVED = SessionEvents.NoteSaved.TYPE;
    public static final String TAG_ADDED = SessionEvents.TagAdded.TYPE;
    public static final String SCORE_SUBMITTED = SessionEvents.ScoreSubmitted.TYPE;
    public static final String SCORES_REVEALED = SessionEvents.ScoresRevealed.TYPE;
    public static final String CONSENSUS_RECORDED = SessionEvents.ConsensusRecorded.TYPE;

    private EventTypes() {
    }
}
