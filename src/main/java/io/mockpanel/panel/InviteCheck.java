package io.mockpanel.panel;

/** What opening an invite link finds. Invalid links all look the same, whatever the reason. */
public sealed interface InviteCheck {

    /** The link works here; {@code returning} when this browser already joined with it. */
    record Valid(long sessionId, String candidateName, boolean returning) implements InviteCheck {
    }

    /** The link was already used in another browser, which keeps it until the lead releases it. */
    record InUseElsewhere() implements InviteCheck {
    }

    record Invalid() implements InviteCheck {
    }
}
