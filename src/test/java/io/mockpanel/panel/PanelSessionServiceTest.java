package io.mockpanel.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.mockpanel.scenario.DiscussionArea;
import io.mockpanel.scenario.ScenarioContent;
import io.mockpanel.scenario.ScenarioFilter;
import io.mockpanel.scenario.ScenarioMarkdownWriter;
import io.mockpanel.scenario.ScenarioService;
import io.mockpanel.scenario.ScenarioSummary;
import io.mockpanel.security.AccountRole;
import io.mockpanel.security.AccountService;
import io.mockpanel.security.NewAccount;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** The session life cycle: setting up, who is on it, who sees it, and who moves it through its states. */
@IntegrationTest
class PanelSessionServiceTest {

    @Autowired
    PanelSessionService sessions;

    @Autowired
    ScenarioService scenarios;

    @Autowired
    AccountService accounts;

    @Autowired
    SessionEventLog log;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestPanel testPanel;

    private TestPanel.Panel panel;
    private List<Long> seedIds;

    @BeforeEach
    void setUp() {
        panel = testPanel.scheduled();
        signIn(panel.lead());
        seedIds = scenarios.search(ScenarioFilter.ALL).stream().limit(2).map(ScenarioSummary::id).toList();
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    // --- create: validation ----------------------------------------------------------------------

    /** What the test needs to build a refused request: the panel, the seed scenarios, and a few accounts. */
    record Context(TestPanel.Panel panel, List<Long> seedIds, String disabledInterviewer, String disabledCoach) {
    }

    /**
     * Where the expected message may say "a" or "an": the service writes "cannot be a observing coach"
     * (sic), and the test pins the meaning of the message, not that slip.
     */
    private static final String OBSERVER_ARTICLE = "\u0000";

    static Stream<Arguments> refusedRequests() {
        return Stream.of(
                Arguments.of("a blank title",
                        (Function<Context, NewSession>) c -> request("   ", "Casey", null, c.seedIds(), List.of(), List.of()),
                        (Function<Context, String>) c -> "The title is required (1 to 200 characters)."),
                Arguments.of("a blank candidate name",
                        (Function<Context, NewSession>) c -> request("Panel", " \t ", null, c.seedIds(), List.of(), List.of()),
                        (Function<Context, String>) c -> "The candidate's name is required (1 to 100 characters)."),
                Arguments.of("a candidate name with a right-to-left override",
                        (Function<Context, NewSession>) c -> request("Panel", "Casey \u202Etxt.exe", null, c.seedIds(),
                                List.of(), List.of()),
                        (Function<Context, String>) c -> "The candidate's name contains an invisible text-direction "
                                + "character (such as U+202E); remove it. Right-to-left letters themselves are fine."),
                Arguments.of("a malformed email",
                        (Function<Context, NewSession>) c -> request("Panel", "Casey", "casey at example.com", c.seedIds(),
                                List.of(), List.of()),
                        (Function<Context, String>) c -> "\"casey at example.com\" is not an email address; leave it "
                                + "empty or write it like name@example.com."),
                Arguments.of("an email without a domain",
                        (Function<Context, NewSession>) c -> request("Panel", "Casey", "casey@example", c.seedIds(),
                                List.of(), List.of()),
                        (Function<Context, String>) c -> "\"casey@example\" is not an email address; leave it "
                                + "empty or write it like name@example.com."),
                Arguments.of("no scenario",
                        (Function<Context, NewSession>) c -> request("Panel", "Casey", null, List.of(), List.of(), List.of()),
                        (Function<Context, String>) c -> "Add at least one scenario to the agenda."),
                Arguments.of("13 scenarios",
                        (Function<Context, NewSession>) c -> request("Panel", "Casey", null,
                                Collections.nCopies(13, c.seedIds().getFirst()), List.of(), List.of()),
                        (Function<Context, String>) c -> "An agenda holds at most 12 scenarios."),
                Arguments.of("a scenario that is not in the library",
                        (Function<Context, NewSession>) c -> request("Panel", "Casey", null, List.of(Long.MAX_VALUE),
                                List.of(), List.of()),
                        (Function<Context, String>) c -> "A chosen scenario is no longer in the library; pick the agenda again."),
                Arguments.of("an unknown co-panelist",
                        (Function<Context, NewSession>) c -> request("Panel", "Casey", null, c.seedIds(),
                                List.of("nobody-" + c.panel().lead()), List.of()),
                        (Function<Context, String>) c -> "\"nobody-" + c.panel().lead() + "\" cannot be a co-panelist: "
                                + "there is no active interviewer account with that name."),
                Arguments.of("a coach as co-panelist",
                        (Function<Context, NewSession>) c -> request("Panel", "Casey", null, c.seedIds(),
                                List.of(c.panel().coach()), List.of()),
                        (Function<Context, String>) c -> "\"" + c.panel().coach() + "\" cannot be a co-panelist: "
                                + "there is no active interviewer account with that name."),
                Arguments.of("a disabled interviewer as co-panelist",
                        (Function<Context, NewSession>) c -> request("Panel", "Casey", null, c.seedIds(),
                                List.of(c.disabledInterviewer()), List.of()),
                        (Function<Context, String>) c -> "\"" + c.disabledInterviewer() + "\" cannot be a co-panelist: "
                                + "there is no active interviewer account with that name."),
                Arguments.of("an interviewer as observer",
                        (Function<Context, NewSession>) c -> request("Panel", "Casey", null, c.seedIds(),
                                List.of(), List.of(c.panel().panelist())),
                        (Function<Context, String>) c -> "\"" + c.panel().panelist() + "\" cannot be "
                                + OBSERVER_ARTICLE + "observing coach: there is no active coach account with that name."),
                Arguments.of("a disabled coach as observer",
                        (Function<Context, NewSession>) c -> request("Panel", "Casey", null, c.seedIds(),
                                List.of(c.panel().panelist()), List.of(c.disabledCoach())),
                        (Function<Context, String>) c -> "\"" + c.disabledCoach() + "\" cannot be "
                                + OBSERVER_ARTICLE + "observing coach: there is no active coach account with that name."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedRequests")
    void create_refuses_an_invalid_request_with_a_clear_message_and_saves_nothing(String what,
            Function<Context, NewSession> build, Function<Context, String> message) {
        var context = new Context(panel, seedIds, disabledAccount(AccountRole.INTERVIEWER),
                disabledAccount(AccountRole.COACH));
        signIn(panel.lead());
        long sessionsBefore = sessionsLedBy(panel.lead());
        long membershipsBefore = membershipsOf(panel.panelist()) + membershipsOf(panel.coach());

        String[] expected = message.apply(context).split(OBSERVER_ARTICLE, -1);
        String pattern = expected.length == 1 ? Pattern.quote(expected[0])
                : Pattern.quote(expected[0]) + "an? " + Pattern.quote(expected[1]);
        assertThatThrownBy(() -> sessions.create(build.apply(context)))
                .isInstanceOf(SessionException.class)
                .hasMessageMatching(pattern);

        assertThat(sessionsLedBy(panel.lead())).isEqualTo(sessionsBefore);
        assertThat(membershipsOf(panel.panelist()) + membershipsOf(panel.coach())).isEqualTo(membershipsBefore);
    }

    @Test
    void create_keeps_up_to_twelve_scenarios_in_the_chosen_order_and_strips_the_texts() {
        List<Long> twelve = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            twelve.add(seedIds.get(i % 2 == 0 ? 1 : 0));
        }
        long id = sessions.create(request("  Spaced title  ", "  Casey  ", "  casey@example.com ", twelve,
                List.of(), List.of()));

        SessionDetails details = sessions.find(id);
        assertThat(details.title()).isEqualTo("Spaced title");
        assertThat(details.candidateName()).isEqualTo("Casey");
        assertThat(details.candidateEmail()).isEqualTo("casey@example.com");
        assertThat(details.state()).isEqualTo(SessionState.SCHEDULED);
        assertThat(details.agenda()).hasSize(12);
        String second = scenarios.find(seedIds.get(1)).orElseThrow().content().title();
        String first = scenarios.find(seedIds.get(0)).orElseThrow().content().title();
        assertThat(details.agenda().get(0).title()).isEqualTo(second);
        assertThat(details.agenda().get(1).title()).isEqualTo(first);
        assertThat(log.after(id, 0)).extracting(SessionEvent::type, SessionEvent::actor)
                .containsExactly(tuple(SessionEvents.SessionCreated.TYPE, panel.lead()));
    }

    @Test
    void only_an_interviewer_can_create_a_session() {
        signIn(panel.coach(), "COACH");
        assertThatThrownBy(() -> sessions.create(request("Panel", "Casey", null, seedIds, List.of(), List.of())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(sessionsLedBy(panel.coach())).isZero();
    }

    // --- members -----------------------------------------------------------------------------------

    @Test
    void the_lead_is_lead_panelists_are_panelists_and_coaches_observe() {
        SessionDetails details = sessions.find(panel.sessionId());

        assertThat(details.leadUsername()).isEqualTo(panel.lead());
        assertThat(details.members()).extracting(SessionMember::username, SessionMember::role).containsExactly(
                tuple(panel.lead(), SessionRole.LEAD),
                tuple(panel.panelist(), SessionRole.PANELIST),
                tuple(panel.coach(), SessionRole.OBSERVER));
        assertThat(sessions.myRole(panel.sessionId())).contains(SessionRole.LEAD);
        signIn(panel.panelist());
        assertThat(sessions.myRole(panel.sessionId())).contains(SessionRole.PANELIST);
        assertThat(sessions.requirePanelist(panel.sessionId())).isEqualTo(SessionRole.PANELIST);
        signIn(panel.coach(), "COACH");
        assertThat(sessions.myRole(panel.sessionId())).contains(SessionRole.OBSERVER);
        assertThat(sessions.requireMember(panel.sessionId())).isEqualTo(SessionRole.OBSERVER);
        assertThatThrownBy(() -> sessions.requirePanelist(panel.sessionId())).isInstanceOf(SessionException.class)
                .hasMessage("Observers follow the session; only the lead and panelists can do this.");
        signIn(panel.outsider());
        assertThat(sessions.myRole(panel.sessionId())).isEmpty();
    }

    @Test
    void a_lead_who_lists_themselves_as_panelist_stays_the_only_lead() {
        long id = sessions.create(request("Self", "Casey", null, seedIds, List.of(panel.lead(), panel.panelist(),
                panel.panelist()), List.of(panel.coach())));

        assertThat(sessions.find(id).members()).extracting(SessionMember::username, SessionMember::role)
                .containsExactly(tuple(panel.lead(), SessionRole.LEAD), tuple(panel.panelist(), SessionRole.PANELIST),
                        tuple(panel.coach(), SessionRole.OBSERVER));
    }

    @Test
    void my_sessions_shows_the_session_to_each_member_in_their_role_and_not_to_an_outsider() {
        assertThat(mine()).extracting(SessionSummary::id, SessionSummary::myRole, SessionSummary::state)
                .containsExactly(tuple(panel.sessionId(), SessionRole.LEAD, SessionState.SCHEDULED));
        SessionSummary summary = mine().getFirst();
        assertThat(summary.leadName()).isEqualTo("Lee Lead");
        assertThat(summary.candidateName()).isEqualTo("Casey Candidate");
        assertThat(summary.scenarioCount()).isEqualTo(2);
        assertThat(summary.startedAt()).isNull();

        signIn(panel.panelist());
        assertThat(mine()).extracting(SessionSummary::id, SessionSummary::myRole)
                .containsExactly(tuple(panel.sessionId(), SessionRole.PANELIST));
        signIn(panel.coach(), "COACH");
        assertThat(mine()).extracting(SessionSummary::id, SessionSummary::myRole)
                .containsExactly(tuple(panel.sessionId(), SessionRole.OBSERVER));
        signIn(panel.outsider());
        assertThat(mine()).isEmpty();
    }

    @Test
    void my_sessions_puts_live_sessions_first_then_scheduled_then_ended_newest_first() {
        long older = sessions.create(request("Older scheduled", "Casey", null, seedIds, List.of(), List.of()));
        long newer = sessions.create(request("Newer scheduled", "Casey", null, seedIds, List.of(), List.of()));
        long ended = sessions.create(request("Cancelled", "Casey", null, seedIds, List.of(), List.of()));
        sessions.cancel(ended);
        sessions.start(panel.sessionId());

        assertThat(mine()).extracting(SessionSummary::id).containsExactly(panel.sessionId(), newer, older, ended);
        assertThat(mine().getFirst().startedAt()).isNotNull();
    }

    @Test
    void find_and_the_agenda_are_refused_to_an_outsider_and_to_a_coach_who_does_not_observe() {
        TestPanel.Panel other = testPanel.scheduled();

        signIn(panel.outsider());
        assertThatThrownBy(() -> sessions.find(panel.sessionId())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sessions.agendaOf(panel.sessionId())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sessions.requireMember(panel.sessionId())).isInstanceOf(AccessDeniedException.class);

        signIn(other.coach(), "COACH");
        assertThatThrownBy(() -> sessions.find(panel.sessionId())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sessions.agendaOf(panel.sessionId())).isInstanceOf(AccessDeniedException.class);
        assertThat(mine()).extracting(SessionSummary::id).containsExactly(other.sessionId());

        signIn(panel.coach(), "COACH");
        assertThat(sessions.find(panel.sessionId()).id()).isEqualTo(panel.sessionId());
    }

    @Test
    void a_session_that_does_not_exist_is_refused_like_one_of_someone_else() {
        assertThatThrownBy(() -> sessions.find(Long.MAX_VALUE)).isInstanceOf(AccessDeniedException.class);
    }

    // --- agenda snapshot ---------------------------------------------------------------------------

    @Test
    void the_agenda_is_a_snapshot_that_a_later_change_in_the_library_does_not_touch() throws Exception {
        String title = "Snapshot scenario " + UUID.randomUUID().toString().substring(0, 8);
        var writer = new ScenarioMarkdownWriter();
        var original = new ScenarioContent("Imported In Tests", title, "Director", 40, "Acme",
                "The original situation.", List.of("Budget is frozen"),
                List.of(new DiscussionArea("Alignment", List.of("How would you align the teams?"))));
        scenarios.importLibrary(writer.write(original).getBytes(StandardCharsets.UTF_8), "snapshot.md");
        long scenarioId = scenarios.search(new ScenarioFilter(title, null, null)).stream()
                .filter(s -> s.title().equals(title)).map(ScenarioSummary::id).findFirst().orElseThrow();
        long id = sessions.create(request("Snapshot", "Casey", null, List.of(scenarioId), List.of(), List.of()));
        List<ScenarioContent> before = sessions.agendaOf(id);

        ScenarioContent stored = scenarios.find(scenarioId).orElseThrow().content();
        var changed = new ScenarioContent(stored.category(), stored.title(), stored.level(), stored.durationMinutes(),
                stored.company(), "A completely different situation.", stored.keyChallenges(), stored.discussionAreas());
        var result = scenarios.importLibrary(writer.write(changed).getBytes(StandardCharsets.UTF_8), "changed.md");

        assertThat(result.updated()).isEqualTo(1);
        assertThat(scenarios.find(scenarioId).orElseThrow().content().situation())
                .isEqualTo("A completely different situation.");
        assertThat(sessions.agendaOf(id)).isEqualTo(before).containsExactly(stored);
        assertThat(sessions.agendaOf(id).getFirst().situation()).isEqualTo("The original situation.");
        assertThat(sessions.find(id).agenda()).isEqualTo(before);
        // What is stored with the session, not just what a node may have kept in memory.
        assertThat(jdbc.sql("select content ->> 'situation' from session_scenario where session_id = ?").param(id)
                .query(String.class).single()).isEqualTo("The original situation.");
    }

    // --- life cycle --------------------------------------------------------------------------------

    @Test
    void the_lead_takes_a_session_from_scheduled_to_live_to_completed_with_one_event_per_step() {
        long id = panel.sessionId();

        long seq = log.lastSeq(id);
        sessions.start(id);
        SessionDetails live = sessions.find(id);
        assertThat(live.state()).isEqualTo(SessionState.LIVE);
        assertThat(live.startedAt()).isNotNull();
        assertThat(live.endedAt()).isNull();
        assertOneEvent(id, seq, SessionEvents.SessionStarted.TYPE);

        seq = log.lastSeq(id);
        sessions.end(id);
        SessionDetails completed = sessions.find(id);
        assertThat(completed.state()).isEqualTo(SessionState.COMPLETED);
        assertThat(completed.endedAt()).isNotNull().isAfterOrEqualTo(completed.startedAt());
        assertOneEvent(id, seq, SessionEvents.SessionEnded.TYPE);
    }

    @Test
    void the_lead_can_cancel_a_scheduled_session_with_one_event() {
        long seq = log.lastSeq(panel.sessionId());
        sessions.cancel(panel.sessionId());

        SessionDetails details = sessions.find(panel.sessionId());
        assertThat(details.state()).isEqualTo(SessionState.CANCELLED);
        assertThat(details.endedAt()).isNotNull();
        assertOneEvent(panel.sessionId(), seq, SessionEvents.SessionCancelled.TYPE);
    }

    @Test
    void the_lead_can_cancel_a_live_session_with_one_event() {
        sessions.start(panel.sessionId());
        long seq = log.lastSeq(panel.sessionId());

        sessions.cancel(panel.sessionId());

        assertThat(sessions.find(panel.sessionId()).state()).isEqualTo(SessionState.CANCELLED);
        assertOneEvent(panel.sessionId(), seq, SessionEvents.SessionCancelled.TYPE);
    }

    @Test
    void a_session_moves_only_from_the_right_state_and_a_refusal_says_why_and_writes_nothing() {
        long id = panel.sessionId();
        assertRefused(id, () -> sessions.end(id), "Only a live session can be ended.", SessionState.SCHEDULED);

        sessions.start(id);
        assertRefused(id, () -> sessions.start(id), "Only a scheduled session can be started.", SessionState.LIVE);

        sessions.end(id);
        assertRefused(id, () -> sessions.start(id), "Only a scheduled session can be started.", SessionState.COMPLETED);
        assertRefused(id, () -> sessions.end(id), "Only a live session can be ended.", SessionState.COMPLETED);
        assertRefused(id, () -> sessions.cancel(id), "This session has already ended; it cannot be cancelled.",
                SessionState.COMPLETED);

        long cancelled = sessions.create(request("To cancel", "Casey", null, seedIds, List.of(), List.of()));
        sessions.cancel(cancelled);
        assertRefused(cancelled, () -> sessions.start(cancelled), "Only a scheduled session can be started.",
                SessionState.CANCELLED);
        assertRefused(cancelled, () -> sessions.end(cancelled), "Only a live session can be ended.",
                SessionState.CANCELLED);
        assertRefused(cancelled, () -> sessions.cancel(cancelled),
                "This session has already ended; it cannot be cancelled.", SessionState.CANCELLED);
    }

    @Test
    void only_the_lead_starts_ends_or_cancels() {
        long id = panel.sessionId();

        signIn(panel.panelist());
        assertRefused(id, () -> sessions.start(id), "Only the lead interviewer can do this.", SessionState.SCHEDULED);
        assertRefused(id, () -> sessions.cancel(id), "Only the lead interviewer can do this.", SessionState.SCHEDULED);
        signIn(panel.coach(), "COACH");
        assertDenied(id, () -> sessions.start(id), SessionState.SCHEDULED);
        assertDenied(id, () -> sessions.cancel(id), SessionState.SCHEDULED);
        signIn(panel.outsider());
        assertDenied(id, () -> sessions.start(id), SessionState.SCHEDULED);
        assertDenied(id, () -> sessions.cancel(id), SessionState.SCHEDULED);

        signIn(panel.lead());
        sessions.start(id);

        signIn(panel.panelist());
        assertRefused(id, () -> sessions.end(id), "Only the lead interviewer can do this.", SessionState.LIVE);
        assertRefused(id, () -> sessions.cancel(id), "Only the lead interviewer can do this.", SessionState.LIVE);
        signIn(panel.coach(), "COACH");
        assertDenied(id, () -> sessions.end(id), SessionState.LIVE);
        signIn(panel.outsider());
        assertDenied(id, () -> sessions.end(id), SessionState.LIVE);
        assertDenied(id, () -> sessions.cancel(id), SessionState.LIVE);
    }

    // --- helpers -----------------------------------------------------------------------------------

    private void assertOneEvent(long sessionId, long afterSeq, String type) {
        assertThat(log.after(sessionId, afterSeq)).extracting(SessionEvent::type, SessionEvent::actor)
                .containsExactly(tuple(type, panel.lead()));
    }

    private void assertRefused(long sessionId, Runnable action, String message, SessionState unchanged) {
        long seq = log.lastSeq(sessionId);
        assertThatThrownBy(action::run).isInstanceOf(SessionException.class).hasMessage(message);
        assertThat(stateOf(sessionId)).isEqualTo(unchanged);
        assertThat(log.lastSeq(sessionId)).isEqualTo(seq);
    }

    private void assertDenied(long sessionId, Runnable action, SessionState unchanged) {
        long seq = log.lastSeq(sessionId);
        assertThatThrownBy(action::run).isInstanceOf(AccessDeniedException.class);
        assertThat(stateOf(sessionId)).isEqualTo(unchanged);
        assertThat(log.lastSeq(sessionId)).isEqualTo(seq);
    }

    private SessionState stateOf(long sessionId) {
        return SessionState.valueOf(jdbc.sql("select state from panel_session where id = ?").param(sessionId)
                .query(String.class).single());
    }

    private long sessionsLedBy(String username) {
        return jdbc.sql("select count(*) from panel_session where lead_username = ?").param(username)
                .query(Long.class).single();
    }

    private long membershipsOf(String username) {
        return jdbc.sql("select count(*) from session_member where username = ?").param(username)
                .query(Long.class).single();
    }

    private List<SessionSummary> mine() {
        return sessions.mySessions();
    }

    /** A fresh account of the role, disabled by an admin; leaves nobody signed in. */
    private String disabledAccount(AccountRole role) {
        String username = "off-" + UUID.randomUUID().toString().substring(0, 8);
        TestUsers.signIn("fixture-admin", "ADMIN");
        var account = accounts.createAccount(new NewAccount(username, "Dee Disabled", role, TestPanel.PASSWORD));
        accounts.setEnabled(account.id(), false);
        TestUsers.signOut();
        return username;
    }

    private static NewSession request(String title, String candidate, String email, List<Long> scenarioIds,
            List<String> panelists, List<String> observers) {
        return new NewSession(title, candidate, email, scenarioIds, panelists, observers);
    }

    private static void signIn(String username, String... roles) {
        TestUsers.signIn(username, roles.length == 0 ? new String[] {"INTERVIEWER"} : roles);
    }
}
