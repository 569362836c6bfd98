package io.mockpanel.scoring;

import io.mockpanel.panel.NewSession;
import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.scenario.ScenarioFilter;
import io.mockpanel.scenario.ScenarioService;
import io.mockpanel.scenario.ScenarioSummary;
import io.mockpanel.security.AccountRole;
import io.mockpanel.security.AccountService;
import io.mockpanel.security.NewAccount;
import io.mockpanel.security.Unique;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/** Scoring test helpers: a live panel with three scorers, sheets, acting as someone. */
@Component
public class ScoringFixture {

    private final AccountService accounts;
    private final PanelSessionService sessions;
    private final ScenarioService scenarios;

    ScoringFixture(AccountService accounts, PanelSessionService sessions, ScenarioService scenarios) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.scenarios = scenarios;
    }

    /** A live session with a lead, two panelists, an observing coach, and an interviewer not on it. */
    public record ThreeScorers(long sessionId, String lead, String panelist, String panelist2, String coach,
            String outsider) {
    }

    public ThreeScorers threeScorers() {
        String suffix = Unique.suffix();
        var panel = new ThreeScorers(0, "slead-" + suffix, "span-" + suffix, "span2-" + suffix, "scoach-" + suffix,
                "sout-" + suffix);
        TestUsers.signIn("fixture-admin", "ADMIN");
        accounts.createAccount(new NewAccount(panel.lead(), "Ada Lead", AccountRole.INTERVIEWER, TestPanel.PASSWORD));
        accounts.createAccount(new NewAccount(panel.panelist(), "Bo Panelist", AccountRole.INTERVIEWER,
                TestPanel.PASSWORD));
        accounts.createAccount(new NewAccount(panel.panelist2(), "Cy Panelist", AccountRole.INTERVIEWER,
                TestPanel.PASSWORD));
        accounts.createAccount(new NewAccount(panel.coach(), "Di Coach", AccountRole.COACH, TestPanel.PASSWORD));
        accounts.createAccount(new NewAccount(panel.outsider(), "Ed Outsider", AccountRole.INTERVIEWER,
                TestPanel.PASSWORD));
        TestUsers.signIn(panel.lead(), "INTERVIEWER");
        List<Long> seedIds = scenarios.search(ScenarioFilter.ALL).stream().limit(2).map(ScenarioSummary::id).toList();
        long id = sessions.create(new NewSession("Scoring panel " + suffix, "Casey Candidate", null, seedIds,
                List.of(panel.panelist(), panel.panelist2()), List.of(panel.coach())));
        sessions.start(id);
        TestUsers.signOut();
        return new ThreeScorers(id, panel.lead(), panel.panelist(), panel.panelist2(), panel.coach(),
                panel.outsider());
    }

    /** Runs {@code action} signed in as the user, then restores whoever was signed in before. */
    public static <T> T as(String username, String role, Supplier<T> action) {
        return TestUsers.as(username, role, action);
    }

    public static void as(String username, String role, Runnable action) {
        TestUsers.as(username, role, action);
    }

    /** A complete sheet: one score per area (in order), a justification each, and the recommendation. */
    public static ScoreSheetInput sheet(int scenario, long version, int recommendation, int... scores) {
        List<AreaScore> areas = new ArrayList<>();
        for (int area = 0; area < scores.length; area++) {
            areas.add(AreaScore.of(area, scores[area], "Evidence for area " + area + ": scored " + scores[area]
                    + ", see note 12:30."));
        }
        return new ScoreSheetInput(scenario, areas, recommendation, "Overall, " + recommendation + ".", version);
    }
}
