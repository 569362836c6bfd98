/** Views of the review feature: coaching notes in the console and after the session. */
@NullMarked
package io.mockpanel.review.ui;

import org.jspecify.annotations.NullMarked;
