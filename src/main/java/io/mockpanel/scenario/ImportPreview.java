package io.mockpanel.scenario;

import java.util.List;

/** What an import would do, shown to the user before anything is saved. */
public record ImportPreview(List<ScenarioImport> scenarios, List<GuidanceImport> guidance) {

    public ImportPreview {
        scenarios = List.copyOf(scenarios);
        guidance = List.copyOf(guidance);
    }

    public record ScenarioImport(ScenarioContent content, ImportChange change) {
    }

    public record GuidanceImport(GuidanceList list, ImportChange change) {
    }

    public long count(ImportChange change) {
        return scenarios.stream().filter(s -> s.change() == change).count();
    }

    public boolean changesAnything() {
        return scenarios.stream().anyMatch(s -> s.change() != ImportChange.UNCHANGED)
                || guidance.stream().anyMatch(g -> g.change() != ImportChange.UNCHANGED);
    }
}
