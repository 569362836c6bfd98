package io.mockpanel.support;

import io.mockpanel.panel.CandidatePrincipal;
import io.mockpanel.panel.InviteService;
import io.mockpanel.panel.NewSession;
import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.scenario.ScenarioFilter;
import io.mockpanel.scenario.ScenarioService;
import io.mockpanel.scenario.ScenarioSummary;
import io.mockpanel.security.AccountRole;
import io.mockpanel.security.AccountService;
import io.mockpanel.security.NewAccount;
import io.mockpanel.security.Unique;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
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
    private final InviteService invites;

    TestPanel(AccountService accounts, PanelSessionService sessions, ScenarioService scenarios,
            InviteService invites) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.scenarios = scenarios;
        this.invites = invites;
    }

    /** A candidate who joined with a real link, from a browser with this key. */
    public record Candidate(CandidatePrincipal principal, String token, String browserKey) {
    }

    /**
     * The lead issues a link and a candidate joins with it from a new browser, the way the join
     * page does; leaves nobody signed in.
     */
    public Candidate join(Panel panel, String name) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        TestUsers.signIn(panel.lead(), "INTERVIEWER");
        String token = invites.issue(panel.sessionId()).token();
        String browser = InviteService.newBrowserKey();
        // An address of its own, so that the suite's many joins never meet the per-address limit.
        String address = "10.77." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(256);
        CandidatePrincipal principal = invites.join(token, browser, name, address);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(previous);
        SecurityContextHolder.setContext(context);
        return new Candidate(principal, token, browser);
    }

    /** Puts the candidate into the security context (as the room's requests would carry it). */
    public static void signInCandidate(CandidatePrincipal candidate) {
        var authentication = UsernamePasswordAuthenticationToken.authenticated(candidate, null,
                List.of(new SimpleGrantedAuthority("ROLE_CANDIDATE")));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
    }

    /** The people and the session; usernames are unique per call. */
    public record Panel(long sessionId, String lead, String panelist, String outsider, String coach) {
    }

    /** A scheduled session. */
    public Panel scheduled() {
        String suffix = Unique.suffix();
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
