package io.mockpanel.scenario;

/** One guidance entry: a short bold label ("Situation") and what it means ("Set the context and scale"). */
public record GuidanceItem(String label, String text) {
}
