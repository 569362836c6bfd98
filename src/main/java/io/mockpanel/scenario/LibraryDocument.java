package io.mockpanel.scenario;

import java.util.List;

/** What one library Markdown file holds: scenarios in file order and guidance lists. */
public record LibraryDocument(List<ScenarioContent> scenarios, List<GuidanceList> guidance) {

    public LibraryDocument {
        scenarios = List.copyOf(scenarios);
        guidance = List.copyOf(guidance);
    }
}
