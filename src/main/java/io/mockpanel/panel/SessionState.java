package io.mockpanel.panel;

/** A session's life: scheduled → live → completed, or cancelled before it completes. */
@org.springframework.modulith.NamedInterface("api")
public enum SessionState {
    SCHEDULED("Scheduled"),
    LIVE("Live"),
    COMPLETED("Completed"),
    CANCELLED("Cancelled");

    private final String label;

    SessionState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
