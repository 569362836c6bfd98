package io.mockpanel.scenario;

/** A stored scenario: its id in the library and its full content. */
public record ScenarioDetails(long id, ScenarioContent content) {
}
