package io.mockpanel.review;

import io.mockpanel.scoring.ScoreScale;
import org.jspecify.annotations.Nullable;

/** The panel's verdict a history search asks for: one point of the scale, or none recorded yet. */
public enum VerdictFilter {
    STRONG_NO(ScoreScale.STRONG_NO),
    NO(ScoreScale.NO),
    YES(ScoreScale.YES),
    STRONG_YES(ScoreScale.STRONG_YES),
    NOT_RECORDED(null);

    private final @Nullable ScoreScale point;

    VerdictFilter(@Nullable ScoreScale point) {
        this.point = point;
    }

    /** The scale's value, or null for "not recorded". */
    public @Nullable Integer value() {
        return point == null ? null : point.value();
    }

    public String label() {
        return point == null ? "Not recorded" : point.display();
    }
}
