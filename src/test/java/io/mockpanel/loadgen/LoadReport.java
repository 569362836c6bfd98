package io.mockpanel.loadgen;

import java.util.List;

/**
 * A load run's figures: tabs open, push latency of the current window, pushes sent / acknowledged
 * by the server / seen by the candidates / acknowledged but never seen / seen out of order, note
 * saves and score-sheet drafts acknowledged and refused, push frames received, push connections
 * that closed under a tab, and tabs reloaded.
 */
public record LoadReport(int panels, int tabs, int tabsIn, LoadMetrics.Latency latency,
        LoadMetrics.Latency crossNodeLatency, LoadMetrics.Latency reopenTimes, long errors,
        List<String> errorExamples, long pushesSent, long pushesAcknowledged, long pushesSeen, long pushesUnseen,
        long outOfOrder, long noteSaves, long noteSavesRefused, long scoreSaves, long scoreSavesRefused,
        long pushFrames, long pushConnectionsClosed, long reopened) {

    /** One line for a benchmark's output. */
    public String line() {
        return "panels=%d tabs=%d/%d push latency %s%s | pushes sent=%d acked=%d seen=%d unseen=%d out-of-order=%d"
                .formatted(panels, tabsIn, tabs, latency,
                        crossNodeLatency.count() == 0 ? "" : " (cross-node " + crossNodeLatency + ")", pushesSent, pushesAcknowledged, pushesSeen, pushesUnseen,
                        outOfOrder)
                + " | note saves=%d refused=%d | score drafts=%d refused=%d".formatted(noteSaves, noteSavesRefused,
                        scoreSaves, scoreSavesRefused)
                + " | frames=%d closed=%d reopened=%d%s | errors=%d".formatted(pushFrames, pushConnectionsClosed,
                        reopened, reopenTimes.count() == 0 ? "" : " (back in " + reopenTimes + ")", errors)
                + (errorExamples.isEmpty() ? "" : " e.g. " + errorExamples.subList(0, Math.min(3, errorExamples.size())));
    }
}
