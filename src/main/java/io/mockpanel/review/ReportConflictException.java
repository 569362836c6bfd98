package io.mockpanel.review;

import java.time.Instant;

/**
 * A save that started from an older version of the report than the stored one: another tab or
 * another coach saved in between. The caller keeps its text; nothing was written.
 */
public class ReportConflictException extends ReviewException {

    private final Instant savedAt;

    public ReportConflictException(Instant savedAt) {
        super("This report was changed elsewhere (another tab or another coach) since you opened it. "
                + "Your text is kept here and was not saved.");
        this.savedAt = savedAt;
    }

    /** When the newer version was saved. */
    public Instant savedAt() {
        return savedAt;
    }
}
