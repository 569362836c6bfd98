package io.mockpanel.review;

import org.jspecify.annotations.Nullable;

/**
 * The lead's verdict as the form sends it.
 *
 * @param recommendation 1 strong no .. 4 strong yes; null when none was chosen (refused with a message)
 * @param version        the version the form was filled from; null for the first verdict
 */
public record VerdictInput(@Nullable Integer recommendation, String note, @Nullable Long version) {
}
