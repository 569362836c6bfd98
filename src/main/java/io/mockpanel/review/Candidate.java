package io.mockpanel.review;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A person across sessions, as the candidates list shows them.
 *
 * @param addresses the e-mail addresses their sessions were grouped by (none once anonymised)
 * @param sessions  how many sessions they had (any state)
 * @param lastSessionAt when the newest session started, or was created if it never started
 */
public record Candidate(long id, String displayName, List<String> addresses, int sessions,
        @Nullable Instant lastSessionAt, boolean anonymised) {

    public Candidate {
        addresses = List.copyOf(addresses);
    }
}
