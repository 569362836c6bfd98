package io.mockpanel.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mockpanel.panel.LiveControlService;
import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.panel.PromptKind;
import io.mockpanel.panel.PromptRef;
import io.mockpanel.panel.SessionEvents;
import io.mockpanel.scenario.ScenarioContent;
import io.mockpanel.security.AccountRole;
import io.mockpanel.security.AccountService;
import io.mockpanel.security.NewAccount;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;

/** Coaching notes on PostgreSQL: who writes when, how they are stamped or pinned, who reads them. */
@IntegrationTest
class CoachingNoteServiceTest {

    @Autowired
    CoachingNoteService coaching;

    @Autowired
    TestPanel testPanel;

    @Autowired
    RealAccounts accounts;

    @Autowired
    LiveControlService control;

    @Autowired
    PanelSessionService sessions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountService accountService;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    /** A live session whose start was {@code minutesAgo} minutes ago. */
    private TestPanel.Panel liveSince(int minutesAgo) {
        TestPanel.Panel panel = testPanel.live();
        jdbc.sql("update session_event set created_at = ? where session_id = ? and type = 'SESSION_STARTED'")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(minutesAgo), panel.sessionId()).update();
        return panel;
    }

    /**
     * A session that ran 40 minutes: the situation of scenario 0 pushed 2 minutes in, its first
     * question 10 minutes in, then ended now.
     */
    private TestPanel.Panel finished() {
        TestPanel.Panel panel = testPanel.live();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(40);
        jdbc.sql("update session_event set created_at = ? where session_id = ? and type = 'SESSION_STARTED'")
                .params(start, panel.sessionId()).update();
        TestUsers.as(panel.lead(), "INTERVIEWER", () -> {
            control.push(panel.sessionId(), PromptRef.of(0, PromptKind.SITUATION));
            control.push(panel.sessionId(), PromptRef.question(0, 0, 0));
        });
        List<Long> pushes = jdbc.sql("select seq from session_event where session_id = ? and type = 'PROMPT_PUSHED' "
                + "order by seq").param(panel.sessionId()).query(Long.class).list();
        jdbc.sql("update session_event set created_at = ? where session_id = ? and seq = ?")
                .params(start.plusMinutes(2), panel.sessionId(), pushes.get(0)).update();
        jdbc.sql("update session_event set created_at = ? where session_id = ? and seq = ?")
                .params(start.plusMinutes(10), panel.sessionId(), pushes.get(1)).update();
        TestUsers.as(panel.lead(), "INTERVIEWER", () -> sessions.end(panel.sessionId()));
        return panel;
    }

    private List<ScenarioContent> agenda(TestPanel.Panel panel) {
        return TestUsers.as(panel.lead(), "INTERVIEWER", () -> sessions.agendaOf(panel.sessionId()));
    }

    private List<String> payloads(long sessionId, String type) {
        return jdbc.sql("select payload::text from session_event where session_id = ? and type = ? order by seq")
                .params(sessionId, type).query(String.class).list();
    }

    private long rows(long sessionId) {
        return jdbc.sql("select count(*) from coaching_note where session_id = ?").param(sessionId)
                .query(Long.class).single();
    }

    private List<String> textsAs(String username, long sessionId) {
        return accounts.as(username, () -> coaching.notes(sessionId)).stream().map(CoachingNote::text).toList();
    }

    // --- writing live ------------------------------------------------------------------------------------

    @Test
    void an_observing_coach_writes_live_stamped_with_the_offset_and_the_prompt_on_screen() {
        TestPanel.Panel panel = liveSince(7);
        TestUsers.as(panel.lead(), "INTERVIEWER",
                () -> control.push(panel.sessionId(), PromptRef.of(0, PromptKind.SITUATION)));

        CoachingNote note = accounts.as(panel.coach(),
                () -> coaching.write(panel.sessionId(), "Answer ran 6 minutes before a result.", false,
                        Duration.ofMinutes(1)));

        assertThat(note.offset()).as("stamped with now; the pin is for notes after the session")
                .isBetween(Duration.ofMinutes(7), Duration.ofMinutes(7).plusSeconds(30));
        assertThat(note.prompt()).isEqualTo(PromptRef.of(0, PromptKind.SITUATION));
        assertThat(note.promptLabel()).isEqualTo(agenda(panel).getFirst().title() + " › Situation");
        assertThat(note.author()).isEqualTo(panel.coach());
        assertThat(note.authorName()).isEqualTo("Cory Coach");
        assertThat(note.mine()).isTrue();
        assertThat(note.shared()).isFalse();
        assertThat(note.version()).isZero();
        assertThat(payloads(panel.sessionId(), SessionEvents.CoachingNoteSaved.TYPE)).singleElement()
                .satisfies(json -> assertThat(json).contains("\"noteId\": " + note.id()).contains("\"shared\": false")
                        .doesNotContain("Answer"));
    }

    @Test
    void before_the_first_push_a_live_note_has_an_offset_and_no_prompt() {
        TestPanel.Panel panel = liveSince(1);
        CoachingNote note = accounts.as(panel.coach(), () -> coaching.write(panel.sessionId(), "Warm start.", true, null));
        assertThat(note.offset()).isNotNull();
        assertThat(note.prompt()).isNull();
        assertThat(note.promptLabel()).isNull();
    }

    @Test
    void the_panel_cannot_write_coaching_notes() {
        TestPanel.Panel panel = testPanel.live();
        for (String member : List.of(panel.lead(), panel.panelist())) {
            assertThatThrownBy(() -> accounts.as(member, () -> coaching.write(panel.sessionId(), "Me too.", true, null)))
                    .isInstanceOf(AuthorizationDeniedException.class);
        }
        assertThat(rows(panel.sessionId())).isZero();
    }

    @Test
    void a_coach_who_does_not_observe_cannot_write_while_the_session_is_live_but_can_afterwards() {
        TestPanel.Panel panel = liveSince(3);
        TestPanel.Panel other = testPanel.scheduled();

        assertThatThrownBy(() -> accounts.as(other.coach(),
                () -> coaching.write(panel.sessionId(), "From the outside.", false, null)))
                .isInstanceOf(ReviewException.class)
                .hasMessage("While the session is live only its observing coaches write coaching notes; "
                        + "you can add yours once it has ended.");
        assertThat(accounts.as(other.coach(), () -> coaching.composer(panel.sessionId())).canWrite()).isFalse();

        TestUsers.as(panel.lead(), "INTERVIEWER", () -> sessions.end(panel.sessionId()));
        CoachingNote after = accounts.as(other.coach(),
                () -> coaching.write(panel.sessionId(), "Read the recording: pace was fine.", false, null));
        assertThat(after.offset()).isNull();
        assertThat(after.prompt()).isNull();
    }

    @Test
    void nobody_writes_before_the_session_starts() {
        TestPanel.Panel panel = testPanel.scheduled();
        assertThatThrownBy(() -> accounts.as(panel.coach(), () -> coaching.write(panel.sessionId(), "Early.", false, null)))
                .isInstanceOf(ReviewException.class).hasMessageContaining("has not started yet");
        assertThat(rows(panel.sessionId())).isZero();
    }

    // --- writing afterwards --------------------------------------------------------------------------------

    @Test
    void after_the_session_a_note_is_pinned_to_the_moment_picked_with_the_prompt_on_screen_then() {
        TestPanel.Panel panel = finished();
        List<ScenarioContent> agenda = agenda(panel);

        CoachingNote atFive = accounts.as(panel.coach(),
                () -> coaching.write(panel.sessionId(), "Situation read well.", true, Duration.ofMinutes(5)));
        CoachingNote atTwelve = accounts.as(panel.coach(),
                () -> coaching.write(panel.sessionId(), "First question: no structure.", false, Duration.ofMinutes(12)));
        CoachingNote atOne = accounts.as(panel.coach(),
                () -> coaching.write(panel.sessionId(), "Nothing on screen yet.", false, Duration.ofMinutes(1)));

        assertThat(atFive.offset()).isEqualTo(Duration.ofMinutes(5));
        assertThat(atFive.prompt()).isEqualTo(PromptRef.of(0, PromptKind.SITUATION));
        assertThat(atTwelve.prompt()).isEqualTo(PromptRef.question(0, 0, 0));
        assertThat(atTwelve.promptLabel()).isEqualTo(PromptRef.question(0, 0, 0).label(agenda));
        assertThat(atOne.prompt()).isNull();

        var composer = accounts.as(panel.coach(), () -> coaching.composer(panel.sessionId()));
        assertThat(composer.canWrite()).isTrue();
        assertThat(composer.stamped()).isFalse();
        assertThat(composer.length()).isBetween(Duration.ofMinutes(40), Duration.ofMinutes(41));
        assertThat(composer.pushed()).extracting(CoachingNoteService.PushedMoment::offset)
                .containsExactly(Duration.ofMinutes(2), Duration.ofMinutes(10));

        assertThat(textsAs(panel.coach(), panel.sessionId())).as("in moment order")
                .containsExactly("Nothing on screen yet.", "Situation read well.", "First question: no structure.");
    }

    @Test
    void a_moment_outside_the_session_is_refused_with_the_range_allowed() {
        TestPanel.Panel panel = finished();
        assertThatThrownBy(() -> accounts.as(panel.coach(),
                () -> coaching.write(panel.sessionId(), "Late.", false, Duration.ofMinutes(90))))
                .isInstanceOf(ReviewException.class)
                .hasMessageStartingWith("Pick a moment between 00:00 and 40:");
        assertThatThrownBy(() -> accounts.as(panel.coach(),
                () -> coaching.write(panel.sessionId(), "Early.", false, Duration.ofSeconds(-1))))
                .isInstanceOf(ReviewException.class);
        assertThat(rows(panel.sessionId())).isZero();
    }

    @Test
    void a_session_cancelled_before_it_started_takes_notes_without_a_moment_only() {
        TestPanel.Panel panel = testPanel.scheduled();
        TestUsers.as(panel.lead(), "INTERVIEWER", () -> sessions.cancel(panel.sessionId()));
        assertThatThrownBy(() -> accounts.as(panel.coach(),
                () -> coaching.write(panel.sessionId(), "No show.", false, Duration.ZERO)))
                .isInstanceOf(ReviewException.class).hasMessageContaining("never started");
        assertThat(accounts.as(panel.coach(), () -> coaching.write(panel.sessionId(), "No show.", false, null))
                .offset()).isNull();
    }

    // --- reading ---------------------------------------------------------------------------------------

    @Test
    void the_panel_reads_only_shared_notes_coaches_and_admins_all() {
        TestPanel.Panel panel = liveSince(2);
        accounts.as(panel.coach(), () -> {
            coaching.write(panel.sessionId(), "Shared: clear structure.", true, null);
            coaching.write(panel.sessionId(), "Coach only: lead interrupted twice.", false, null);
        });
        TestPanel.Panel other = testPanel.scheduled();

        assertThat(textsAs(panel.lead(), panel.sessionId())).containsExactly("Shared: clear structure.");
        assertThat(textsAs(panel.panelist(), panel.sessionId())).containsExactly("Shared: clear structure.");
        assertThat(textsAs(panel.coach(), panel.sessionId())).hasSize(2);
        assertThat(textsAs(other.coach(), panel.sessionId())).as("any coach").hasSize(2);
        String admin = "adm-" + panel.coach().substring(6);
        TestUsers.as("fixture-admin", "ADMIN", () -> accountService.createAccount(
                new NewAccount(admin, "Ada Admin", AccountRole.ADMIN, TestPanel.PASSWORD)));
        assertThat(textsAs(admin, panel.sessionId())).hasSize(2);
        assertThatThrownBy(() -> accounts.as(admin, () -> coaching.write(panel.sessionId(), "Admin.", true, null)))
                .as("admins read, coaches write").isInstanceOf(AuthorizationDeniedException.class);

        List<Long> ids = accounts.as(panel.coach(), () -> coaching.notes(panel.sessionId())).stream()
                .map(CoachingNote::id).toList();
        assertThat(accounts.as(panel.panelist(), () -> coaching.visibleNotes(panel.sessionId(), ids)))
                .extracting(CoachingNote::text).containsExactly("Shared: clear structure.");
        assertThat(accounts.as(panel.coach(), () -> coaching.visibleNotes(panel.sessionId(), ids))).hasSize(2);
        assertThat(accounts.as(panel.panelist(), () -> coaching.notes(panel.sessionId())))
                .allSatisfy(note -> assertThat(note.mine()).isFalse());
    }

    @Test
    void an_interviewer_who_did_not_sit_on_the_session_is_refused_even_by_ids() {
        TestPanel.Panel panel = liveSince(2);
        long id = accounts.as(panel.coach(), () -> coaching.write(panel.sessionId(), "Shared.", true, null)).id();

        assertThatThrownBy(() -> accounts.as(panel.outsider(), () -> coaching.notes(panel.sessionId())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(accounts.as(panel.outsider(), () -> coaching.visibleNotes(panel.sessionId(), List.of(id))))
                .isEmpty();
        assertThatThrownBy(() -> accounts.as(panel.outsider(),
                () -> coaching.write(panel.sessionId(), "x", true, null)))
                .isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void the_candidate_never_reads_coaching_notes() {
        TestPanel.Panel panel = liveSince(2);
        accounts.as(panel.coach(), () -> coaching.write(panel.sessionId(), "Shared with the panel.", true, null));
        TestPanel.Candidate candidate = testPanel.join(panel, "Casey");

        TestPanel.signInCandidate(candidate.principal());
        assertThatThrownBy(() -> coaching.notes(panel.sessionId())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> coaching.visibleNotes(panel.sessionId(), List.of(1L)))
                .isInstanceOf(AccessDeniedException.class);
    }

    // --- editing and deleting --------------------------------------------------------------------------

    @Test
    void the_author_edits_text_and_sharing_and_the_event_says_shared_never_the_text() {
        TestPanel.Panel panel = liveSince(4);
        CoachingNote note = accounts.as(panel.coach(), () -> coaching.write(panel.sessionId(), "Draft.", false, null));

        CoachingNote edited = accounts.as(panel.coach(),
                () -> coaching.edit(panel.sessionId(), note.id(), 0, "Answer ran long.", true));

        assertThat(edited.text()).isEqualTo("Answer ran long.");
        assertThat(edited.shared()).isTrue();
        assertThat(edited.version()).isEqualTo(1);
        assertThat(edited.offset()).as("the moment stays").isEqualTo(note.offset());
        assertThat(textsAs(panel.panelist(), panel.sessionId())).containsExactly("Answer ran long.");
        assertThat(payloads(panel.sessionId(), SessionEvents.CoachingNoteSaved.TYPE)).hasSize(2)
                .last().asString().contains("\"shared\": true").doesNotContain("Answer");
    }

    @Test
    void a_stale_save_is_refused_with_a_clear_message_and_nothing_changes() {
        TestPanel.Panel panel = liveSince(4);
        CoachingNote note = accounts.as(panel.coach(), () -> coaching.write(panel.sessionId(), "First.", false, null));
        accounts.as(panel.coach(), () -> coaching.edit(panel.sessionId(), note.id(), 0, "From the other tab.", false));

        assertThatThrownBy(() -> accounts.as(panel.coach(),
                () -> coaching.edit(panel.sessionId(), note.id(), 0, "From this tab.", true)))
                .isInstanceOfSatisfying(CoachingNoteConflictException.class, conflict -> {
                    assertThat(conflict.getMessage()).startsWith("This note was changed elsewhere")
                            .contains("Your text is still here");
                    assertThat(conflict.current()).map(CoachingNote::text).contains("From the other tab.");
                });
        assertThatThrownBy(() -> accounts.as(panel.coach(), () -> coaching.delete(panel.sessionId(), note.id(), 0)))
                .isInstanceOf(CoachingNoteConflictException.class);
        assertThat(textsAs(panel.coach(), panel.sessionId())).containsExactly("From the other tab.");
    }

    @Test
    void the_author_deletes_their_note_and_nobody_else_can_change_it() {
        TestPanel.Panel panel = liveSince(4);
        CoachingNote note = accounts.as(panel.coach(), () -> coaching.write(panel.sessionId(), "Mine.", true, null));
        TestUsers.as(panel.lead(), "INTERVIEWER", () -> sessions.end(panel.sessionId()));
        TestPanel.Panel other = testPanel.scheduled();

        assertThatThrownBy(() -> accounts.as(other.coach(),
                () -> coaching.edit(panel.sessionId(), note.id(), 0, "Theirs now.", true)))
                .isInstanceOf(ReviewException.class).hasMessageContaining("not yours");
        assertThatThrownBy(() -> accounts.as(other.coach(), () -> coaching.delete(panel.sessionId(), note.id(), 0)))
                .isInstanceOf(ReviewException.class).hasMessageContaining("not yours");

        accounts.as(panel.coach(), () -> coaching.delete(panel.sessionId(), note.id(), 0));
        assertThat(rows(panel.sessionId())).isZero();
        assertThat(payloads(panel.sessionId(), SessionEvents.CoachingNoteDeleted.TYPE)).singleElement().asString()
                .contains("\"noteId\": " + note.id()).contains("\"shared\": true");
        assertThatThrownBy(() -> accounts.as(panel.coach(),
                () -> coaching.edit(panel.sessionId(), note.id(), 0, "Back?", false)))
                .isInstanceOfSatisfying(CoachingNoteConflictException.class,
                        conflict -> assertThat(conflict.getMessage()).startsWith("This note was deleted elsewhere"));
    }

    // --- text limits -----------------------------------------------------------------------------------

    @Test
    void an_empty_note_and_one_over_twenty_thousand_characters_are_refused_with_a_message() {
        TestPanel.Panel panel = liveSince(1);
        assertThatThrownBy(() -> accounts.as(panel.coach(), () -> coaching.write(panel.sessionId(), "  \n ", false, null)))
                .isInstanceOf(ReviewException.class)
                .hasMessage("Write something first: an empty coaching note is not saved.");
        assertThatThrownBy(() -> accounts.as(panel.coach(),
                () -> coaching.write(panel.sessionId(), "x".repeat(20_001), false, null)))
                .isInstanceOf(ReviewException.class)
                .hasMessage("A coaching note holds at most 20 000 characters; this one has 20 001. "
                        + "Shorten it to save it: nothing was saved.");
        // Exactly the limit, counted in characters (an emoji once) and with a NUL removed, is kept.
        String full = "😀".repeat(20_000) + "\0";
        CoachingNote kept = accounts.as(panel.coach(), () -> coaching.write(panel.sessionId(), full, false, null));
        assertThat(kept.text()).isEqualTo("😀".repeat(20_000));

        assertThatThrownBy(() -> accounts.as(panel.coach(),
                () -> coaching.edit(panel.sessionId(), kept.id(), 0, "", false)))
                .isInstanceOf(ReviewException.class).hasMessageContaining("empty");
        assertThat(rows(panel.sessionId())).isOne();
    }
}
