package io.mockpanel.loadgen;

import io.mockpanel.panel.InviteService;
import io.mockpanel.panel.NewSession;
import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.scenario.ScenarioFilter;
import io.mockpanel.scenario.ScenarioService;
import io.mockpanel.scenario.ScenarioSummary;
import io.mockpanel.security.AccountRole;
import io.mockpanel.security.AccountService;
import io.mockpanel.security.NewAccount;
import io.mockpanel.support.TestUsers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Prepares live panels for a load run through the app's own services, on the database the nodes
 * under load use: per panel a lead, two panelists and an observing coach (accounts are reused
 * across runs: creating them costs a password hash each), a session with {@code scenarios}
 * scenarios that the lead has started, and an invite link.
 */
@org.springframework.stereotype.Component
public final class LoadFixture {

    public static final String PASSWORD = "load-password-2026";

    private final AccountService accounts;
    private final PanelSessionService sessions;
    private final ScenarioService scenarios;
    private final InviteService invites;

    public LoadFixture(AccountService accounts, PanelSessionService sessions, ScenarioService scenarios,
            InviteService invites) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.scenarios = scenarios;
        this.invites = invites;
    }

    /** Panels numbered {@code first} to {@code first + count - 1}, each started, with an invite. */
    public List<PanelPlan> livePanels(int first, int count, int scenariosPerAgenda) {
        Set<String> existing = TestUsers.as("load-fixture-admin", "ADMIN",
                () -> accounts.listAccounts().stream().map(a -> a.username()).collect(Collectors.toCollection(HashSet::new)));
        List<Long> scenarioIds = TestUsers.as("load-fixture-admin", "ADMIN",
                () -> scenarios.search(ScenarioFilter.ALL).stream().limit(scenariosPerAgenda).map(ScenarioSummary::id)
                        .toList());
        List<PanelPlan> plans = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            String lead = "load-lead-" + i;
            List<String> panelists = List.of("load-panelist-" + i + "a", "load-panelist-" + i + "b");
            String coach = "load-coach-" + i;
            TestUsers.signIn("load-fixture-admin", "ADMIN");
            try {
                account(existing, lead, "Lead " + i, AccountRole.INTERVIEWER);
                panelists.forEach(p -> account(existing, p, "Panelist " + p.substring(14), AccountRole.INTERVIEWER));
                account(existing, coach, "Coach " + i, AccountRole.COACH);
                TestUsers.signIn(lead, "INTERVIEWER");
                long sessionId = sessions.create(new NewSession("Load panel " + i, "Candidate " + i, null, scenarioIds,
                        panelists, List.of(coach)));
                sessions.start(sessionId);
                String route = invites.issue(sessionId).path();
                List<String> prompts = PanelPlan.promptTexts(sessions.agendaOf(sessionId));
                plans.add(new PanelPlan(sessionId, lead, panelists, coach, PASSWORD,
                        route.startsWith("/") ? route.substring(1) : route, prompts));
            } finally {
                TestUsers.signOut();
            }
        }
        return plans;
    }

    private void account(Set<String> existing, String username, String name, AccountRole role) {
        if (existing.add(username)) {
            accounts.createAccount(new NewAccount(username, name, role, PASSWORD));
        }
    }
}
