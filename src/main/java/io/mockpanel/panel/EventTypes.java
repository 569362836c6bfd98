package io.mockpanel.panel;

/** The names of session events, as stored in {@code session_event.type}. */
public final class EventTypes {

    public static final String SESSION_CREATED = "SESSION_CREATED";
    public static final String SESSION_STARTED = "SESSION_STARTED";
    public static final String SESSION_ENDED = "SESSION_ENDED";
    public static final String SESSION_CANCELLED = "SESSION_CANCELLED";
    public static final String PROMPT_PUSHED = "PROMPT_PUSHED";
    public static final String TIMER_STARTED = "TIMER_STARTED";
    public static final String TIMER_PAUSED = "TIMER_PAUSED";
    public static final String TIMER_EXTENDED = "TIMER_EXTENDED";
    public static final String QUESTION_COVERED = "QUESTION_COVERED";
    public static final String INVITE_ISSUED = "INVITE_ISSUED";
    public static final String INVITE_REVOKED = "INVITE_REVOKED";
    public static final String INVITE_RELEASED = "INVITE_RELEASED";
    public static final String CANDIDATE_JOINED = "CANDIDATE_JOINED";
    public static final String CLARIFICATION_REQUESTED = "CLARIFICATION_REQUESTED";
    public static final String NOTE_SAVED = "NOTE_SAVED";
    public static final String TAG_ADDED = "TAG_ADDED";
    public static final String SCORE_SUBMITTED = "SCORE_SUBMITTED";
    public static final String SCORES_REVEALED = "SCORES_REVEALED";
    public static final String CONSENSUS_RECORDED = "CONSENSUS_RECORDED";

    private EventTypes() {
    }
}
