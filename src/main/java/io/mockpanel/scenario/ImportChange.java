package io.mockpanel.scenario;

/** What importing an item will do to the library. */
public enum ImportChange {
    NEW("New"),
    UPDATED("Replaces the library's version"),
    UNCHANGED("Already in the library");

    private final String label;

    ImportChange(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
