package io.mockpanel.panel;

/** Whether a joined candidate may still be in the room. */
public enum CandidateAccess {
    /** The link still admits this browser and the session has not ended. */
    ALLOWED,
    /** The session was completed or cancelled: the room closes calmly. */
    SESSION_ENDED,
    /** The link was revoked, replaced, released from this browser or expired. */
    REVOKED
}
