package io.mockpanel.scoring;

import io.mockpanel.panel.EventTypes;
import io.mockpanel.panel.SessionEvent;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A session event read as a change of what someone sees of the scoring: which scenario it touches
 * (or all of them, when the session opens or closes for scoring), and whether it can change a
 * given member's view at all. Read from the event alone, so a panel decides without a query.
 *
 * @param scenario the scenario changed, or empty for every scenario
 * @param author   the sheet's author for a sheet event, else null
 */
public record ScoringChange(String type, OptionalInt scenario, @Nullable String author) {

    private static final JsonMapper JSON = JsonMapper.shared();

    /** The event as a scoring change, or empty when it changes nothing of the scoring. */
    public static Optional<ScoringChange> of(SessionEvent event) {
        try {
            return switch (event.type()) {
                case ScoringEvents.SCORE_DRAFT_SAVED, EventTypes.SCORE_SUBMITTED -> {
                    var sheet = JSON.readValue(event.payload(), ScoringEvents.SheetPayload.class);
                    yield Optional.of(new ScoringChange(event.type(), OptionalInt.of(sheet.scenario()),
                            sheet.author()));
                }
                case EventTypes.SCORES_REVEALED -> Optional.of(new ScoringChange(event.type(),
                        OptionalInt.of(JSON.readValue(event.payload(), ScoringEvents.RevealPayload.class).scenario()),
                        null));
                case EventTypes.CONSENSUS_RECORDED -> Optional.of(new ScoringChange(event.type(),
                        OptionalInt.of(JSON.readValue(event.payload(), ScoringEvents.ConsensusPayload.class)
                                .scenario()), null));
                // Scoring opens when the session starts and closes when it is cancelled (ending a
                // live session keeps it open): every scenario's board changes then.
                case EventTypes.SESSION_STARTED, EventTypes.SESSION_CANCELLED ->
                        Optional.of(new ScoringChange(event.type(), OptionalInt.empty(), null));
                default -> Optional.empty();
            };
        } catch (JacksonException e) {
            // A payload this version cannot read: treat it as a change of everything, never as nothing.
            return Optional.of(new ScoringChange(event.type(), OptionalInt.empty(), null));
        }
    }

    /**
     * Whether the change can alter what {@code viewer} sees. Someone else's draft cannot: drafts are
     * seen by their author only, and "who has submitted" counts submissions.
     */
    public boolean concerns(String viewer) {
        return !(type.equals(ScoringEvents.SCORE_DRAFT_SAVED) && !viewer.equals(author));
    }

    /** Whether it touches {@code position}'s scoring. */
    public boolean touches(int position) {
        return scenario.isEmpty() || scenario.getAsInt() == position;
    }
}
