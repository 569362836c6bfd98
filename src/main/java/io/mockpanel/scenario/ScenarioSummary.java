package io.mockpanel.scenario;

import org.jspecify.annotations.Nullable;

/** One scenario as the library list shows it. */
public record ScenarioSummary(long id, String category, String title, String level, int durationMinutes,
        @Nullable String company, String situation, int areaCount, int questionCount) {
}
