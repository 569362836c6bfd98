package io.mockpanel.scoring;

import io.mockpanel.panel.SessionEvent;
import io.mockpanel.panel.SessionEventTypes;
import io.mockpanel.panel.SessionEvents;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A session event read as a change of what someone sees of the scoring: which scenario it touches
 * (or all of them, when the session opens or closes for scoring), and whether it can change a
 * given member's view at all. Read from the event alone, so a panel decides without a query.
 *
 * @param scenario the scenario changed, or empty for every scenario
 * @param author   the sheet's author for a sheet event, else null
 */
public record ScoringChange(String type, OptionalInt scenario, @Nullable String author) {

    /** The kinds of event that change what someone sees of the scoring. */
    private static final Set<Class<? extends SessionEvents.Payload>> SCORING = Set.of(
            SessionEvents.ScoreDraftSaved.class, SessionEvents.ScoreSubmitted.class, SessionEvents.ScoresRevealed.class,
            SessionEvents.ConsensusRecorded.class, SessionEvents.SessionStarted.class,
            SessionEvents.SessionCancelled.class);

    /** The event as a scoring change, or empty when it changes nothing of the scoring. */
    public static Optional<ScoringChange> of(SessionEvent event) {
        // The name decides first: other kinds are never decoded.
        if (SessionEventTypes.kindOf(event.type()).filter(SCORING::contains).isEmpty()) {
            return Optional.empty();
        }
        OptionalInt every = OptionalInt.empty();
        return Optional.of(switch (event.decode()) {
            case SessionEvents.ScoreDraftSaved sheet ->
                    new ScoringChange(event.type(), OptionalInt.of(sheet.scenario()), sheet.author());
            case SessionEvents.ScoreSubmitted sheet ->
                    new ScoringChange(event.type(), OptionalInt.of(sheet.scenario()), sheet.author());
            case SessionEvents.ScoresRevealed reveal -> new ScoringChange(event.type(), OptionalInt.of(reveal.scenario()), null);
            case SessionEvents.ConsensusRecorded consensus ->
                    new ScoringChange(event.type(), OptionalInt.of(consensus.scenario()), null);
            // Scoring opens when the session starts and closes when it is cancelled (ending a live
            // session keeps it open), and a payload this version cannot read may have changed
            // anything: every scenario's board changes then, never nothing.
            default -> new ScoringChange(event.type(), every, null);
        });
    }

    /**
     * Whether the change can alter what {@code viewer} sees. Someone else's draft cannot: drafts are
     * seen by their author only, and "who has submitted" counts submissions.
     */
    public boolean concerns(String viewer) {
        return !(type.equals(SessionEvents.ScoreDraftSaved.TYPE) && !viewer.equals(author));
    }

    /** Whether it touches {@code position}'s scoring. */
    public boolean touches(int position) {
        return scenario.isEmpty() || scenario.getAsInt() == position;
    }
}
