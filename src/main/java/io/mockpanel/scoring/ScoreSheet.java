package io.mockpanel.scoring;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One scoring member's sheet for one scenario, as far as the reader may see it (a reader only ever
 * gets other people's sheets once they are submitted and the blind rule allows it).
 *
 * @param areas   the areas written, by area index
 * @param version the optimistic lock: pass it back in {@link ScoreSheetInput#version()}
 */
public record ScoreSheet(long id, int scenario, String author, String authorName, SheetState state,
        List<AreaScore> areas, @Nullable Integer recommendation, String recommendationText, Instant updatedAt,
        @Nullable Instant submittedAt, long version) {

    public ScoreSheet {
        areas = List.copyOf(areas);
    }

    public Optional<AreaScore> area(int area) {
        return areas.stream().filter(a -> a.area() == area).findFirst();
    }

    public boolean submitted() {
        return state == SheetState.SUBMITTED;
    }
}
