package io.mockpanel.scoring;

import io.mockpanel.panel.SessionRole;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the current user may see of one scenario's scoring. The service builds it under the blind
 * rule: {@code otherSheets} is empty until the reader submitted their own sheet (observers: until
 * the reveal), and {@code spread}, {@code recommendationSpread} and {@code consensus} are empty
 * until the reveal.
 *
 * @param areaTitles  the scenario's discussion areas, by index
 * @param open        whether the session is live or completed (scoring happens then)
 * @param mySheet     the reader's own sheet, draft or submitted; null for observers and before the first save
 * @param otherSheets other scorers' submitted sheets, when the blind rule allows
 * @param scorers     every scoring member (lead and panelists) and whether they submitted
 * @param reveal      when and by whom the sheets were revealed, or null
 */
public record ScoringBoard(long sessionId, int scenario, String scenarioTitle, List<String> areaTitles,
        SessionRole myRole, boolean open, @Nullable ScoreSheet mySheet, List<ScoreSheet> otherSheets,
        List<ScorerStatus> scorers, @Nullable Reveal reveal, List<Spread> spread,
        @Nullable Spread recommendationSpread, List<ConsensusScore> consensus) {

    public ScoringBoard {
        areaTitles = List.copyOf(areaTitles);
        otherSheets = List.copyOf(otherSheets);
        scorers = List.copyOf(scorers);
        spread = List.copyOf(spread);
        consensus = List.copyOf(consensus);
    }

    /** What the reader may do here and what the blind rule lets them see. */
    public ScoringRights rights() {
        return new ScoringRights(myRole, open, revealed(), mine().map(ScoreSheet::submitted).orElse(false),
                allSubmitted());
    }

    public boolean canScore() {
        return rights().scores();
    }

    public boolean canReveal() {
        return rights().canReveal();
    }

    public boolean canRecordConsensus() {
        return rights().recordsConsensus();
    }

    public boolean revealed() {
        return reveal != null;
    }

    public long submittedCount() {
        return scorers.stream().filter(ScorerStatus::submitted).count();
    }

    public boolean allSubmitted() {
        return !scorers.isEmpty() && submittedCount() == scorers.size();
    }

    public Optional<ScoreSheet> mine() {
        return Optional.ofNullable(mySheet);
    }

    public Optional<ConsensusScore> consensus(int area) {
        return consensus.stream().filter(c -> c.area() == area).findFirst();
    }
}
