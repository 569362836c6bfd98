package io.mockpanel.security;

/**
 * Role names as used in {@code @RolesAllowed} and {@code hasRole(...)}. Spring Security stores
 * them with a {@code ROLE_} prefix.
 */
public final class AppRoles {

    public static final String ADMIN = "ADMIN";
    public static final String INTERVIEWER = "INTERVIEWER";
    public static final String COACH = "COACH";
    /** Held only by a candidate's invite session, never by an account. */
    public static final String CANDIDATE = "CANDIDATE";

    private AppRoles() {
    }
}
