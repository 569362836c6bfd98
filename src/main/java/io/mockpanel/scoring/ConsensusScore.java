package io.mockpanel.scoring;

import java.time.Instant;

/**
 * The panel's agreed score for one discussion area, recorded by the lead after the reveal.
 *
 * @param version the optimistic lock: pass it back in {@link ConsensusInput#version()}
 */
public record ConsensusScore(int area, int score, String note, String recordedBy, String recordedByName,
        Instant recordedAt, long version) {
}
