package io.mockpanel.panel;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Every kind of event in a session's log, in one place: one record per kind, its name as stored in
 * {@code session_event.type} ({@code TYPE}), its payload (the record's fields, stored as JSON), and
 * whether the candidate's room shows or acts on it ({@link CandidateVisible}) or only the panel
 * does ({@link PanelOnly}). Writers append a record ({@link SessionEventLog#append}); readers get
 * it back with {@link SessionEvent#decode()} and switch over it. {@link SessionEventTypes} maps the
 * stored names to the records, {@link SessionEventCodec} writes and reads their JSON.
 *
 * <p>Every member's screen reads every payload, so payloads carry who and what changed, never a
 * note's text or a score (decision 0007). The stored names never change: rows written years ago
 * must still decode. Fields may be added; a field no longer written is ignored when old rows are read.
 */
@org.springframework.modulith.NamedInterface("api")
public final class SessionEvents {

    /**
     * The payload of one event. The stored name comes from the record's {@code TYPE} constant; an
     * event of a name this node does not know (written by a newer node) reads as {@link Unrecognised}.
     */
    @org.springframework.modulith.NamedInterface("api")
    public sealed interface Payload permits CandidateVisible, PanelOnly {

        /** The name stored in {@code session_event.type}. */
        default String type() {
            return SessionEventTypes.typeOf(getClass());
        }

        /** Whether the candidate's room is woken by it (see {@link CandidateVisible}). */
        default boolean candidateMaySee() {
            return this instanceof CandidateVisible;
        }
    }

    /**
     * Events that change what the candidate sees (the state, pushes, timers) or whether they may stay
     * (the invite): the room is woken by them.
     */
    @org.springframework.modulith.NamedInterface("api")
    public sealed interface CandidateVisible extends Payload {
    }

    /**
     * Events only the panel's consoles show (notes, tags, scores, coverage, clarifications, presence):
     * the candidate's room is never woken by them, though it reads them when it catches up by sequence.
     */
    @org.springframework.modulith.NamedInterface("api")
    public sealed interface PanelOnly extends Payload {
    }

    // --- the session's life cycle -------------------------------------------------------------------

    @org.springframework.modulith.NamedInterface("api")
    public record SessionCreated(String title) implements PanelOnly {
        public static final String TYPE = "SESSION_CREATED";
    }

    @org.springframework.modulith.NamedInterface("api")
    public record SessionStarted() implements CandidateVisible {
        public static final String TYPE = "SESSION_STARTED";
    }

    @org.springframework.modulith.NamedInterface("api")
    public record SessionEnded() implements CandidateVisible {
        public static final String TYPE = "SESSION_ENDED";
    }

    @org.springframework.modulith.NamedInterface("api")
    public record SessionCancelled() implements CandidateVisible {
        public static final String TYPE = "SESSION_CANCELLED";
    }

    /**
     * The lead set or changed when the session starts: at creation, and for every reschedule. The
     * start is an instant; {@code timeZone} is the IANA zone the lead picked it in. The candidate's
     * waiting room shows it.
     */
    @org.springframework.modulith.NamedInterface("api")
    public record SessionScheduled(Instant startsAt, String timeZone, int plannedMinutes) implements CandidateVisible {
        public static final String TYPE = "SESSION_SCHEDULED";
    }

    /**
     * The lead set, changed ({@code url}) or removed ({@code null}) the video call's link. The link is
     * in the payload because every reader of the log may see it anyway: the panel in the console and
     * the candidate in the room.
     */
    @org.springframework.modulith.NamedInterface("api")
    public record MeetingLinkChanged(@Nullable String url) implements CandidateVisible {
        public static final String TYPE = "MEETING_LINK_CHANGED";
    }

    // --- what the candidate sees ---------------------------------------------------------------------

    /** An item pushed to the candidate's screen. */
    @org.springframework.modulith.NamedInterface("api")
    public record PromptPushed(int scenario, PromptKind kind, int area, int question) implements CandidateVisible {
        public static final String TYPE = "PROMPT_PUSHED";

        public static PromptPushed of(PromptRef ref) {
            return new PromptPushed(ref.scenario(), ref.kind(), ref.area(), ref.question());
        }

        public PromptRef ref() {
            return new PromptRef(scenario, kind, area, question);
        }
    }

    /** A scenario's countdown runs (any other pauses). */
    @org.springframework.modulith.NamedInterface("api")
    public record TimerStarted(int scenario) implements CandidateVisible {
        public static final String TYPE = "TIMER_STARTED";
    }

    @org.springframework.modulith.NamedInterface("api")
    public record TimerPaused(int scenario) implements CandidateVisible {
        public static final String TYPE = "TIMER_PAUSED";
    }

    @org.springframework.modulith.NamedInterface("api")
    public record TimerExtended(int scenario, int minutes) implements CandidateVisible {
        public static final String TYPE = "TIMER_EXTENDED";
    }

    // --- the candidate's access ------------------------------------------------------------------------

    @org.springframework.modulith.NamedInterface("api")
    public record InviteIssued(Instant expiresAt) implements CandidateVisible {
        public static final String TYPE = "INVITE_ISSUED";
    }

    @org.springframework.modulith.NamedInterface("api")
    public record InviteRevoked() implements CandidateVisible {
        public static final String TYPE = "INVITE_REVOKED";
    }

    @org.springframework.modulith.NamedInterface("api")
    public record InviteReleased() implements CandidateVisible {
        public static final String TYPE = "INVITE_RELEASED";
    }

    /** The candidate joined (or came back under another name); the room knows its own name already. */
    @org.springframework.modulith.NamedInterface("api")
    public record CandidateJoined(String name, boolean firstUse) implements PanelOnly {
        public static final String TYPE = "CANDIDATE_JOINED";
    }

    // --- the panel's side ------------------------------------------------------------------------------

    /** A question marked covered, or no longer covered. */
    @org.springframework.modulith.NamedInterface("api")
    public record QuestionCovered(int scenario, int area, int question, boolean covered) implements PanelOnly {
        public static final String TYPE = "QUESTION_COVERED";

        public PromptRef ref() {
            return PromptRef.question(scenario, area, question);
        }
    }

    /** The candidate asks for a clarification of {@code prompt} (its label, empty before the first push). */
    @org.springframework.modulith.NamedInterface("api")
    public record ClarificationRequested(String candidate, String prompt) implements PanelOnly {
        public static final String TYPE = "CLARIFICATION_REQUESTED";
    }

    @org.springframework.modulith.NamedInterface("api")
    public record PresenceChanged(String participant, boolean connected) implements PanelOnly {
        public static final String TYPE = "PRESENCE_CHANGED";
    }

    /**
     * A note created or committed (decision 0022); its text is read by those who may see it.
     * {@code version} is null in events written before versions were announced.
     */
    @org.springframework.modulith.NamedInterface("api")
    public record NoteSaved(long noteId, String author, @JsonProperty("private") boolean privateNote,
            @Nullable Long version) implements PanelOnly {
        public static final String TYPE = "NOTE_SAVED";
    }

    /**
     * A quick tag: the tag's name, the time since the start, the item on screen then, and the
     * author's name (so a console shows it without a read; missing in events of older versions).
     */
    @org.springframework.modulith.NamedInterface("api")
    public record TagAdded(String tag, long offsetMs, @Nullable PromptRef prompt, @Nullable String authorName)
            implements PanelOnly {
        public static final String TYPE = "TAG_ADDED";
    }

    /**
     * A coach's coaching note written or edited (review feature), during or after the session. Never
     * the text: only coaches, and the panel when the note is shared, may read it, and they read it
     * themselves. {@code shared} lets a console that may see shared notes only skip an unshared
     * one without a read (and drop it, if it was shared before); {@code version} lets a screen that
     * shows the note at that version already skip it.
     */
    @org.springframework.modulith.NamedInterface("api")
    public record CoachingNoteSaved(long noteId, String author, boolean shared, long version) implements PanelOnly {
        public static final String TYPE = "COACHING_NOTE_SAVED";
    }

    /** A coach deleted one of their coaching notes; {@code shared}: whether the panel could see it. */
    @org.springframework.modulith.NamedInterface("api")
    public record CoachingNoteDeleted(long noteId, String author, boolean shared) implements PanelOnly {
        public static final String TYPE = "COACHING_NOTE_DELETED";
    }

    /** A score sheet's draft saved: not a submission, but the author's other tabs must hear of it. */
    @org.springframework.modulith.NamedInterface("api")
    public record ScoreDraftSaved(int scenario, String author) implements PanelOnly {
        public static final String TYPE = "SCORE_DRAFT_SAVED";
    }

    @org.springframework.modulith.NamedInterface("api")
    public record ScoreSubmitted(int scenario, String author) implements PanelOnly {
        public static final String TYPE = "SCORE_SUBMITTED";
    }

    @org.springframework.modulith.NamedInterface("api")
    public record ScoresRevealed(int scenario) implements PanelOnly {
        public static final String TYPE = "SCORES_REVEALED";
    }

    @org.springframework.modulith.NamedInterface("api")
    public record ConsensusRecorded(int scenario, int area) implements PanelOnly {
        public static final String TYPE = "CONSENSUS_RECORDED";
    }

    /**
     * The lead recorded (or changed) the panel's verdict on the session; {@code version} is the
     * verdict's version after the change. The recommendation itself is read from session_verdict.
     */
    @org.springframework.modulith.NamedInterface("api")
    public record VerdictRecorded(long version) implements PanelOnly {
        public static final String TYPE = "VERDICT_RECORDED";
    }

    /**
     * One of the session's mails reached a state the lead's console shows (sent, waiting for a
     * retry, failed, queued again by Retry): only the mail's id and its {@code MailState}'s name,
     * never the address, subject or link, since every member's screen and the candidate's room read
     * the log. The console reads the states themselves from the outbox (decision 0041).
     */
    @org.springframework.modulith.NamedInterface("api")
    public record MailChanged(long mailId, String state) implements PanelOnly {
        public static final String TYPE = "MAIL_CHANGED";
    }

    /**
     * An event this node cannot read: a name it does not know (written by a newer node during an
     * upgrade) or a payload that does not parse. Readers skip it; it never stops a screen.
     */
    @org.springframework.modulith.NamedInterface("api")
    public record Unrecognised(String name, String json) implements PanelOnly {
    }

    private SessionEvents() {
    }
}
