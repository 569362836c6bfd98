package io.mockpanel.review;

import io.mockpanel.panel.SessionRole;
import io.mockpanel.security.AccountRole;
import org.jspecify.annotations.Nullable;

/**
 * Who is looking at a past session, and in what capacity: their account role and, when they sat
 * on the panel, their seat. Every review query takes one, so what a reader sees follows who they are.
 */
public record Reviewer(String username, AccountRole role, @Nullable SessionRole seat) {

    /** A coach or admin sees every session; an interviewer only the sessions they sat on. */
    public boolean sees(boolean member) {
        return member || role == AccountRole.COACH || role == AccountRole.ADMIN;
    }

    public boolean isCoach() {
        return role == AccountRole.COACH;
    }

    public boolean isAdmin() {
        return role == AccountRole.ADMIN;
    }

    /** Sat on the panel as lead or panelist (not as observer). */
    public boolean scored() {
        return seat == SessionRole.LEAD || seat == SessionRole.PANELIST;
    }
}
