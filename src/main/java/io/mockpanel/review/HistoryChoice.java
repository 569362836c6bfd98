package io.mockpanel.review;

/** Something a history filter can pick (a candidate, a scenario, an interviewer): its key and its name. */
public record HistoryChoice<K>(K key, String label) {
}
