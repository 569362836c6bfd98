package io.mockpanel.review;

import io.mockpanel.panel.PromptRef;
import io.mockpanel.panel.QuickTag;
import io.mockpanel.panel.SessionEvent;
import io.mockpanel.panel.SessionEvents;
import io.mockpanel.review.SessionReview.Moment;
import io.mockpanel.review.SessionReview.MomentKind;
import io.mockpanel.review.SessionReviewRows.NoteRow;
import io.mockpanel.review.SessionReviewRows.SessionRow;
import io.mockpanel.scenario.ScenarioContent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The timeline of a session review ({@link SessionReviewService#review}): the log's events that a
 * reader cares about, in words, interleaved with the notes and quick tags at their stamps. Works on
 * rows already read; checks no roles and reads nothing itself.
 */
final class SessionReviewTimeline {

    private SessionReviewTimeline() {
    }

    private record Placed(Instant at, long seq, Moment moment) {
    }

    /**
     * The moments in the order they happened; 'clock' places unpinned coaching notes at the end of a
     * session that has not ended.
     */
    static List<Moment> of(SessionRow session, List<ScenarioContent> agenda, List<SessionEvent> events,
            List<NoteRow> notes, List<NoteRow> coaching, Map<String, String> names, Clock clock) {
        Instant start = session.startedAt();
        List<Placed> placed = new ArrayList<>();
        for (SessionEvent event : events) {
            String who = names.getOrDefault(event.actor(), event.actor());
            Moment moment = switch (event.decode()) {
                case SessionEvents.SessionStarted s -> moment(event, start, MomentKind.STARTED, who, "Started the session", null);
                case SessionEvents.SessionEnded s -> moment(event, start, MomentKind.ENDED, who, "Ended the session", null);
                case SessionEvents.SessionCancelled s ->
                        moment(event, start, MomentKind.ENDED, who, "Cancelled the session", null);
                case SessionEvents.PromptPushed push -> moment(event, start, MomentKind.PROMPT, who,
                        "Pushed " + label(push.ref(), agenda), push.ref());
                case SessionEvents.TimerStarted t -> moment(event, start, MomentKind.TIMER, who,
                        "Started the timer of " + title(t.scenario(), agenda), null);
                case SessionEvents.TimerPaused t -> moment(event, start, MomentKind.TIMER, who,
                        "Paused the timer of " + title(t.scenario(), agenda), null);
                case SessionEvents.TimerExtended t -> moment(event, start, MomentKind.TIMER, who,
                        "Gave " + title(t.scenario(), agenda) + " " + t.minutes() + " more minutes", null);
                case SessionEvents.QuestionCovered c -> moment(event, start, MomentKind.COVERAGE, who,
                        (c.covered() ? "Marked covered: " : "No longer covered: ") + label(c.ref(), agenda), c.ref());
                case SessionEvents.ClarificationRequested c -> moment(event, start, MomentKind.CLARIFICATION,
                        c.candidate(), c.prompt().isBlank() ? "Asked for a clarification"
                                : "Asked for a clarification of " + c.prompt(), null);
                case SessionEvents.CandidateJoined j -> moment(event, start, MomentKind.JOINED, j.name(),
                        j.firstUse() ? "Joined the room" : "Came back to the room", null);
                case SessionEvents.TagAdded tag -> tagMoment(event, tag, who, agenda);
                case SessionEvents.ScoreSubmitted s -> moment(event, start, MomentKind.SCORE_SUBMITTED,
                        names.getOrDefault(s.author(), s.author()), "Submitted the scores of " + title(s.scenario(), agenda),
                        null);
                case SessionEvents.ScoresRevealed r -> moment(event, start, MomentKind.SCORES_REVEALED, who,
                        "Revealed the scores of " + title(r.scenario(), agenda), null);
                case SessionEvents.ConsensusRecorded c -> moment(event, start, MomentKind.CONSENSUS, who,
                        "Recorded the consensus on " + areaTitle(c.scenario(), c.area(), agenda) + " ("
                                + title(c.scenario(), agenda) + ")", null);
                case SessionEvents.VerdictRecorded v -> moment(event, start, MomentKind.VERDICT, who,
                        v.version() == 0 ? "Recorded the panel's verdict" : "Changed the panel's verdict", null);
                default -> null;
            };
            if (moment != null) {
                // A tag sits at its stamp, like a note, so that the two interleave as they were taken.
                Instant at = moment.kind() == MomentKind.TAG && start != null ? start.plus(moment.offset()) : event.at();
                placed.add(new Placed(at, event.seq(), moment));
            }
        }
        Duration end = start == null ? Duration.ZERO
                : Duration.between(start, session.endedAt() != null ? session.endedAt() : clock.instant());
        for (NoteRow note : notes) {
            placed.add(noteMoment(note, start, end, events, note.isPrivate() ? MomentKind.PRIVATE_NOTE : MomentKind.NOTE));
        }
        for (NoteRow note : coaching) {
            placed.add(noteMoment(note, start, end, events, MomentKind.COACHING_NOTE));
        }
        placed.sort(Comparator.comparing(Placed::at).thenComparingLong(Placed::seq));
        return placed.stream().map(Placed::moment).toList();
    }

    private static Moment moment(SessionEvent event, @Nullable Instant start, MomentKind kind, String who, String text,
            @Nullable PromptRef prompt) {
        return new Moment(event.seq(), offset(start, event.at()), kind, who, text, prompt);
    }

    private static @Nullable Moment tagMoment(SessionEvent event, SessionEvents.TagAdded tag, String who,
            List<ScenarioContent> agenda) {
        Optional<QuickTag> known = quickTag(tag.tag());
        if (known.isEmpty()) {
            return null; // a retired tag
        }
        PromptRef prompt = tag.prompt() != null && tag.prompt().existsIn(agenda) ? tag.prompt() : null;
        return new Moment(event.seq(), Duration.ofMillis(Math.max(0, tag.offsetMs())), MomentKind.TAG,
                tag.authorName() != null ? tag.authorName() : who, known.get().label(), prompt);
    }

    /**
     * A note sits at its stamp; its number is that of the last event before it, so that replaying the
     * log up to it shows the candidate's screen when the note was taken. A coaching note written after
     * the session without a moment picked sits at the end.
     */
    private static Placed noteMoment(NoteRow note, @Nullable Instant start, Duration end, List<SessionEvent> events,
            MomentKind kind) {
        Duration offset = note.pinned() ? note.offset() : end;
        Instant at = start == null ? note.createdAt() : start.plus(offset);
        long seq = 0;
        for (SessionEvent event : events) {
            // Stamps are kept in milliseconds, events in microseconds.
            if (event.at().truncatedTo(ChronoUnit.MILLIS).isAfter(at)) {
                break;
            }
            seq = event.seq();
        }
        return new Placed(at, seq, new Moment(seq, offset, kind, note.name(), note.text(), note.prompt()));
    }

    private static Duration offset(@Nullable Instant start, Instant at) {
        if (start == null || at.isBefore(start)) {
            return Duration.ZERO;
        }
        return Duration.between(start, at);
    }

    /** The tag by its name; empty for a retired tag (its events stay in the log). */
    static Optional<QuickTag> quickTag(String name) {
        try {
            return Optional.of(QuickTag.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String label(PromptRef ref, List<ScenarioContent> agenda) {
        return ref.existsIn(agenda) ? ref.label(agenda) : "an item that is not on the agenda";
    }

    private static String title(int scenario, List<ScenarioContent> agenda) {
        return scenario >= 0 && scenario < agenda.size() ? agenda.get(scenario).title() : "scenario " + (scenario + 1);
    }

    private static String areaTitle(int scenario, int area, List<ScenarioContent> agenda) {
        if (scenario >= 0 && scenario < agenda.size() && area >= 0
                && area < agenda.get(scenario).discussionAreas().size()) {
            return agenda.get(scenario).discussionAreas().get(area).title();
        }
        return "area " + (area + 1);
    }
}
