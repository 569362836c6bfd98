package io.mockpanel.review;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How each interviewer's scores sit against their panels', over sessions in a date range (revealed
 * sheets only). Positive deviations are lenient (higher than the panel), negative severe.
 *
 * @param groups the competencies with any score, in display order (as in candidate progress)
 */
public record Calibration(LocalDate from, LocalDate to, List<Interviewer> interviewers, List<String> groups) {

    /** Below this many scores a figure says little: the screen marks it "few data". */
    public static final int FEW_DATA = 10;

    public Calibration {
        interviewers = List.copyOf(interviewers);
        groups = List.copyOf(groups);
    }

    public record Interviewer(String username, String displayName, Deviation overall, List<AreaDeviation> areas) {
        public Interviewer {
            areas = List.copyOf(areas);
        }
    }

    public record AreaDeviation(String group, Deviation deviation) {
    }

    /**
     * @param scores        area scores the interviewer submitted (and that were revealed)
     * @param vsConsensus   mean of (their score − the panel's consensus), over scores with a consensus
     * @param withConsensus how many scores had a consensus
     * @param vsOthers      mean of (their score − the mean of the other panelists' scores for that area)
     * @param withOthers    how many scores had at least one other panelist's score
     * @param farFromPanel  of those, how many were 2 or more points from the others' mean
     */
    public record Deviation(int scores, @Nullable Double vsConsensus, int withConsensus, @Nullable Double vsOthers,
            int withOthers, int farFromPanel) {

        /** Share of comparable scores 2+ points from the others' mean; null when none was comparable. */
        public @Nullable Double farShare() {
            return withOthers == 0 ? null : (double) farFromPanel / withOthers;
        }

        public boolean fewData() {
            return scores < FEW_DATA;
        }
    }
}
