package io.mockpanel.scoring;

import io.mockpanel.panel.SessionDetails;
import io.mockpanel.panel.SessionMember;
import io.mockpanel.panel.SessionRole;
import io.mockpanel.panel.SessionState;
import io.mockpanel.scenario.ScenarioContent;
import io.mockpanel.security.CurrentUser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * The checks a scoring change makes before it writes anything (the session is open, the scenario
 * and area exist, a text fits), and who is asking.
 */
final class ScoringRules {

    private ScoringRules() {
    }

    static ScenarioContent scenarioOf(SessionDetails session, int scenario) {
        if (scenario < 0 || scenario >= session.agenda().size()) {
            throw new ScoringException("That scenario is not on this session's agenda (it has "
                    + session.agenda().size() + " scenarios).");
        }
        return session.agenda().get(scenario);
    }

    static void requireOpen(SessionDetails session) {
        if (session.state() == SessionState.SCHEDULED) {
            throw new ScoringException("Scoring opens when the lead starts the session.");
        }
        if (session.state() == SessionState.CANCELLED) {
            throw new ScoringException("This session was cancelled; its scores can no longer change.");
        }
    }

    static String noSuchArea(int area, int count) {
        return "This scenario has " + count + " discussion areas (numbered 0 to " + (count - 1) + "); there is no "
                + "area " + area + ".";
    }

    /** A free text, stripped, within {@link ScoringService#MAX_TEXT} characters and without NUL characters. */
    static String text(@Nullable String value, String what) {
        String stripped = value == null ? "" : value.strip();
        int length = stripped.codePointCount(0, stripped.length());
        if (length > ScoringService.MAX_TEXT) {
            throw new ScoringException(what + " has " + String.format("%,d", length) + " characters; at most "
                    + String.format("%,d", ScoringService.MAX_TEXT) + " are allowed.");
        }
        if (stripped.indexOf('\0') >= 0) {
            throw new ScoringException(what + " contains a NUL character, which cannot be stored; remove it.");
        }
        return stripped;
    }

    static List<SessionMember> scorers(SessionDetails session) {
        return session.members().stream().filter(m -> m.role() != SessionRole.OBSERVER).toList();
    }

    static Map<String, String> names(SessionDetails session) {
        Map<String, String> names = new HashMap<>();
        session.members().forEach(m -> names.put(m.username(), m.displayName()));
        return names;
    }

    static String me() {
        return CurrentUser.username().orElseThrow(() -> new AccessDeniedException("not signed in"));
    }
}
