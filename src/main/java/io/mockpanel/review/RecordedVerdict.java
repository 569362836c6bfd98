package io.mockpanel.review;

/** The panel's verdict with the version a change must name (optimistic locking). */
public record RecordedVerdict(SessionReview.Verdict verdict, long version) {
}
