package io.mockpanel.scoring;

/** A score sheet is a draft only its author sees, until it is submitted. */
public enum SheetState {
    DRAFT("Draft"),
    SUBMITTED("Submitted");

    private final String label;

    SheetState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
