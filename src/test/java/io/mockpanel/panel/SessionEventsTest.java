package io.mockpanel.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mockpanel.panel.SessionEvents.Payload;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The catalogue of session events: the stored names never change, rows written before it still
 * read, and only what the candidate's screen shows wakes the candidate's room.
 */
class SessionEventsTest {

    private static final Instant AT = Instant.parse("2030-01-01T10:00:00Z");

    /** One of each kind, as the services write them. */
    private static final List<Payload> ONE_OF_EACH = List.of(
            new SessionEvents.SessionCreated("Panel"), new SessionEvents.SessionStarted(),
            new SessionEvents.SessionEnded(), new SessionEvents.SessionCancelled(),
            new SessionEvents.SessionScheduled(AT, "Europe/Berlin", 90),
            new SessionEvents.MeetingLinkChanged("https://meet.google.com/abc-defg-hij"),
            new SessionEvents.MeetingLinkChanged(null),
            SessionEvents.PromptPushed.of(PromptRef.question(1, 2, 3)), new SessionEvents.TimerStarted(1),
            new SessionEvents.TimerPaused(1), new SessionEvents.TimerExtended(1, 5),
            new SessionEvents.InviteIssued(AT), new SessionEvents.InviteRevoked(), new SessionEvents.InviteReleased(),
            new SessionEvents.CandidateJoined("Casey", true), new SessionEvents.QuestionCovered(0, 1, 2, true),
            new SessionEvents.ClarificationRequested("Casey", "Q1"), new SessionEvents.PresenceChanged("lee", false),
            new SessionEvents.NoteSaved(7, "lee", true, null),
            new SessionEvents.TagAdded("STAR_SITUATION", 9000, PromptRef.of(0, PromptKind.SITUATION), "Lee Lead"),
            new SessionEvents.ScoreDraftSaved(0, "lee"), new SessionEvents.ScoreSubmitted(0, "lee"),
            new SessionEvents.ScoresRevealed(0), new SessionEvents.ConsensusRecorded(0, 2),
            new SessionEvents.VerdictRecorded(0),
            new SessionEvents.CoachingNoteSaved(11, "cory", true, 2), new SessionEvents.CoachingNoteDeleted(11, "cory", false),
            new SessionEvents.MailChanged(42, "SENT"));

    private static SessionEvent stored(String type, String json) {
        return new SessionEvent(1, 1, type, json, "lee", AT);
    }

    @Test
    void the_stored_names_are_the_ones_rows_were_written_with() {
        assertThat(SessionEventTypes.types()).containsExactlyInAnyOrder("SESSION_CREATED", "SESSION_STARTED",
                "SESSION_ENDED", "SESSION_CANCELLED", "PROMPT_PUSHED", "TIMER_STARTED", "TIMER_PAUSED",
                "TIMER_EXTENDED", "QUESTION_COVERED", "INVITE_ISSUED", "INVITE_REVOKED", "INVITE_RELEASED",
                "CANDIDATE_JOINED", "CLARIFICATION_REQUESTED", "NOTE_SAVED", "TAG_ADDED", "SCORE_DRAFT_SAVED",
                "SCORE_SUBMITTED", "SCORES_REVEALED", "CONSENSUS_RECORDED", "PRESENCE_CHANGED", "VERDICT_RECORDED",
                "COACHING_NOTE_SAVED", "COACHING_NOTE_DELETED", "SESSION_SCHEDULED", "MEETING_LINK_CHANGED",
                "MAIL_CHANGED");
        assertThat(ONE_OF_EACH.stream().filter(p -> !p.equals(new SessionEvents.MeetingLinkChanged(null))).toList())
                .extracting(Payload::type).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(SessionEventTypes.types());
    }

