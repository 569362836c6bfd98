package io.mockpanel.security;

/** The roles an account can have; candidates join by invite link and have no account. */
public enum AccountRole {
    ADMIN("Admin", "Manages accounts and the library"),
    INTERVIEWER("Interviewer", "Runs panels, imports scenarios"),
    COACH("Coach", "Reviews sessions and writes feedback");

    private final String label;
    private final String description;

    AccountRole(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
