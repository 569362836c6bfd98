package io.mockpanel.panel;

/** Joining with an invite link was refused; {@link #verdict()} says whether it is in use or invalid. */
public class InviteRefusedException extends RuntimeException {

    private final InviteCheck verdict;

    public InviteRefusedException(InviteCheck verdict) {
        super("invite link refused");
        this.verdict = verdict;
    }

    public InviteCheck verdict() {
        return verdict;
    }
}