    @Test
    void every_kind_reads_back_as_it_was_written() {
        for (Payload payload : ONE_OF_EACH) {
            SessionEvent event = stored(payload.type(), SessionEventCodec.encode(payload));
            assertThat(event.decode()).isEqualTo(payload);
            assertThat(event.decode(payload.getClass())).isEqualTo(payload);
            assertThat(event.is(payload.getClass())).isTrue();
        }
    }

    @Test
    void payloads_written_before_the_catalogue_still_read() {
        assertThat(stored("TIMER_STARTED", "{\"scenario\": 1, \"minutes\": 0}").decode())
                .isEqualTo(new SessionEvents.TimerStarted(1));
        assertThat(stored("SCORE_SUBMITTED", "{\"scenario\": 0, \"author\": \"lee\", \"state\": \"SUBMITTED\"}")
                .decode()).isEqualTo(new SessionEvents.ScoreSubmitted(0, "lee"));
        assertThat(stored("NOTE_SAVED", "{\"noteId\": 7, \"author\": \"lee\", \"private\": true}").decode())
                .isEqualTo(new SessionEvents.NoteSaved(7, "lee", true, null));
        assertThat(stored("INVITE_ISSUED", "{\"expiresAt\": \"2030-01-01T10:00:00Z\"}").decode())
                .isEqualTo(new SessionEvents.InviteIssued(AT));
        assertThat(stored("PROMPT_PUSHED",
                "{\"scenario\": 0, \"kind\": \"QUESTION\", \"area\": 1, \"question\": 2}").decode())
                .isEqualTo(SessionEvents.PromptPushed.of(PromptRef.question(0, 1, 2)));
        assertThat(stored("SESSION_STARTED", "{}").decode()).isEqualTo(new SessionEvents.SessionStarted());
        assertThat(stored("TAG_ADDED", "{\"tag\": \"RISK\", \"offsetMs\": 5, \"prompt\": null}").decode())
                .isEqualTo(new SessionEvents.TagAdded("RISK", 5, null, null));
    }

    @Test
    void the_note_payload_keeps_its_stored_field_name() {
        assertThat(SessionEventCodec.encode(new SessionEvents.NoteSaved(7, "lee", true, null)))
                .contains("\"private\":true").doesNotContain("privateNote");
    }

    @Test
    void an_unknown_name_or_a_payload_that_does_not_read_never_stops_a_reader() {
        assertThat(stored("FROM_A_NEWER_NODE", "{\"x\": 1}").decode())
                .isEqualTo(new SessionEvents.Unrecognised("FROM_A_NEWER_NODE", "{\"x\": 1}"));
        assertThat(stored("PROMPT_PUSHED", "\"garbled\"").decode()).isInstanceOf(SessionEvents.Unrecognised.class);
        assertThat(stored("FROM_A_NEWER_NODE", "{}").candidateMaySee()).isFalse();
        assertThatThrownBy(() -> stored("PROMPT_PUSHED", "\"garbled\"").decode(SessionEvents.PromptPushed.class))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stored("TIMER_PAUSED", "{\"scenario\": 1}").decode(SessionEvents.TimerStarted.class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void only_what_the_candidates_screen_shows_or_acts_on_wakes_the_room() {
        Set<String> wakeTheRoom = ONE_OF_EACH.stream().filter(Payload::candidateMaySee).map(Payload::type)
                .collect(Collectors.toSet());

        assertThat(wakeTheRoom).containsExactlyInAnyOrder("SESSION_STARTED", "SESSION_ENDED", "SESSION_CANCELLED",
                "PROMPT_PUSHED", "TIMER_STARTED", "TIMER_PAUSED", "TIMER_EXTENDED", "INVITE_ISSUED",
                "INVITE_REVOKED", "INVITE_RELEASED", "SESSION_SCHEDULED", "MEETING_LINK_CHANGED");
        assertThat(SessionEventTypes.candidateMaySee("NOTE_SAVED")).isFalse();
        assertThat(SessionEventTypes.candidateMaySee("PROMPT_PUSHED")).isTrue();
    }
}
