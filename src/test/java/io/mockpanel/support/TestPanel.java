package io.mockpanel.support;

import io.mockpanel.panel.NewSession;
import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.scenario.ScenarioFilter;
import io.mockpanel.scenario.ScenarioService;
import io.mockpanel.scenario.ScenarioSummary;
import io.mockpanel.security.AccountRole;
import io.mockpanel.security.AccountService;
import io.mockpanel.security.NewAccount;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;

/**
 * Builds a panel for a test: fresh accounts (lead, panelist, outsider interviewer, observing
 * coach) and a session on the first two seed scenarios. Leaves nobody signed in.
 */
@Component
public class TestPanel {

    public static final String PASSWORD = "test-password-123";

    private final AccountService accounts;
    private final PanelSessionService sessions;
    private final ScenarioService scenarios;

    TestPanel(AccountService accounts, PanelSessionService sessions, ScenarioService scenarios) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.scenarios = scenarios;
    }

    /** The people and the session; usernames are unique per call. */
    public record Panel(long sessionId, String lead, String panelist, String outsider, String coach) {
    }

    /** A scheduled session. */
    public Panel scheduled() {
        String suffix = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, Long.MAX_VALUE), 36);
        String lead = "lead-" + suffix;
        String panelist = "pan-" + suffix;
        String outsider = "out-" + suffix;
        String coach = "coach-" + suffix;
        TestUsers.signIn("fixture-admin", "ADMIN");
        accounts.createAccount(new NewAccount(lead, "Lee Lead", AccountRole.INTERVIEWER, PASSWORD));
        accounts.createAccount(new NewAccount(panelist, "Pat Panelist", AccountRole.INTERVIEWER, PASSWORD));
        accounts.createAccount(new NewAccount(outsider, "Olli Outsider", AccountRole.INTERVIEWER, PASSWORD));
        accounts.createAccount(new NewAccount(coach, "Cory Coach", AccountRole.COACH, PASSWORD));
        TestUsers.signIn(lead, "INTERVIEWER");
        List<Long> seedIds = scenarios.search(ScenarioFilter.ALL).stream().limit(2).map(ScenarioSummary::id).toList();
        long id = sessions.create(new NewSession("Test panel " + suffix, "Casey Candidate", null, seedIds,
                List.of(panelist), List.of(coach)));
        TestUsers.signOut();
        return new Panel(id, lead, panelist, outsider, coach);
    }

    /** A session the lead has started. */
    public Panel live() {
        Panel panel = scheduled();
        TestUsers.signIn(panel.lead(), "INTERVIEWER");
        sessions.start(panel.sessionId());
        TestUsers.signOut();
        return panel;
    }
}
