package io.mockpanel.panel;

/** The candidate's access to the room has ended; {@link #access()} says why. */
public class RoomClosedException extends RuntimeException {

    private final CandidateAccess access;

    public RoomClosedException(CandidateAccess access) {
        super("the candidate's access has ended: " + access);
        this.access = access;
    }

    public CandidateAccess access() {
        return access;
    }

    public boolean sessionEnded() {
        return access == CandidateAccess.SESSION_ENDED;
    }
}
