package io.mockpanel.review;

import io.mockpanel.panel.NewSession;
import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.panel.QuickTag;
import io.mockpanel.scenario.ScenarioFilter;
import io.mockpanel.scenario.ScenarioService;
import io.mockpanel.scenario.ScenarioSummary;
import io.mockpanel.security.AccountRole;
import io.mockpanel.security.AccountService;
import io.mockpanel.security.NewAccount;
import io.mockpanel.security.Unique;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Hand-made past sessions for the progress and calibration tests: real sessions (created through
 * the panel's service, so the candidate is found by address), then started, scored, revealed and
 * tagged directly in the tables, at chosen times, with figures a test can compute by hand.
 */
@Component
public class ProgressFixture {

    private final AccountService accounts;
    private final PanelSessionService sessions;
    private final ScenarioService scenarios;
    private final JdbcClient jdbc;
    private final AuthenticationProvider signIn;

    ProgressFixture(AccountService accounts, PanelSessionService sessions, ScenarioService scenarios, JdbcClient jdbc,
            AuthenticationProvider signIn) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.scenarios = scenarios;
        this.jdbc = jdbc;
        this.signIn = signIn;
    }

    public static String suffix() {
        return Unique.suffix();
    }

    /** A new account; the username is the prefix plus a unique suffix. */
    public String account(String prefix, String displayName, AccountRole role) {
        String username = prefix + "-" + suffix();
        TestUsers.as("fixture-admin", "ADMIN", () -> {
            accounts.createAccount(new NewAccount(username, displayName, role, TestPanel.PASSWORD));
        });
        return username;
    }

    /** A session led by 'lead' for this candidate, on the first two library scenarios; not started. */
    public long session(String lead, List<String> panelists, String candidate, @Nullable String email) {
        return TestUsers.as(lead, "INTERVIEWER", () -> {
            List<Long> agenda = scenarios.search(ScenarioFilter.ALL).stream().limit(2).map(ScenarioSummary::id).toList();
            return sessions.create(new NewSession("Panel " + suffix(), candidate, email, agenda, panelists, List.of()));
        });
    }

    /** Took place on that day (started at noon UTC), now completed. */
    public void held(long session, LocalDate day) {
        Instant start = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
        jdbc.sql("update panel_session set state = 'COMPLETED', started_at = ?, ended_at = ? where id = ?")
                .params(start.atOffset(ZoneOffset.UTC), start.plusSeconds(3600).atOffset(ZoneOffset.UTC), session)
                .update();
    }

    /** A submitted sheet: one score per area, from area 0 on (null leaves an area unscored). */
    public void sheet(long session, int scenario, String author, @Nullable Integer... areaScores) {
        var now = Instant.parse("2001-01-01T00:00:00Z").atOffset(ZoneOffset.UTC);
        long sheet = jdbc.sql("""
                insert into score_sheet (session_id, scenario, author, state, recommendation, created_at, updated_at,
                                         submitted_at, version)
                values (?, ?, ?, 'SUBMITTED', 3, ?, ?, ?, 1) returning id""")
                .params(session, scenario, author, now, now, now).query(Long.class).single();
        for (int area = 0; area < areaScores.length; area++) {
            jdbc.sql("insert into area_score (sheet_id, area, score, justification) values (?, ?, ?, 'because')")
                    .params(sheet, area, areaScores[area]).update();
        }
    }

    public void reveal(long session, int scenario, String by) {
        jdbc.sql("insert into score_reveal (session_id, scenario, revealed_at, revealed_by) values (?, ?, now(), ?)")
                .params(session, scenario, by).update();
    }

    public void consensus(long session, int scenario, int area, int score, String by) {
        jdbc.sql("""
                insert into consensus_score (session_id, scenario, area, score, recorded_by, recorded_at, version)
                values (?, ?, ?, ?, ?, now(), 1)""")
                .params(session, scenario, area, score, by).update();
    }

    /** The panel tagged the candidate's answer 'times' times. */
    public void tag(long session, String by, QuickTag tag, int times) {
        for (int i = 0; i < times; i++) {
            long seq = jdbc.sql("update panel_session set last_event_seq = last_event_seq + 1 where id = ? returning last_event_seq")
                    .param(session).query(Long.class).single();
            jdbc.sql("""
                    insert into session_event (session_id, seq, type, payload, actor, created_at)
                    values (?, ?, 'TAG_ADDED', cast(? as jsonb), ?, now())""")
                    .params(session, seq, "{\"tag\":\"" + tag.name() + "\",\"offsetMs\":" + (i * 1000) + "}", by)
                    .update();
        }
    }

    public long candidateOf(long session) {
        return jdbc.sql("select candidate_id from panel_session where id = ?").param(session).query(Long.class).single();
    }

    /** The title of a discussion area on the session's agenda. */
    public String areaTitle(long session, int scenario, int area) {
        return jdbc.sql("select content -> 'discussionAreas' -> ? ->> 'title' from session_scenario where session_id = ? and position = ?")
                .params(area, session, scenario).query(String.class).single();
    }

    /** The account signed in for real, as the sign-in form does it. */
    public Authentication authenticate(String username) {
        return signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, TestPanel.PASSWORD));
    }

    /** Runs as the account, signed in for real (the review module reads the account's role from it). */
    public <T> T as(String username, Supplier<T> action) {
        return TestUsers.as(authenticate(username), action);
    }

    public void as(String username, Runnable action) {
        as(username, () -> {
            action.run();
            return null;
        });
    }

}
