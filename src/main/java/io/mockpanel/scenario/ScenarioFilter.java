package io.mockpanel.scenario;

import org.jspecify.annotations.Nullable;

/** What the library list is narrowed to; a null or blank part does not narrow. */
public record ScenarioFilter(@Nullable String text, @Nullable String category, @Nullable String level) {

    public static final ScenarioFilter ALL = new ScenarioFilter(null, null, null);
}
