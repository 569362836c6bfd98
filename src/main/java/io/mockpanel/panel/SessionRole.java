package io.mockpanel.panel;

/** What a member does in a session: the lead runs it, panelists take part, coaches observe. */
@org.springframework.modulith.NamedInterface("api")
public enum SessionRole {
    LEAD("Lead"),
    PANELIST("Panelist"),
    OBSERVER("Observer");

    private final String label;

    SessionRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
