package io.mockpanel.scenario;

/** What an import changed. */
public record ImportResult(int added, int updated, int unchanged, int guidanceChanged) {

    public String describe() {
        return added + " added, " + updated + " updated, " + unchanged + " unchanged"
                + (guidanceChanged > 0 ? ", " + guidanceChanged + " guidance lists saved" : "");
    }
}
